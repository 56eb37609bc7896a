import Configuration
import Foundation
import Testing
@testable import Charter

/// The realistic corpus (`Realistic/`): pages in the styles of real public-service guidance, mostly correct prose,
/// labelled by hand with what a careful editor wants reported. The charter runs on them as `cleiss-site check`
/// does — hunspell, hyphenation, the repository's site.yml — and must meet the goals of issue 14.
@Suite struct RealisticCorpusTests {
    /// The goals, in one place: at most 10 % false alarms per rule (15 % for spelling), and at least 90 % of the
    /// real problems found, for every rule (so real misspellings are still found).
    enum Goals {
        static let precision = 0.90
        static let precisionOfSpelling = 0.85
        static let recall = 0.90

        static func minimumPrecision(of rule: RuleID) -> Double { rule == .spelling ? precisionOfSpelling : precision }
    }

    static let corpus = Bundle.module.url(forResource: "Realistic", withExtension: nil)!
    /// The repository's root, for its site.yml: the site's own charter settings.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func precisionAndRecallPerRule() throws {
        let corpus = try LabelledCorpus(folder: Self.corpus)
        #expect(corpus.labels.count >= 60, "the corpus is missing")
        #expect(Set(corpus.labels.keys) == (try corpus.pagesOnDisk()), "every page is labelled, and only those")

        let findings = try Self.checkAsASite(corpus)
        var comparison = CorpusComparison()
        for (page, labels) in corpus.labels.sorted(by: { $0.key < $1.key }) {
            comparison.compare(page: page, found: findings[page] ?? [], expected: labels)
        }
        #expect(Set(findings.keys).isSubset(of: corpus.labels.keys), "findings in a file that is not a labelled page: \(findings.keys.sorted())")
        comparison.printReport(title: "Realistic corpus, \(corpus.labels.count) pages:")

        for rule in RuleID.allCases {
            guard let score = comparison.scores[rule] else { continue }
            #expect(score.precision >= Goals.minimumPrecision(of: rule),
                    "\(rule.rawValue): precision \(String(format: "%.3f", score.precision)) (\(score.falsePositives) false alarms in \(score.findings) findings)")
            #expect(score.recall >= Goals.recall,
                    "\(rule.rawValue): recall \(String(format: "%.3f", score.recall)) (\(score.falseNegatives) misses)")
        }
    }

    /// Puts the pages in a temporary site (the repository's site.yml, the pages under `Content/`) and checks it
    /// the way `cleiss-site check` does. Findings by page, as `fr/page.md`.
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
        let settings = try CharterConfiguration.load(root: site, languages: configuration.languages)
        let checker = try CharterFactory.checker(settings: settings, languages: configuration.languages)
        let report = checker.check(root: site, configuration: configuration)
        return Dictionary(grouping: report.findings) { String($0.file.dropFirst("Content/".count)) }
    }
}
