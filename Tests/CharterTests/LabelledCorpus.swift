import Foundation
import Yams
@testable import Charter

/// A folder of labelled pages (`fr/…md`, `en/…md`) and its `expected.yml`: for every page, the findings the
/// checker must report, as `rule:line` or `rule:line:word` (see `Corpus/README.md`, `Realistic/README.md` and `HeldOut/README.md`).
struct LabelledCorpus {
    struct Label: Hashable {
        var rule: RuleID
        var line: Int
        /// The word or phrase the finding must be about, when the label gives one.
        var word: String?
    }

    struct LabelError: Error, CustomStringConvertible {
        var description: String
    }

    let folder: URL
    /// `fr/page.md` → its labels.
    let labels: [String: [Label]]

    init(folder: URL) throws {
        self.folder = folder
        let file = folder.appendingPathComponent("expected.yml")
        let text = try String(contentsOf: file, encoding: .utf8)
        guard let mapping = try Yams.compose(yaml: text)?.mapping else {
            throw LabelError(description: "\(file.path): expected a mapping of page → [rule:line, …]")
        }
        var labels: [String: [Label]] = [:]
        for (key, value) in mapping {
            guard let page = key.string, let items = value.sequence else {
                throw LabelError(description: "\(file.path):\(key.mark?.line ?? 0): expected `page.md: [rule:line, …]`")
            }
            labels[page] = try items.map { item in
                guard let text = item.string, let label = Self.label(text) else {
                    throw LabelError(description: "\(file.path):\(item.mark?.line ?? 0): '\(item.string ?? "?")' is not rule:line or rule:line:word with a known rule")
                }
                return label
            }
        }
        self.labels = labels
    }

    static func label(_ text: String) -> Label? {
        let parts = text.split(separator: ":", maxSplits: 2).map(String.init)
        guard parts.count >= 2, let rule = RuleID(rawValue: parts[0]), let line = Int(parts[1]) else { return nil }
        return Label(rule: rule, line: line, word: parts.count == 3 ? parts[2] : nil)
    }

    /// The `.md` files under `fr/` and `en/`, as `fr/page.md`: each must be labelled, even with `[]`.
    func pagesOnDisk() throws -> Set<String> {
        var pages: Set<String> = []
        for language in ["fr", "en"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(language).path)
            pages.formUnion(names.filter { $0.hasSuffix(".md") }.map { "\(language)/\($0)" })
        }
        return pages
    }

    func text(of page: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)
    }
}

/// Findings against labels, per rule: what was found right, found wrongly (false alarms) and not found (misses).
struct CorpusComparison {
    struct Score {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var findings: Int { truePositives + falsePositives }
        var precision: Double { findings == 0 ? 1 : Double(truePositives) / Double(findings) }
        var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }

        static func + (lhs: Score, rhs: Score) -> Score {
            Score(truePositives: lhs.truePositives + rhs.truePositives, falsePositives: lhs.falsePositives + rhs.falsePositives,
                  falseNegatives: lhs.falseNegatives + rhs.falseNegatives)
        }
    }

    private(set) var scores: [RuleID: Score] = [:]
    /// `fr/page.md:12 spelling “word”`, in the order pages were compared.
    private(set) var falseAlarms: [(rule: RuleID, text: String)] = []
    private(set) var misses: [(rule: RuleID, text: String)] = []

    var overall: Score { scores.values.reduce(Score(), +) }

    /// Matches one page's findings with its labels, line by line and rule by rule: a label with a word takes a
    /// finding about that word; a label without one takes any finding of its rule on its line.
    mutating func compare(page: String, found: [Finding], expected: [LabelledCorpus.Label]) {
        var unmatched = Dictionary(grouping: found) { LineKey(rule: $0.rule, line: $0.line) }
        let labelsFirstWithWords = expected.sorted { ($0.word == nil ? 1 : 0) < ($1.word == nil ? 1 : 0) }
        for label in labelsFirstWithWords {
            let key = LineKey(rule: label.rule, line: label.line)
            let candidates = unmatched[key] ?? []
            if let index = candidates.firstIndex(where: { label.word == nil || Self.isAbout($0, label.word!) }) {
                unmatched[key]!.remove(at: index)
                scores[label.rule, default: Score()].truePositives += 1
            } else {
                scores[label.rule, default: Score()].falseNegatives += 1
                misses.append((label.rule, "\(page):\(label.line) \(label.rule.rawValue)" + (label.word.map { " “\($0)”" } ?? "")))
            }
        }
        for finding in unmatched.values.flatMap({ $0 }).sorted(by: { ($0.line, $0.column) < ($1.line, $1.column) }) {
            scores[finding.rule, default: Score()].falsePositives += 1
            let word = Self.subject(of: finding).map { " “\($0)”" } ?? " (\(finding.message))"
            falseAlarms.append((finding.rule, "\(page):\(finding.line) \(finding.rule.rawValue)\(word)"))
        }
    }

    private struct LineKey: Hashable {
        var rule: RuleID
        var line: Int
    }

    /// The word a finding is about: the spelling rule's subject, or the first text its message quotes.
    static func subject(of finding: Finding) -> String? {
        if let subject = finding.subject { return subject }
        guard let open = finding.message.firstIndex(of: "“"), let close = finding.message[open...].firstIndex(of: "”") else { return nil }
        return String(finding.message[finding.message.index(after: open)..<close])
    }

    /// Whether the finding is about `word`: the same word, ignoring case, apostrophe style and an elision before it
    /// ("d’ortographe" is about "ortographe"), or a word that holds it as a hyphenated part ("Reflechissez-y").
    static func isAbout(_ finding: Finding, _ word: String) -> Bool {
        guard let subject = subject(of: finding) else { return false }
        let wanted = normalized(word), found = normalized(subject)
        return found == wanted || found.split(separator: "-").contains { $0 == wanted }
    }

    static func normalized(_ word: String) -> String {
        let text = word.lowercased().replacingOccurrences(of: "’", with: "'")
        if let apostrophe = text.firstIndex(of: "'"), text.distance(from: text.startIndex, to: apostrophe) <= 5,
           text[..<apostrophe].allSatisfy(\.isLetter), text.index(after: apostrophe) < text.endIndex {
            return String(text[text.index(after: apostrophe)...])
        }
        return text
    }

    /// One line per rule and the total: findings, true positives, false alarms, misses, precision, recall.
    var table: String {
        var lines = ["rule                 findings    tp    fp    fn  precision  recall"]
        func row(_ name: String, _ score: Score) -> String {
            name.padding(toLength: 21, withPad: " ", startingAt: 0)
                + String(format: "%8d %5d %5d %5d %10.3f %7.3f", score.findings, score.truePositives, score.falsePositives,
                         score.falseNegatives, score.precision, score.recall)
        }
        for rule in RuleID.allCases {
            if let score = scores[rule] { lines.append(row(rule.rawValue, score)) }
        }
        lines.append(row("all rules", overall))
        return lines.joined(separator: "\n")
    }

    /// Writes the report line by line, unbuffered: `swift test` relays a test's output in pieces and lost the end
    /// of a report written in one go.
    func printReport(title: String) {
        for line in (title + "\n" + report).split(separator: "\n", omittingEmptySubsequences: false) {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }

    /// The table, then every false alarm and miss.
    var report: String {
        var text = table
        text += "\n\nFalse alarms (\(falseAlarms.count)):\n" + falseAlarms.map { "  " + $0.text }.joined(separator: "\n")
        text += "\n\nMisses (\(misses.count)):\n" + misses.map { "  " + $0.text }.joined(separator: "\n")
        return text
    }
}
