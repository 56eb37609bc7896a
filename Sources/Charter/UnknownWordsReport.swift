import Support
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
    /// Unknown words the spelling rule took for names and did not report (see `SpellingRule+Names`): listed apart,
    /// so that nothing it skipped is hidden; no suggestions (a name has none worth reading).
    public var names: [Word]
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
        }.sorted(by: Self.byUses)
        let nameUses = report.pages.flatMap { page in page.unknownNames.map { (file: page.file, name: $0) } }
        names = Dictionary(grouping: nameUses, by: \.name.word).map { word, uses in
            let sorted = uses.sorted { ($0.file, $0.name.line, $0.name.column) < ($1.file, $1.name.line, $1.name.column) }
            return Word(word: word, count: uses.reduce(0) { $0 + $1.name.uses },
                        pages: sorted.map { Place(file: $0.file, line: $0.name.line, column: $0.name.column) }, suggestions: [])
        }.sorted(by: Self.byUses)
        let known = checker.settings.words
        wordsLine = known + words.map(\.word).filter { !known.contains($0) }
        pageCount = Set(findings.map(\.file)).count
    }

    /// Most uses first, then alphabetically whatever the case.
    static func byUses(_ first: Word, _ second: Word) -> Bool {
        (second.count, first.word.lowercased(), first.word) < (first.count, second.word.lowercased(), second.word)
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
    /// Then the names, under their own heading, when there are any.
    var text: String {
        func line(_ entry: Word) -> String {
            let places = entry.pages.map { "\($0.file):\($0.line)" }.joined(separator: ", ")
            let suggestion = entry.suggestions.isEmpty ? "" : "  did you mean \(entry.suggestions.map { "“\($0)”" }.joined(separator: " or "))?"
            return "\(String(repeating: " ", count: max(0, 5 - String(entry.count).count)))\(entry.count)  \(entry.word)  \(places)\(suggestion)"
        }
        var lines = words.map(line)
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        lines.append("\(plural(words.count, "unknown word")) in \(plural(pageCount, "page")).")
        if !words.isEmpty {
            lines.append("Take the slips out of this line, then paste it in the charter configuration (site.yml, 'charter:'):")
            lines.append("  words: [\(wordsLine.map(Self.yamlScalar).joined(separator: ", "))]")
        }
        if !names.isEmpty {
            lines.append("")
            lines.append("Taken for names and not reported (a capital inside the word, or mid-sentence): \(plural(names.count, "word")).")
            lines += names.map(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var json: String {
        struct Document: Encodable {
            var unknownWords: [Word]
            var names: [Word]
            var words: [String]
        }
        return JSONText.pretty(Document(unknownWords: words, names: names, words: wordsLine), orElse: "{}")
    }

    /// `word,count,pages,suggestions,kind` (kind: `word`, or `name` for those not reported); several pages or
    /// suggestions are separated by spaces.
    var csv: String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"\(text.replacing("\"", with: "\"\""))\"" : text
        }
        func row(_ entry: Word, kind: String) -> String {
            [entry.word, String(entry.count), entry.pages.map { "\($0.file):\($0.line)" }.joined(separator: " "), entry.suggestions.joined(separator: " "), kind]
                .map(field).joined(separator: ",")
        }
        let rows = words.map { row($0, kind: "word") } + names.map { row($0, kind: "name") }
        return (["word,count,pages,suggestions,kind"] + rows).joined(separator: "\r\n") + "\r\n"
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
