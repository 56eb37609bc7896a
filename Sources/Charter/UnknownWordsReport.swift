import Foundation

/// `check --unknown-words`: each word the spelling rule did not know, once, with how often and where it is
/// used and what it may be a slip for, so that an editor adds the right ones to `words:` in one go.
/// Sorted by uses (most first), then alphabetically.
public struct UnknownWordsReport: Sendable {
    public struct Place: Sendable, Encodable {
        public var file: String
        public var line: Int
        public var column: Int
    }

    public struct Word: Sendable, Encodable {
        public var word: String
        /// Uses in all the pages.
        public var count: Int
        /// The first use in each page, by file.
        public var pages: [Place]
        public var suggestions: [String]
    }

    public var words: [Word]
    /// The site's `words:` followed by the unknown ones: the line to paste, once the slips are taken out.
    public var wordsLine: [String]
    public var pageCount: Int

    public init(report: CharterReport, checker: CharterChecker) {
        let findings = report.findings.filter { $0.rule == .spelling && $0.subject != nil }
        let byWord = Dictionary(grouping: findings, by: { $0.subject! })
        let entries = byWord.keys.sorted().map { word -> (String, [Finding]) in (word, byWord[word]!.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }) }
        // Suggestions are cached by the checkers since the report was made: asking again costs nothing.
        words = entries.map { word, uses in
            let suggestions = checker.spelling[CharterChecker.language(of: uses[0])]?.suggestions(for: word, limit: 2) ?? []
            return Word(word: word, count: uses.reduce(0) { $0 + ($1.uses ?? 1) },
                        pages: uses.map { Place(file: $0.file, line: $0.line, column: $0.column) }, suggestions: suggestions)
        }.sorted { ($1.count, $0.word.lowercased(), $0.word) < ($0.count, $1.word.lowercased(), $1.word) }
        let known = checker.settings.words
        wordsLine = known + words.map(\.word).filter { !known.contains($0) }
        pageCount = Set(findings.map(\.file)).count
    }

    public enum Format: String, CaseIterable, Sendable {
        case text, json, csv
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .text: return text
        case .json: return json
        case .csv: return csv
        }
    }

    /// One line a word: `  12  Trello  Content/fr/a.md:4, Content/fr/b.md:17  did you mean “Trello”?`, then the `words:` line.
    var text: String {
        var lines = words.map { entry in
            let places = entry.pages.map { "\($0.file):\($0.line)" }.joined(separator: ", ")
            let suggestion = entry.suggestions.isEmpty ? "" : "  did you mean \(entry.suggestions.map { "“\($0)”" }.joined(separator: " or "))?"
            return "\(String(repeating: " ", count: max(0, 5 - String(entry.count).count)))\(entry.count)  \(entry.word)  \(places)\(suggestion)"
        }
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        lines.append("\(plural(words.count, "unknown word")) in \(plural(pageCount, "page")).")
        if !words.isEmpty {
            lines.append("Take the slips out of this line, then paste it in the charter configuration (site.yml, 'charter:'):")
            lines.append("  words: [\(wordsLine.map(Self.yamlScalar).joined(separator: ", "))]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var json: String {
        struct Document: Encodable {
            var unknownWords: [Word]
            var words: [String]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(Document(unknownWords: words, words: wordsLine))).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "{}\n"
    }

    /// `word,count,pages,suggestions`; several pages or suggestions are separated by spaces.
    var csv: String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"\(text.replacing("\"", with: "\"\""))\"" : text
        }
        let rows = words.map { entry in
            [entry.word, String(entry.count), entry.pages.map { "\($0.file):\($0.line)" }.joined(separator: " "), entry.suggestions.joined(separator: " ")].map(field).joined(separator: ",")
        }
        return (["word,count,pages,suggestions"] + rows).joined(separator: "\r\n") + "\r\n"
    }

    /// A word as a YAML flow-sequence item: plain when it is letters, digits, inner hyphens, apostrophes and
    /// periods, double-quoted otherwise.
    public static func yamlScalar(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        let plain = !scalars.isEmpty && (scalars[0].properties.isAlphabetic || scalars[0].properties.numericType != nil)
            && scalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || "-'’.".unicodeScalars.contains($0) }
            && !["true", "false", "yes", "no", "on", "off", "null", "y", "n"].contains(word.lowercased())
        if plain { return word }
        return "\"" + word.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }
}
