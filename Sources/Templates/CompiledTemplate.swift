import Support

/// A template compiled against its kind's schema: every name is resolved to field indices, every
/// partial and parent to a procedure. Rendering runs its instructions with explicit stacks (frames,
/// repeated lists, procedure returns), so no nesting of template or data recurses in Swift.
public struct CompiledTemplate: Sendable {
    let instructions: [Instruction]
    /// The first instruction of each procedure; procedure 0 is the template itself.
    let entries: [Int]
    let pool: [UInt8]
    /// Every value the template can read, as `Schema.field` (the page's dependencies, derived).
    public let valuesRead: Set<String>
    /// The fields of each record that the template reads, for `fingerprint`.
    let dependencies: ValueDependencies

    /// How deep partials may call each other while rendering: deeper means a partial that includes
    /// itself inside a section whose value stays true (the compiler refuses unconditional cycles).
    public static let maximumCallDepth = 10_000

    /// A partial that calls itself more than `maximumCallDepth` times for one page.
    public struct RenderError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Appends the output for `root`, a value of the catalog's root schema, to `buffer`. A value that
    /// does not match the schema (see `SchemaCatalog.mismatches`) renders as nothing in its place.
    public func render(_ root: TemplateValue, into buffer: inout [UInt8]) throws(RenderError) {
        var frames: [(scope: Int32, value: TemplateValue)] = [(0, root)]
        var loops: [(elements: [TemplateValue], index: Int)] = []
        var returns: [Int] = []
        var pc = entries[0]
        while true {
            switch instructions[pc] {
            case .text(let start, let end):
                buffer.append(contentsOf: pool[start..<end])
            case .value(let reference, let escaped):
                switch value(reference, in: frames) {
                case .text(let text) where escaped: MarkupEscaping.appendAnywhere(text, to: &buffer)
                case .text(let text), .html(let text): buffer.append(contentsOf: text.utf8)
                default: break
                }
            case .open(let reference, let mode, let end):
                if !enter(mode, value(reference, in: frames), frames: &frames, loops: &loops) { pc = end }
            case .close(let mode, let start):
                if case .list = mode {
                    loops[loops.count - 1].index += 1
                    let loop = loops[loops.count - 1]
                    if loop.index < loop.elements.count {
                        frames[frames.count - 1].value = loop.elements[loop.index]
                        pc = start
                    } else {
                        loops.removeLast()
                        frames.removeLast()
                    }
                } else if case .push = mode {
                    frames.removeLast()
                }
            case .call(let procedure):
                guard returns.count < Self.maximumCallDepth else {
                    throw RenderError(description: "partials call each other more than \(Self.maximumCallDepth) times deep: a partial includes itself inside a section that stays true")
                }
                returns.append(pc)
                pc = entries[procedure] - 1
            case .ret:
                guard let back = returns.popLast() else { return }
                pc = back
            }
            pc += 1
        }
    }

    /// Whether the section shows; pushes its frame (and list) when it does.
    private func enter(_ mode: SectionMode, _ value: TemplateValue, frames: inout [(scope: Int32, value: TemplateValue)],
                       loops: inout [(elements: [TemplateValue], index: Int)]) -> Bool {
        switch mode {
        case .list(let scope):
            guard case .list(let elements) = value, let first = elements.first else { return false }
            loops.append((elements, 0))
            frames.append((scope, first))
            return true
        case .flag:
            if case .flag(true) = value { return true }
            return false
        case .push(let scope):
            if case .absent = value { return false }
            frames.append((scope, value))
            return true
        case .inverted:
            return !value.isTruthy
        case .first, .notFirst:
            return (loops.last?.index == 0) == (mode == .first)
        case .last, .notLast:
            let isLast = loops.last.map { $0.index == $0.elements.count - 1 } ?? false
            return isLast == (mode == .last)
        }
    }

    private func value(_ reference: Reference, in frames: [(scope: Int32, value: TemplateValue)]) -> TemplateValue {
        var value: TemplateValue
        if reference.scope == Reference.topScope {
            value = frames[frames.count - 1].value
        } else {
            guard let frame = frames.last(where: { $0.scope == reference.scope }) else { return .absent }
            value = frame.value
        }
        for index in reference.path {
            guard case .object(let entries) = value, Int(index) < entries.count else { return .absent }
            value = entries[Int(index)]
        }
        return value
    }
}
