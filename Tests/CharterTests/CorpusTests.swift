import Foundation
import Testing
import Yams
@testable import Charter

/// The labelled corpus: pages that must trigger each rule at known lines, and clean pages that must trigger nothing.
/// Precision and recall are measured per rule and printed; both must be at least 0.95.
@Suite struct CorpusTests {
    struct Score {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    }

    static let corpus = Bundle.module.url(forResource: "Corpus", withExtension: nil)!

    /// `fr/page.md` → the expected `rule:line` labels.
    static func expectations() throws -> [String: [String]] {
        let text = try String(contentsOf: corpus.appendingPathComponent("expected.yml"), encoding: .utf8)
        guard let mapping = try Yams.compose(yaml: text)?.mapping else { return [:] }
        var result: [String: [String]] = [:]
        for (file, labels) in mapping {
            guard let name = file.string else { continue }
            result[name] = (labels.sequence ?? []).compactMap(\.string)
        }
        return result
    }

    @Test func precisionAndRecallPerRule() throws {
        var settings = try #require(CharterSettings.profile("public"))
        // Spelling and readability are measured by their own tests against hunspell and textstat, not labelled here.
        settings.severities[.spelling] = .some(nil)
        settings.severities[.readability] = .some(nil)
        let expectations = try Self.expectations()
        #expect(expectations.count >= 20, "the corpus is missing")
        var scores: [RuleID: Score] = [:]
        var mistakes: [String] = []
        for (file, labels) in expectations.sorted(by: { $0.key < $1.key }) {
            let language = String(file.prefix(2))
            let text = try String(contentsOf: Self.corpus.appendingPathComponent(file), encoding: .utf8)
            let found = try checkPage(text, language: language, file: file, settings: settings).findings
            var expected = labels.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
            var actual = found.reduce(into: [String: Int]()) { $0["\($1.rule.rawValue):\($1.line)", default: 0] += 1 }
            for label in Set(expected.keys).union(actual.keys) {
                guard let rule = RuleID(rawValue: String(label.split(separator: ":")[0])) else { continue }
                let wanted = expected[label] ?? 0, got = actual[label] ?? 0
                scores[rule, default: Score()].truePositives += min(wanted, got)
                scores[rule, default: Score()].falsePositives += max(got - wanted, 0)
                scores[rule, default: Score()].falseNegatives += max(wanted - got, 0)
                if wanted != got { mistakes.append("\(file): \(label) expected \(wanted), found \(got)") }
            }
            expected.removeAll()
            actual.removeAll()
        }
        var table = "rule                 precision  recall  (tp fp fn)\n"
        for rule in RuleID.allCases {
            guard let score = scores[rule] else { continue }
            table += rule.rawValue.padding(toLength: 21, withPad: " ", startingAt: 0)
                + String(format: "%9.3f %7.3f  (%d %d %d)\n", score.precision, score.recall, score.truePositives, score.falsePositives, score.falseNegatives)
        }
        print(table + mistakes.joined(separator: "\n"))
        for (rule, score) in scores {
            #expect(score.precision >= 0.95, "\(rule.rawValue): precision \(score.precision)")
            #expect(score.recall >= 0.95, "\(rule.rawValue): recall \(score.recall)")
        }
    }
}
