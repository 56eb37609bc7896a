@testable import Charter
import Foundation
import Testing

/// `check --unknown-words` from a report: each word once, most used first, then alphabetically; the
/// `words:` line ready to paste.
struct UnknownWordsReportTests {
    /// Suggests "Cleiss" for "Cleis", nothing for the other words.
    struct Dictionary: SpellingChecking {
        func isCorrect(_ word: String) -> Bool { false }
        func suggestions(for word: String, limit: Int) -> [String] { word == "Cleis" ? ["Cleiss"] : [] }
    }

    static func finding(_ word: String, _ file: String, line: Int, uses: Int) -> Finding {
        var finding = Finding(file: file, at: SourcePoint(line: line, column: 4), rule: .spelling, severity: .info, message: "“\(word)” is not in the dictionary.")
        finding.subject = word
        finding.uses = uses
        return finding
    }

    static func report() throws -> UnknownWordsReport {
        var settings = try #require(CharterSettings.profile("public"))
        settings.words = ["Urssaf"]
        let checker = CharterChecker(settings: settings, spelling: ["fr": Dictionary()])
        let findings = [
            finding("zeta", "Content/fr/b.md", line: 3, uses: 1), finding("Cleis", "Content/fr/b.md", line: 9, uses: 1),
            finding("Cleis", "Content/fr/a.md", line: 5, uses: 2), finding("alpha", "Content/fr/a.md", line: 7, uses: 1),
            finding("Beta", "Content/fr/a.md", line: 8, uses: 1), finding("salarié·e·s", "Content/fr/a.md", line: 2, uses: 1),
            Finding(file: "Content/fr/a.md", at: SourcePoint(line: 1, column: 1), rule: .sentenceLength, severity: .warning, message: "Long."),
        ]
        return UnknownWordsReport(report: CharterReport(findings: findings, pages: []), checker: checker)
    }

    @Test func mostUsedFirstThenAlphabeticallyWhateverTheCase() throws {
        let report = try Self.report()
        #expect(report.words.map(\.word) == ["Cleis", "alpha", "Beta", "salarié·e·s", "zeta"])
        let cleis = try #require(report.words.first)
        #expect(cleis.count == 3)
        #expect(cleis.pages.map(\.file) == ["Content/fr/a.md", "Content/fr/b.md"])
        #expect(cleis.suggestions == ["Cleiss"])
        #expect(report.wordsLine == ["Urssaf", "Cleis", "alpha", "Beta", "salarié·e·s", "zeta"])
    }

    @Test func textEndsWithTheWordsLineQuotingWhatYAMLWouldMisread() throws {
        let lines = try Self.report().render(.text).split(separator: "\n").map(String.init)
        #expect(lines.first == "    3  Cleis  Content/fr/a.md:5, Content/fr/b.md:9  did you mean “Cleiss”?")
        #expect(lines[1] == "    1  alpha  Content/fr/a.md:7")
        #expect(lines.suffix(3) == [
            "5 unknown words in 2 pages.",
            "Take the slips out of this line, then paste it in the charter configuration (site.yml, 'charter:'):",
            "  words: [Urssaf, Cleis, alpha, Beta, \"salarié·e·s\", zeta]",
        ])
        #expect(UnknownWordsReport.yamlScalar("aujourd'hui") == "aujourd'hui")
        #expect(UnknownWordsReport.yamlScalar("no") == "\"no\"")
        #expect(UnknownWordsReport.yamlScalar("C#") == "\"C#\"")
        #expect(UnknownWordsReport.yamlScalar("say \"hi\"") == "\"say \\\"hi\\\"\"")
    }

    @Test func csvQuotesWhatNeedsIt() throws {
        let csv = try Self.report().render(.csv)
        #expect(csv.hasPrefix("word,count,pages,suggestions,kind\r\nCleis,3,Content/fr/a.md:5 Content/fr/b.md:9,Cleiss,word\r\n"))
    }
}
