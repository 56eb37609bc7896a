/// One template file, parsed: a flat list of elements in which every opening tag (section, inverted
/// section, parent, block) knows the index of its closing tag. Flat rather than a tree, so that neither
/// parsing, compiling nor freeing a deeply nested template recurses.
public struct ParsedTemplate: Sendable {
    enum Element: Sendable {
        case text([UInt8])
        case tag(Tag)
        /// The closing tag of the element at `opener`; `standalone`: alone on its line, which is removed.
        case close(opener: Int, standalone: Bool)
    }

    public let name: String
    public let file: String
    let elements: [Element]
    /// For each opening element, the index of its closing element.
    let closings: [Int: Int]

    /// `name`: how partials and parents refer to it (`partials/header`); `file`: how errors name it.
    public init(name: String, file: String, text: String) throws(TemplateError) {
        self.name = name
        self.file = file
        var elements: [Element] = []
        var closings: [Int: Int] = [:]
        var open: [(index: Int, tag: Tag)] = []
        for element in try Lexer(text: text, file: file).elements() {
            switch element {
            case .text(let bytes):
                if !bytes.isEmpty { elements.append(.text(bytes)) }
            case .tag(let tag) where tag.kind == .comment:
                continue
            case .tag(let tag) where tag.kind == .close:
                guard let opener = open.popLast() else {
                    throw TemplateError(tag.position, "'{{/\(tag.name)}}' closes nothing: no section is open here",
                                        notes: ["remove it, or open the section with {{#\(tag.name)}}"])
                }
                guard opener.tag.name == tag.name else {
                    throw TemplateError(tag.position, "'{{/\(tag.name)}}' does not match '\(opener.tag.name)', opened at \(opener.tag.position)",
                                        notes: ["close '\(opener.tag.name)' with {{/\(opener.tag.name)}} first"])
                }
                closings[opener.index] = elements.count
                elements.append(.close(opener: opener.index, standalone: tag.standalone))
            case .tag(let tag):
                if [.section, .invertedSection, .parent, .block].contains(tag.kind) { open.append((elements.count, tag)) }
                elements.append(.tag(tag))
            }
        }
        if let unclosed = open.last {
            throw TemplateError(unclosed.tag.position, "unclosed section '\(unclosed.tag.name)' (opened here)",
                                notes: ["add {{/\(unclosed.tag.name)}} where it ends"])
        }
        self.elements = elements
        self.closings = closings
    }
}
