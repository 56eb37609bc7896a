import Foundation
import Testing
@testable import Charter

/// The labelled corpus: pages that must trigger each rule at known lines, and clean pages that must trigger nothing.
/// Precision and recall are measured per rule and printed; both must be at least 0.95.
@Suite struct CorpusTests {
    static let corpus = Bundle.module.url(forResource: "Corpus", withExtension: nil)!

    @Test func precisionAndRecallPerRule() throws {
        var settings = try #require(CharterSettings.profile("public"))
        // Spelling and readability are measured by their own tests against hunspell and textstat, not labelled here.
        settings.severities[.spelling] = .some(nil)
        settings.severities[.readability] = .some(nil)
        let corpus = try LabelledCorpus(folder: Self.corpus)
        #expect(corpus.labels.count >= 20, "the corpus is missing")
        #expect(Set(corpus.labels.keys) == (try corpus.pagesOnDisk()), "every page is labelled, and only those")
        var comparison = CorpusComparison()
        for (file, labels) in corpus.labels.sorted(by: { $0.key < $1.key }) {
            let language = String(file.prefix(2))
            let found = try checkPage(corpus.text(of: file), language: language, file: file, settings: settings).findings
            comparison.compare(page: file, found: found, expected: labels)
        }
        comparison.printReport(title: "Labelled corpus, \(corpus.labels.count) pages:")
        for (rule, score) in comparison.scores {
            #expect(score.precision >= 0.95, "\(rule.rawValue): precision \(score.precision)")
            #expect(score.recall >= 0.95, "\(rule.rawValue): recall \(score.recall)")
        }
    }
}
