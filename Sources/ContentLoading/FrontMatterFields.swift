import Configuration
import Diagnostics
import Foundation

/// The typed values of a front matter, as `FrontMatterParser` reads them: from the nodes Yams made of
/// any YAML (`YAMLMappingReader`), or from the few plain shapes nearly every page has (`PlainFrontMatter`).
protocol FrontMatterFields {
    var diagnostics: [Diagnostic] { get set }
    /// Every key present, in file order, with its location.
    var keys: [(String, SourceLocation)] { get }
    func location(_ key: String) -> SourceLocation
    mutating func reportUnknownKeys(known: [String], severity: Diagnostic.Severity, what: String)
    mutating func string(_ key: String, required: Bool) -> String?
    mutating func strings(_ key: String) -> [(String, SourceLocation)]?
    mutating func bool(_ key: String) -> Bool?
    mutating func int(_ key: String) -> Int?
    /// A list of mappings of texts (`sources:`), type mistakes reported.
    mutating func records(_ key: String) -> [FrontMatterRecord]?
}

extension FrontMatterFields {
    mutating func string(_ key: String) -> String? { string(key, required: false) }
}

extension YAMLMappingReader: FrontMatterFields {}

/// A front matter of `key: value` lines whose values are plain texts, simply quoted texts, lists of
/// them (`[a, b]` or `- a` lines), `true`/`false`, whole numbers, and lists of `- title: …` items whose
/// other keys follow on lines of their own (`sources:`), read line by line.
///
/// Why: Yams (libyaml, then a tree of nodes, then a check of duplicate keys by hashing them) took
/// most of the time of reading a page's front matter, for shapes that need none of YAML. Only
/// shapes whose meaning is certain are read here, each value as YAML reads it, with the line and
/// column Yams gives it; anything else (an escape, a comment after a value, a text over several
/// lines, a key read twice, a value of the wrong type, a missing or empty title…) makes `read`
/// return nil, and the front matter goes through Yams, which gives every YAML error its message.
/// So every message about a front matter is the same either way (FrontMatterFastPathTests).
struct PlainFrontMatter: FrontMatterFields {
    enum Value {
        /// `plain`: written without quotes (YAML reads `true` and `3` as a flag and a number only then).
        case text(String, SourceLocation, plain: Bool)
        case list([(String, SourceLocation)])
        /// `- key: text` items, each key of an item once (`sources:`).
        case records([FrontMatterRecord])
    }

    struct Entry {
        var key: String
        var location: SourceLocation
        var value: Value
    }

    var diagnostics: [Diagnostic] = []
    private(set) var entries: [Entry] = []

    /// The keys whose value is one text, the lists, and the two others, as `FrontMatterParser` reads them.
    static let textKeys: Set<String> = ["title", "description", "translationKey", "date", "lastmod", "slug"]
    static let listKeys: Set<String> = ["audiences", "aliases", "menus"]
    static let recordKeys: Set<String> = [SourcesField.key]
    static let requiredKeys = ["title", "description"]

    /// The front matter `yaml`, whose first line is line `firstLine` of `file`; nil when it is not one of the plain shapes.
    /// Read as UTF-8 bytes: comparing characters (grapheme clusters) cost as much as Yams.
    static func read(_ yaml: Substring, file: String, firstLine: Int) -> PlainFrontMatter? {
        var fields = PlainFrontMatter()
        let bytes = Array(yaml.utf8)
        let lines = bytes.split(separator: newline, omittingEmptySubsequences: false)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let number = firstLine + index
            index += 1
            if line.allSatisfy({ $0 == space }) || line.first == UInt8(ascii: "#") { continue }
            // A key at the start of the line, a colon, then a space or the end of the line.
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), isKey(line[..<colon]) else { return nil }
            let key = String(decoding: line[..<colon], as: UTF8.self)
            guard !fields.entries.contains(where: { $0.key == key }) else { return nil }
            let keyLocation = SourceLocation(file: file, line: number, column: 1)
            let rest = line[(colon + 1)...]
            guard rest.isEmpty || rest.first == space else { return nil }
            let written = rest.drop { $0 == space }
            let column = scalarCount(line[..<written.startIndex]) + 1
            if written.isEmpty, index < lines.count, let item = listItem(lines[index]), field(item.text, column: item.column, file: file, line: firstLine + index) != nil {
                guard let records = records(lines, from: &index, file: file, firstLine: firstLine) else { return nil }
                fields.entries.append(Entry(key: key, location: keyLocation, value: .records(records)))
            } else if written.isEmpty {
                // A list of `- item` lines, indented alike.
                var items: [(String, SourceLocation)] = []
                var indent: Int?
                while index < lines.count, let item = listItem(lines[index]), indent == nil || indent == item.indent {
                    guard let text = scalar(item.text, inFlow: false) else { return nil }
                    indent = item.indent
                    items.append((text, SourceLocation(file: file, line: firstLine + index, column: item.column)))
                    index += 1
                }
                guard !items.isEmpty else { return nil }
                fields.entries.append(Entry(key: key, location: keyLocation, value: .list(items)))
            } else if written.first == UInt8(ascii: "[") {
                guard let items = flowList(written, file: file, line: number, column: column) else { return nil }
                fields.entries.append(Entry(key: key, location: keyLocation, value: .list(items)))
            } else {
                guard let text = scalar(written, inFlow: false) else { return nil }
                let location = SourceLocation(file: file, line: number, column: column)
                fields.entries.append(Entry(key: key, location: keyLocation, value: .text(text, location, plain: !isQuote(written.first))))
            }
        }
        return fields.hasPlainValues ? fields : nil
    }

    /// Whether every value has the type its key asks for, and the title and description are there and not blank.
    private var hasPlainValues: Bool {
        let known = Set(FrontMatter.knownKeys)
        for entry in entries {
            guard known.contains(entry.key) else { return false }
            switch (entry.key, entry.value) {
            case (let key, .text(let text, _, _)) where Self.textKeys.contains(key):
                // Blank as YAMLMappingReader.string tells (its "is empty" error comes from Yams's path).
                if Self.requiredKeys.contains(key) && text.unicodeScalars.allSatisfy(CharacterSet.whitespaces.contains) { return false }
            case (let key, .records):
                guard Self.recordKeys.contains(key) else { return false }
            case (let key, .list(let items)) where Self.recordKeys.contains(key):
                // `sources: []` alone: a list of texts is no list of sources.
                guard items.isEmpty else { return false }
            case (let key, _) where Self.listKeys.contains(key):
                continue
            case ("draft", .text(let text, _, plain: true)):
                guard text == "true" || text == "false" else { return false }
            case ("weight", .text(let text, _, plain: true)):
                guard Self.wholeNumber(text) != nil else { return false }
            default:
                return false
            }
        }
        return Self.requiredKeys.allSatisfy { key in entries.contains { $0.key == key } }
    }

    // MARK: - Reading lines

    typealias Bytes = ArraySlice<UInt8>
    static let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")

    private static func isKey(_ text: Bytes) -> Bool {
        guard let first = text.first, isASCIILetter(first) else { return false }
        return text.allSatisfy { isASCIILetter($0) || (48...57).contains($0) || $0 == UInt8(ascii: "_") }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (65...90).contains(byte) || (97...122).contains(byte)
    }

    private static func isQuote(_ byte: UInt8?) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// Unicode scalars, as libyaml counts columns: the bytes that start one.
    private static func scalarCount(_ bytes: Bytes) -> Int {
        bytes.count { $0 & 0xC0 != 0x80 }
    }

    private static func withoutTrailingSpaces(_ bytes: Bytes) -> Bytes {
        var end = bytes.endIndex
        while end > bytes.startIndex && bytes[end - 1] == space { end -= 1 }
        return bytes[..<end]
    }

    /// `<spaces>- text`: the indent, the text and the 1-based column where it starts.
    private static func listItem(_ line: Bytes) -> (indent: Int, text: Bytes, column: Int)? {
        let rest = line.drop { $0 == space }
        guard rest.count >= 2, rest.first == UInt8(ascii: "-"), rest[rest.startIndex + 1] == space else { return nil }
        let text = rest.dropFirst(2).drop { $0 == space }
        guard !text.isEmpty else { return nil }
        return (rest.startIndex - line.startIndex, text, scalarCount(line[..<text.startIndex]) + 1)
    }

    /// `- key: text` items, the other keys of an item on the next lines in the column of its first key, each key
    /// once per item; nil for anything else there (a comment, a blank line, a value over several lines).
    private static func records(_ lines: [Bytes], from index: inout Int, file: String, firstLine: Int) -> [FrontMatterRecord]? {
        var records: [FrontMatterRecord] = []
        var indent: Int?
        while index < lines.count, let item = listItem(lines[index]), indent == nil || indent == item.indent {
            indent = item.indent
            guard let first = field(item.text, column: item.column, file: file, line: firstLine + index) else { return nil }
            var fields = [first]
            index += 1
            // The item's other keys: exactly as indented as its first key.
            while index < lines.count, lines[index].count >= item.column, lines[index].prefix(item.column - 1).allSatisfy({ $0 == space }),
                  lines[index][lines[index].startIndex + item.column - 1] != space {
                let line = lines[index]
                guard let next = field(line.dropFirst(item.column - 1), column: item.column, file: file, line: firstLine + index),
                      !fields.contains(where: { $0.key == next.key }) else { return nil }
                fields.append(next)
                index += 1
            }
            records.append(FrontMatterRecord(location: first.keyLocation, fields: fields))
        }
        return records
    }

    /// `key: text` starting at `column`: the key, the text and their places; nil for any other shape.
    private static func field(_ text: Bytes, column: Int, file: String, line: Int) -> FrontMatterRecord.Field? {
        guard let colon = text.firstIndex(of: UInt8(ascii: ":")), isKey(text[..<colon]) else { return nil }
        let rest = text[(colon + 1)...]
        guard rest.first == space else { return nil }
        let written = rest.drop { $0 == space }
        guard !written.isEmpty, let value = scalar(written, inFlow: false) else { return nil }
        return FrontMatterRecord.Field(key: String(decoding: text[..<colon], as: UTF8.self), keyLocation: SourceLocation(file: file, line: line, column: column),
                                       value: value, valueLocation: SourceLocation(file: file, line: line, column: column + scalarCount(text[..<written.startIndex])))
    }

    /// `[a, b, "c d"]` with nothing after it; nil for any other flow (nested, empty items, a trailing comma, a comment).
    private static func flowList(_ written: Bytes, file: String, line: Int, column: Int) -> [(String, SourceLocation)]? {
        let trimmed = withoutTrailingSpaces(written)
        guard trimmed.count >= 2, trimmed.last == UInt8(ascii: "]") else { return nil }
        let inside = trimmed.dropFirst().dropLast()
        if inside.allSatisfy({ $0 == space }) { return [] }
        var items: [(String, SourceLocation)] = []
        var offset = column + 1
        for part in inside.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            let item = part.drop { $0 == space }
            guard let text = scalar(item, inFlow: true) else { return nil }
            items.append((text, SourceLocation(file: file, line: line, column: offset + (item.startIndex - part.startIndex))))
            offset += scalarCount(part) + 1
        }
        return items
    }

    /// The text of one scalar written on one line: plain, or in quotes without escapes; trailing spaces
    /// are not part of it. Nil for anything YAML could read otherwise.
    private static func scalar(_ written: Bytes, inFlow: Bool) -> String? {
        let text = withoutTrailingSpaces(written)
        guard let first = text.first, hasOnlyPlainCharacters(text) else { return nil }
        if isQuote(first) {
            let inside = text.dropFirst().dropLast()
            guard text.count >= 2, text.last == first, !inside.contains(first), !inside.contains(UInt8(ascii: "\\")) else { return nil }
            if inFlow && (inside.contains(UInt8(ascii: ",")) || inside.contains(UInt8(ascii: "]"))) { return nil }
            return String(decoding: inside, as: UTF8.self)
        }
        // A plain text: no indicator first (but the minus of a number), no ": " or " #" inside, no ':' last; in a list,
        // no flow characters.
        let negativeNumber = first == UInt8(ascii: "-") && text.count > 1 && (48...57).contains(text[text.startIndex + 1])
        guard negativeNumber || !indicators.contains(first), text.last != UInt8(ascii: ":") else { return nil }
        for index in text.indices.dropLast() {
            let pair = (text[index], text[index + 1])
            if pair == (UInt8(ascii: ":"), space) || pair == (space, UInt8(ascii: "#")) { return nil }
        }
        if inFlow && text.contains(where: flowCharacters.contains) { return nil }
        return String(decoding: text, as: UTF8.self)
    }

    static let indicators = Set("-?:,[]{}#&*!|>'\"%@`".utf8)
    static let flowCharacters = Set("[]{},".utf8)

    /// Printable characters other than the tab and the byte order mark: what YAML reads as they are written.
    /// On the bytes of valid UTF-8: ASCII controls, U+0080–U+009F (C2 80–9F), the line and paragraph separators
    /// U+2028 and U+2029 (E2 80 A8–A9, line breaks to YAML), U+FEFF (EF BB BF), U+FFFE and U+FFFF (EF BF BE–BF) are not.
    private static func hasOnlyPlainCharacters(_ text: Bytes) -> Bool {
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte < 0x80 {
                guard byte >= 0x20 && byte != 0x7F else { return false }
            } else if byte == 0xC2 {
                guard index + 1 < text.endIndex, text[index + 1] >= 0xA0 else { return false }
            } else if byte == 0xE2 || byte == 0xEF, index + 2 < text.endIndex {
                switch (byte, text[index + 1], text[index + 2]) {
                case (0xE2, 0x80, 0xA8), (0xE2, 0x80, 0xA9), (0xEF, 0xBB, 0xBF), (0xEF, 0xBF, 0xBE), (0xEF, 0xBF, 0xBF): return false
                default: break
                }
            }
            index += 1
        }
        return true
    }

    /// `0` or a whole number without a leading zero, small enough for an Int; nil otherwise.
    private static func wholeNumber(_ text: String) -> Int? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard (1...18).contains(digits.count), digits.utf8.allSatisfy({ (48...57).contains($0) }),
              digits.first != "0" || text == "0" else { return nil }
        return Int(text)
    }

    // MARK: - FrontMatterFields

    private func entry(_ key: String) -> Entry? { entries.first { $0.key == key } }

    var keys: [(String, SourceLocation)] { entries.map { ($0.key, $0.location) } }

    /// Only asked for keys that are there (`read` refuses a front matter without its required keys).
    func location(_ key: String) -> SourceLocation {
        entry(key)?.location ?? entries[0].location
    }

    /// Nothing to report: `read` refuses unknown keys.
    func reportUnknownKeys(known: [String], severity: Diagnostic.Severity, what: String) {}

    func string(_ key: String, required: Bool) -> String? {
        guard case .text(let text, _, _) = entry(key)?.value else { return nil }
        return text
    }

    func strings(_ key: String) -> [(String, SourceLocation)]? {
        switch entry(key)?.value {
        case .text(let text, let location, _): [(text, location)]
        case .list(let items): items
        case .records, nil: nil
        }
    }

    func records(_ key: String) -> [FrontMatterRecord]? {
        switch entry(key)?.value {
        case .records(let records): records
        case .list: []
        case .text, nil: nil
        }
    }

    func bool(_ key: String) -> Bool? {
        string(key, required: false).map { $0 == "true" }
    }

    func int(_ key: String) -> Int? {
        string(key, required: false).flatMap(Self.wholeNumber)
    }
}
