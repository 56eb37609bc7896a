/// Compiles a template and what it includes into one program. Each partial or parent use becomes a
/// procedure compiled once per context (scopes, block overrides, indentation), so a partial that
/// includes itself for nested data (a site-map tree) is a call to itself, not an endless expansion.
/// Templates are walked with explicit stacks: the input's nesting never deepens Swift's stack.
final class Compiler {
    /// A block's content in the template that overrides it: elements after `start` up to `end`, its closing tag.
    struct Override: Hashable {
        let template: String
        let start: Int
        let end: Int
    }

    struct Request {
        let template: String
        let scopes: Scopes
        let overrides: Int
        let indentation: String
        /// The templates that led here, for the error naming an include cycle.
        let chain: [String]
    }

    /// A walk over elements of one template: the whole file, or the content of a block override.
    struct Cursor {
        let template: ParsedTemplate
        var index: Int
        let end: Int
        let block: String?
    }

    struct OpenSection {
        let instruction: Int
        let mode: SectionMode
        let scopes: Scopes
        let inSequence: Bool
    }

    /// Deeper than any real theme; a chain this long is a cycle whose contexts keep changing.
    static let maximumInclusionDepth = 32

    let templates: [String: ParsedTemplate]
    let resolver: NameResolver
    var instructions: [Instruction] = []
    var pool: [UInt8] = []
    var entries: [Int] = []
    var procedureIDs: [String: Int] = [:]
    var pending: [(id: Int, request: Request)] = []
    var overrideSets: [[String: Override]] = [[:]]
    var overrideSetIDs: [String: Int] = ["": 0]
    var errors: Set<TemplateError> = []
    /// Calls made outside any section, which always happen: a cycle of them never ends.
    var unconditionalCalls: [Int: [(callee: Int, tag: Tag)]] = [:]
    var procedureNames: [Int: String] = [:]
    var currentProcedure = 0
    var sectionDepth = 0
    var valuesRead: Set<String> = []

    // The state of the procedure being compiled.
    var scopes = Scopes([])
    var indentation: [UInt8] = []
    var atLineStart = true
    var inSequence = false

    init(templates: [String: ParsedTemplate], resolver: NameResolver) {
        self.templates = templates
        self.resolver = resolver
    }

    func compile(root: String, rootScope: Scopes.Scope) throws(TemplateErrors) -> CompiledTemplate {
        _ = procedure(for: Request(template: root, scopes: Scopes([rootScope]), overrides: 0, indentation: "", chain: [root]))
        var next = 0
        while next < pending.count {
            let (id, request) = pending[next]
            next += 1
            entries[id] = instructions.count
            currentProcedure = id
            compileBody(request)
        }
        reportUnconditionalCycles()
        if !errors.isEmpty { throw TemplateErrors(Array(errors)) }
        return CompiledTemplate(instructions: instructions, entries: entries, pool: pool, valuesRead: valuesRead)
    }

    private func procedure(for request: Request) -> Int {
        let key = "\(request.template)|\(request.scopes.key)|\(request.overrides)|\(request.indentation)"
        if let id = procedureIDs[key] { return id }
        let id = entries.count
        entries.append(-1)
        procedureIDs[key] = id
        procedureNames[id] = request.template
        pending.append((id, request))
        return id
    }

    private func compileBody(_ request: Request) {
        scopes = request.scopes
        indentation = Array(request.indentation.utf8)
        atLineStart = true
        inSequence = false
        let overrides = overrideSets[request.overrides]
        var cursors = [Cursor(template: templates[request.template]!, index: 0, end: templates[request.template]!.elements.count, block: nil)]
        var sections: [OpenSection] = [] {
            didSet { sectionDepth = sections.count }
        }
        sectionDepth = 0
        while let cursor = cursors.last {
            guard cursor.index < cursor.end else {
                cursors.removeLast()
                continue
            }
            let template = cursor.template
            let index = cursor.index
            cursors[cursors.count - 1].index += 1
            switch template.elements[index] {
            case .text(let bytes):
                emitText(bytes)
            case .close(let opener, let standalone):
                defer { if standalone { atLineStart = true } }
                guard case .tag(let tag) = template.elements[opener], tag.kind == .section || tag.kind == .invertedSection,
                      let open = sections.popLast() else { continue }
                if !standalone { indentAtLineStart() }
                instructions[open.instruction] = patched(instructions[open.instruction], end: instructions.count)
                instructions.append(.close(open.mode, start: open.instruction))
                scopes = open.scopes
                inSequence = open.inSequence
            case .tag(let tag):
                switch tag.kind {
                case .variable, .unescaped:
                    indentAtLineStart()
                    variable(tag)
                case .section, .invertedSection:
                    if !tag.standalone { indentAtLineStart() }
                    if let open = openSection(tag) {
                        sections.append(open)
                    } else {
                        cursors[cursors.count - 1].index = template.closings[index]! + 1
                    }
                case .partial:
                    include(tag, overrides: request.overrides, request: request)
                case .parent:
                    let close = template.closings[index]!
                    cursors[cursors.count - 1].index = close + 1
                    include(tag, overrides: overrideSet(overrides, adding: blocks(in: template, from: index, to: close)), request: request)
                case .block:
                    inSequence = false
                    if let override = overrides[tag.name], !cursors.contains(where: { $0.block == tag.name }) {
                        cursors[cursors.count - 1].index = template.closings[index]! + 1
                        cursors.append(Cursor(template: templates[override.template]!, index: override.start + 1, end: override.end, block: tag.name))
                    }
                case .comment, .close:
                    continue
                }
                if tag.standalone { atLineStart = true }
            }
        }
        instructions.append(.ret)
    }

    // MARK: - Tags

    private func variable(_ tag: Tag) {
        guard let (reference, kind) = resolve(tag) else { return }
        let escaped = tag.kind == .variable
        switch kind.unwrapped {
        case .text where !escaped:
            errors.insert(TemplateError(tag.position, "'{{{\(tag.name)}}}' would write a text without escaping it",
                                        notes: ["write {{\(tag.name)}}: only HTML values are written unescaped"]))
        case .html where escaped:
            errors.insert(TemplateError(tag.position, "'{{\(tag.name)}}' would show HTML as text",
                                        notes: ["write {{{\(tag.name)}}}: '\(tag.name)' is HTML made by the build"]))
        case .text, .html:
            instructions.append(.value(reference, escaped: escaped))
        default:
            errors.insert(TemplateError(tag.position, "'\(tag.name)' is \(NameResolver.describe(kind)) and cannot be written",
                                        notes: ["use it as a section: {{#\(tag.name)}}…{{/\(tag.name)}}"]))
        }
    }

    /// Emits the section's opening (its end patched at its closing); nil when it is an error.
    private func openSection(_ tag: Tag) -> OpenSection? {
        let inverted = tag.kind == .invertedSection
        if tag.name == "first()" || tag.name == "last()" {
            guard inSequence else {
                errors.insert(TemplateError(tag.position, "'\(tag.name)' is only known directly inside a list section",
                                            notes: ["partials, blocks and sections over objects start a new context"]))
                return nil
            }
            let mode: SectionMode = tag.name == "first()" ? (inverted ? .notFirst : .first) : (inverted ? .notLast : .last)
            return open(.top, mode)
        }
        guard let (reference, kind) = resolve(tag) else { return nil }
        let mode: SectionMode
        switch (kind, kind.unwrapped, inverted) {
        case (_, .flag, false): mode = .flag
        case (_, .list(let element), false):
            guard let scope = resolver.scope(for: element) else {
                errors.insert(TemplateError(tag.position, "'\(tag.name)' is a list of \(NameResolver.describe(element)), which a section cannot show"))
                return nil
            }
            let open = open(reference, .list(scope: scope.id))
            scopes.push(scope)
            inSequence = true
            return open
        case (.optional, _, false), (.object, _, false):
            let scope = resolver.scope(for: kind)!
            let open = open(reference, .push(scope: scope.id))
            scopes.push(scope)
            inSequence = false
            return open
        case (.optional, _, true), (_, .flag, true), (_, .list, true):
            mode = .inverted
            if case .list = kind.unwrapped { inSequence = false }
        default:
            errors.insert(TemplateError(tag.position, "'\(tag.name)' is \(NameResolver.describe(kind)), which is always there: \(inverted ? "this inverted section would never show" : "a section needs a flag, a list or a value that may be absent")",
                                        notes: ["make it optional in the page model, or test a flag"]))
            return nil
        }
        return open(reference, mode)
    }

    private func open(_ reference: Reference, _ mode: SectionMode) -> OpenSection {
        let open = OpenSection(instruction: instructions.count, mode: mode, scopes: scopes, inSequence: inSequence)
        instructions.append(.open(reference, mode, end: -1))
        return open
    }

    private func patched(_ instruction: Instruction, end: Int) -> Instruction {
        guard case .open(let reference, let mode, _) = instruction else { return instruction }
        return .open(reference, mode, end: end)
    }

    private func resolve(_ tag: Tag) -> (Reference, ValueKind)? {
        switch resolver.resolve(tag.name, in: scopes, at: tag.position, read: { valuesRead.insert($0) }) {
        case .success(let resolved): return resolved
        case .failure(let error):
            errors.insert(error)
            return nil
        }
    }

    // MARK: - Partials, parents and blocks

    private func include(_ tag: Tag, overrides: Int, request: Request) {
        guard templates[tag.name] != nil else {
            errors.insert(TemplateError(tag.position, "unknown \(tag.kind == .parent ? "parent" : "partial") '\(tag.name)'\(Suggestion.hint(for: tag.name, among: templates.keys))",
                                        notes: ["create the file \(tag.name).mustache beside the others, or fix the name"]))
            return
        }
        let chain = request.chain + [tag.name]
        guard chain.count <= Self.maximumInclusionDepth else {
            let cycleStart = chain.dropLast().lastIndex(of: tag.name) ?? 0
            errors.insert(TemplateError(tag.position, "templates include each other without end: \(chain[cycleStart...].joined(separator: " → "))",
                                        notes: ["break the cycle, or make the inclusion depend on a section over data"]))
            return
        }
        if !tag.standalone { indentAtLineStart() }
        let indentation = tag.standalone ? request.indentation + tag.indentation : ""
        let id = procedure(for: Request(template: tag.name, scopes: scopes, overrides: overrides, indentation: indentation, chain: chain))
        instructions.append(.call(procedure: id))
        if sectionDepth == 0 { unconditionalCalls[currentProcedure, default: []].append((id, tag)) }
    }

    /// A procedure that always calls itself, through others or directly, would render without end.
    private func reportUnconditionalCycles() {
        var reported: Set<Set<Int>> = []
        for start in unconditionalCalls.keys.sorted() {
            // Breadth-first over the calls that always happen, remembering how each procedure was reached.
            var reachedFrom: [Int: Int] = [:]
            var queue = [start]
            var next = 0
            search: while next < queue.count {
                let caller = queue[next]
                next += 1
                for (callee, _) in unconditionalCalls[caller] ?? [] {
                    if callee == start {
                        var cycle = [caller]
                        while let previous = reachedFrom[cycle[0]] { cycle.insert(previous, at: 0) }
                        guard reported.insert(Set(cycle)).inserted, let tag = unconditionalCalls[start]?.first(where: { $0.callee == (cycle.count > 1 ? cycle[1] : start) })?.tag else { break search }
                        let names = (cycle + [start]).map { procedureNames[$0] ?? "?" }
                        errors.insert(TemplateError(tag.position, "templates include each other without end: \(names.joined(separator: " → "))",
                                                    notes: ["put the inclusion inside a section over data that ends (a list of children)"]))
                        break search
                    }
                    if reachedFrom[callee] == nil, callee != start {
                        reachedFrom[callee] = caller
                        queue.append(callee)
                    }
                }
            }
        }
    }

    /// The blocks a parent tag overrides: those directly between its opening and closing tags.
    private func blocks(in template: ParsedTemplate, from open: Int, to close: Int) -> [String: Override] {
        var blocks: [String: Override] = [:]
        var index = open + 1
        while index < close {
            if case .tag(let tag) = template.elements[index], let end = template.closings[index] {
                if tag.kind == .block, blocks[tag.name] == nil { blocks[tag.name] = Override(template: template.name, start: index, end: end) }
                index = end + 1
            } else {
                index += 1
            }
        }
        return blocks
    }

    /// The overrides in force inside a parent: those already in force win (the outermost template decides), then the parent tag's.
    private func overrideSet(_ current: [String: Override], adding blocks: [String: Override]) -> Int {
        let merged = current.merging(blocks) { current, _ in current }
        let key = merged.map { "\($0.key)=\($0.value.template):\($0.value.start):\($0.value.end)" }.sorted().joined(separator: "|")
        if let id = overrideSetIDs[key] { return id }
        overrideSets.append(merged)
        overrideSetIDs[key] = overrideSets.count - 1
        return overrideSets.count - 1
    }

    // MARK: - Text

    /// Template text, each of its lines led by the indentation of the standalone partial being compiled.
    private func emitText(_ bytes: [UInt8]) {
        var start = 0
        while start < bytes.count {
            let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
            let end = newline.map { $0 + 1 } ?? bytes.count
            indentAtLineStart()
            appendToPool(bytes[start..<end])
            atLineStart = newline != nil
            start = end
        }
    }

    private func indentAtLineStart() {
        if atLineStart, !indentation.isEmpty { appendToPool(indentation[...]) }
        atLineStart = false
    }

    private func appendToPool(_ bytes: ArraySlice<UInt8>) {
        let start = pool.count
        pool.append(contentsOf: bytes)
        if case .text(let previousStart, let previousEnd) = instructions.last, previousEnd == start {
            instructions[instructions.count - 1] = .text(start: previousStart, end: pool.count)
        } else {
            instructions.append(.text(start: start, end: pool.count))
        }
    }
}
