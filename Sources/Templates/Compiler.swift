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
        return CompiledTemplate(instructions: instructions, entries: entries, pool: pool, valuesRead: valuesRead,
                                dependencies: ValueDependencies(valuesRead: valuesRead, catalog: resolver.catalog, instructions: instructions,
                                                                              entries: entries, pool: pool))
    }

    func procedure(for request: Request) -> Int {
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

    // MARK: - Text

    /// Template text, each of its lines led by the indentation of the standalone partial being compiled.
    func emitText(_ bytes: [UInt8]) {
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

    func indentAtLineStart() {
        if atLineStart, !indentation.isEmpty { appendToPool(indentation[...]) }
        atLineStart = false
    }

    func appendToPool(_ bytes: ArraySlice<UInt8>) {
        let start = pool.count
        pool.append(contentsOf: bytes)
        if case .text(let previousStart, let previousEnd) = instructions.last, previousEnd == start {
            instructions[instructions.count - 1] = .text(start: previousStart, end: pool.count)
        } else {
            instructions.append(.text(start: start, end: pool.count))
        }
    }
}
