/// What a tag does, from the character after `{{`.
enum TagKind: Sendable, Equatable {
    case variable, unescaped, section, invertedSection, close, comment, partial, parent, block

    /// Tags that leave no trace when alone on their line (Mustache spec, "standalone" lines).
    var canStandAlone: Bool {
        switch self {
        case .variable, .unescaped: false
        default: true
        }
    }
}

struct Tag: Sendable {
    let kind: TagKind
    let name: String
    let position: SourcePosition
    /// Alone on its line, which the lexer removed.
    var standalone = false
    /// For a standalone partial or parent: the whitespace before it, which indents every line it includes.
    var indentation = ""
}

enum LexedElement: Sendable {
    case text([UInt8])
    case tag(Tag)
}

/// Splits a template into text and tags, then applies the spec's standalone-line rule.
struct Lexer {
    let bytes: [UInt8]
    let file: String

    init(text: String, file: String) {
        bytes = Array(text.utf8)
        self.file = file
    }

    func elements() throws(TemplateError) -> [LexedElement] {
        var elements: [LexedElement] = []
        var index = 0
        var textStart = 0
        var counter = PositionCounter(file: file)
        while index < bytes.count {
            guard starts(with: "{{", at: index) else { index += 1; continue }
            if textStart < index { elements.append(.text(Array(bytes[textStart..<index]))) }
            let (tag, end) = try readTag(at: index, position: counter.advance(to: index, in: bytes))
            if let tag { elements.append(.tag(tag)) }
            index = end
            textStart = end
        }
        if textStart < bytes.count { elements.append(.text(Array(bytes[textStart...]))) }
        return Self.removingStandaloneLines(elements)
    }

    /// Reads the tag opening at `start`; returns it and the offset after its `}}`.
    private func readTag(at start: Int, position: SourcePosition) throws(TemplateError) -> (Tag?, Int) {
        let triple = starts(with: "{{{", at: start)
        let closing = triple ? "}}}" : "}}"
        var end = start + (triple ? 3 : 2)
        while end < bytes.count, !starts(with: closing, at: end) { end += 1 }
        guard end < bytes.count else {
            throw TemplateError(position, "tag is never closed", notes: ["end it with '\(closing)'"])
        }
        var content = String(decoding: bytes[(start + (triple ? 3 : 2))..<end], as: UTF8.self)
        let after = end + closing.utf8.count
        if triple { return (Tag(kind: .unescaped, name: try name(content, position), position: position), after) }
        let sigil = content.first
        let kind: TagKind
        switch sigil {
        case "&": kind = .unescaped
        case "#": kind = .section
        case "^": kind = .invertedSection
        case "/": kind = .close
        case "!": return (Tag(kind: .comment, name: "", position: position), after)
        case ">": kind = .partial
        case "<": kind = .parent
        case "$": kind = .block
        case "=":
            throw TemplateError(position, "set-delimiter tags are not supported", notes: ["keep the {{ }} delimiters"])
        case "%":
            throw TemplateError(position, "pragma tags are not supported", notes: ["remove the tag: templates are always HTML"])
        default: kind = .variable
        }
        if kind != .variable { content.removeFirst() }
        return (Tag(kind: kind, name: try name(content, position), position: position), after)
    }

    private func name(_ content: String, _ position: SourcePosition) throws(TemplateError) -> String {
        let name = content.trimmingWhitespace()
        guard !name.isEmpty else { throw TemplateError(position, "tag has no name") }
        guard !name.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "{" || $0 == "}" }) else {
            throw TemplateError(position, "'\(name)' is not a name", notes: ["a name has no spaces or braces: {{page.title}}"])
        }
        return name
    }

    private func starts(with prefix: String, at index: Int) -> Bool {
        var offset = index
        for byte in prefix.utf8 {
            guard offset < bytes.count, bytes[offset] == byte else { return false }
            offset += 1
        }
        return true
    }

    /// Line and column of increasing offsets, counted once over the text.
    struct PositionCounter {
        let file: String
        var offset = 0
        var line = 1
        var column = 1

        mutating func advance(to target: Int, in bytes: [UInt8]) -> SourcePosition {
            while offset < target {
                if bytes[offset] == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if bytes[offset] & 0xC0 != 0x80 {
                    column += 1
                }
                offset += 1
            }
            return SourcePosition(file: file, line: line, column: column)
        }
    }

    // MARK: - Standalone lines

    /// A tag that can stand alone, at the start of a line (only spaces or tabs before it) and with only
    /// spaces or tabs after it up to the line's end, takes the whole line with it; a partial keeps the
    /// spaces as indentation. "Start of a line" is tracked as swift-mustache does, so that outputs compare
    /// byte for byte: after a section's closing tag, a line counts as started only if the section's
    /// opening tag stood alone (the spec would count the line after any standalone closing tag).
    static func removingStandaloneLines(_ input: [LexedElement]) -> [LexedElement] {
        var elements = input
        var atLineStart = true
        var openersStandAlone: [Bool] = []
        for index in elements.indices {
            guard case .tag(var tag) = elements[index] else {
                if case .text(let text) = elements[index] {
                    let lastLine = text.lastIndex(of: UInt8(ascii: "\n")).map { text[($0 + 1)...] } ?? text[...]
                    if text.contains(UInt8(ascii: "\n")) {
                        atLineStart = lastLine.allSatisfy(isBlank)
                    } else if !text.allSatisfy(isBlank) {
                        atLineStart = false
                    }
                }
                continue
            }
            if tag.kind.canStandAlone, atLineStart, let lineEnd = blankLineEnd(after: index, in: elements) {
                var before: [UInt8] = []
                if index > 0, case .text(let text) = elements[index - 1] {
                    before = Array(text[((text.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1)...])
                    elements[index - 1] = .text(Array(text.dropLast(before.count)))
                }
                if index + 1 < elements.count, case .text(let text) = elements[index + 1] {
                    elements[index + 1] = .text(Array(text.dropFirst(lineEnd)))
                }
                tag.standalone = true
                if tag.kind == .partial || tag.kind == .parent { tag.indentation = String(decoding: before, as: UTF8.self) }
                elements[index] = .tag(tag)
            }
            switch tag.kind {
            case .section, .invertedSection, .parent, .block:
                openersStandAlone.append(tag.standalone)
                atLineStart = tag.standalone
            case .close:
                atLineStart = openersStandAlone.popLast() ?? tag.standalone
            case .variable, .unescaped:
                atLineStart = false
            case .comment, .partial:
                atLineStart = tag.standalone
            }
        }
        return elements
    }

    /// How many bytes of the following text end the tag's line when the rest of it is blank (through its
    /// newline), or 0 at the end of the template; nil when something else follows on the line.
    private static func blankLineEnd(after index: Int, in elements: [LexedElement]) -> Int? {
        guard index + 1 < elements.count else { return 0 }
        guard case .text(let text) = elements[index + 1] else { return nil }
        if let newline = text.firstIndex(of: UInt8(ascii: "\n")) {
            return text[..<newline].allSatisfy { isBlank($0) || $0 == UInt8(ascii: "\r") } ? newline + 1 : nil
        }
        return index + 2 == elements.count && text.allSatisfy(isBlank) ? text.count : nil
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
}

extension String {
    func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
