import Configuration
import ContentLoading
import Foundation
import Testing
@testable import Charter

/// The labelled corpora in the styles of real guidance, mostly correct prose, labelled by hand with what a careful
/// editor wants reported: `Realistic/` (the rules were tuned against it) and `HeldOut/` (written and labelled without
/// seeing the rules' results, to measure them blind). The charter runs on each as `cleiss-site check` does —
/// hunspell, hyphenation, the repository's site.yml — and must meet the goals of issue 14.
@Suite struct RealisticCorpusTests {
    /// The goals, in one place: at most 10 % false alarms per rule (15 % for spelling), and at least 90 % of the
    /// real problems found, for every rule (so real misspellings are still found).
    enum Goals {
        static let precision = 0.90
        static let precisionOfSpelling = 0.85
        static let recall = 0.90

        static func minimumPrecision(of rule: RuleID) -> Double { rule == .spelling ? precisionOfSpelling : precision }
    }

    /// A corpus this suite measures: its folder among the test resources, the pages it holds at least, and whether
    /// a missed goal fails the test or is only printed.
    struct MeasuredCorpus: Sendable, CustomTestStringConvertible {
        var folder: String
        var title: String
        var minimumPages: Int
        var assertsGoals: Bool
        var testDescription: String { folder }
    }

    /// The held-out corpus's goals are printed, not asserted: it measures the rules blind, and some miss them there
    /// (HeldOut/README.md); whether they must be met is the lead's decision.
    static let corpora = [
        MeasuredCorpus(folder: "Realistic", title: "Realistic corpus", minimumPages: 60, assertsGoals: true),
        MeasuredCorpus(folder: "HeldOut", title: "Held-out corpus", minimumPages: 30, assertsGoals: false),
        MeasuredCorpus(folder: "Blind2", title: "Second blind corpus", minimumPages: 24, assertsGoals: false),
    ]

    /// The repository's root, for its site.yml: the site's own charter settings.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: corpora) func precisionAndRecallPerRule(_ measured: MeasuredCorpus) throws {
        let folder = try #require(Bundle.module.url(forResource: measured.folder, withExtension: nil), "the corpus \(measured.folder) is missing")
        let corpus = try LabelledCorpus(folder: folder)
        #expect(corpus.labels.count >= measured.minimumPages, "the corpus is missing pages")
        #expect(Set(corpus.labels.keys) == (try corpus.pagesOnDisk()), "every page is labelled, and only those")

        let findings = try Self.checkAsASite(corpus)
        var comparison = CorpusComparison()
        for (page, labels) in corpus.labels.sorted(by: { $0.key < $1.key }) {
            comparison.compare(page: page, found: findings[page] ?? [], expected: labels)
        }
        #expect(Set(findings.keys).isSubset(of: corpus.labels.keys), "findings in a file that is not a labelled page: \(findings.keys.sorted())")
        comparison.printReport(title: "\(measured.title), \(corpus.labels.count) pages:")

        var missedGoals: [String] = []
        for rule in RuleID.allCases {
            guard let score = comparison.scores[rule] else { continue }
            if score.precision < Goals.minimumPrecision(of: rule) {
                missedGoals.append("\(measured.folder), \(rule.rawValue): precision \(String(format: "%.3f", score.precision)) (\(score.falsePositives) false alarms in \(score.findings) findings)")
            }
            if score.recall < Goals.recall {
                missedGoals.append("\(measured.folder), \(rule.rawValue): recall \(String(format: "%.3f", score.recall)) (\(score.falseNegatives) misses)")
            }
        }
        if measured.assertsGoals {
            for missed in missedGoals { Issue.record(Comment(rawValue: missed)) }
        } else {
            let lines = missedGoals.isEmpty ? ["Goals: all met."] : ["Goals missed (reported, not asserted):"] + missedGoals.map { "  " + $0 }
            for line in lines { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
        }
    }

    static func checkAsASite(_ corpus: LabelledCorpus) throws -> [String: [Finding]] {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("realistic-corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let content = site.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("site.yml"), to: site.appendingPathComponent("site.yml"))
        for language in ["fr", "en"] {
            try FileManager.default.copyItem(at: corpus.folder.appendingPathComponent(language), to: content.appendingPathComponent(language))
        }
        let configuration = try ConfigurationLoader.load(root: site)
        var settings = try CharterConfiguration.load(root: site, languages: configuration.languages)
        // The corpora are labelled for what the pages say, not for what their front matter cites: `sources` has its own tests.
        settings.severities[.sources] = .some(nil)
        let checker = try CharterFactory.checker(settings: settings, languages: configuration.languages)
        let loaded = try ContentLoader.load(root: site, configuration: configuration, languages: configuration.languages, keepingErrors: true)
        let report = checker.check(files: loaded.checkedFiles)
        return Dictionary(grouping: report.findings) { String($0.file.dropFirst("Content/".count)) }
    }
}
