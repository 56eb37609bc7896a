import Configuration
import Foundation
import Syllables
import Testing
import Yams
@testable import Charter

/// Readability's minimum of words and its addresses, paragraph-length on list items, the JSON of a page without prose.
@Suite struct ProseRuleTests {
    static let hardSentence = "L'administration intercommunautaire institutionnalise consubstantiellement l'harmonisation réglementaire transnationale, "
        + "nonobstant l'hétérogénéité constitutionnelle, conformément aux dispositions intergouvernementales préalablement contractualisées."

    func counters() throws -> [String: any SyllableCounting] {
        ["fr": try SyllableCounter(language: "fr"), "en": try SyllableCounter(language: "en")]
    }

    @Test func readabilityJudgesOnlyPagesOfTheMinimumOfWords() throws {
        // 16 hard words: scored, reported in the statistics, but too short to judge.
        let short = page("\(Self.hardSentence)\n")
        let (shortFindings, shortStatistics) = try checkPage(short, syllables: counters())
        #expect(shortStatistics.words == 16)
        #expect((shortStatistics.readability ?? 100) < 60)
        #expect(shortFindings.rules(.readability).isEmpty)
        // Seven times over: 112 words, judged.
        let long = page(Array(repeating: Self.hardSentence, count: 7).joined(separator: " ") + "\n")
        let (longFindings, longStatistics) = try checkPage(long, syllables: counters())
        #expect(longStatistics.words == 112)
        #expect(longFindings.rules(.readability).positions == ["readability:1:1"])
    }

    @Test func theMinimumOfWordsIsConfigured() throws {
        let yaml = "rules:\n  readability: {min: {fr: 60, en: 50}, words: 10}\n"
        let settings = try CharterConfiguration.read(try Yams.compose(yaml: yaml), reader: YAMLReader(file: "charter.yml"),
                                                     languages: ["fr", "en"], profileOverride: nil)
        #expect(settings.readabilityMinWords == 10)
        #expect(CharterSettings.profile("public")?.readabilityMinWords == 100)
        let (findings, _) = try checkPage(page("\(Self.hardSentence)\n"), settings: settings, syllables: counters())
        #expect(findings.rules(.readability).count == 1)
        #expect(throws: (any Error).self) {
            try CharterConfiguration.read(try Yams.compose(yaml: "rules:\n  readability: {words: many}\n"), reader: YAMLReader(file: "charter.yml"),
                                          languages: ["fr", "en"], profileOverride: nil)
        }
    }

    @Test func addressesAreNoWordsForReadability() throws {
        let withAddresses = "Read the [https://www.example.gov.uk/guidance/social-security-abroad-for-workers](https://www.example.gov.uk/guidance) "
            + "on the site of the office, [example.gov.uk/contact](https://example.gov.uk/contact) or write to help.desk@example.gov.uk. "
            + "It says what to do (see guide.pdf)."
        let withoutAddresses = "Read the on the site of the office, or write to. It says what to do (see)."
        let english = ["en": try SyllableCounter(language: "en")] as [String: any SyllableCounting]
        let (_, statistics) = try checkPage(page("\(withAddresses)\n"), language: "en", file: "Content/en/page.md", syllables: english)
        let (_, reference) = try checkPage(page("\(withoutAddresses)\n"), language: "en", file: "Content/en/page.md", syllables: english)
        #expect(statistics.words == 17)
        #expect(statistics.words == reference.words && statistics.syllables == reference.syllables)
        #expect(!AddressToken.isAddress(Array("e.g.".unicodeScalars)) && !AddressToken.isAddress(Array("U.S.".unicodeScalars)))
        #expect(!AddressToken.isAddress(Array("c.-à-d.".unicodeScalars)) && !AddressToken.isAddress(Array("3.5".unicodeScalars)))
        #expect(AddressToken.isAddress(Array("(service-public.fr).".unicodeScalars)) && AddressToken.isAddress(Array("MAILTO:a@b.fr".unicodeScalars)))
    }

    @Test func aNumberWrittenWithSpacesIsOneWord() throws {
        // 25 words when "40 000" and "1 250 000" are one word each: no finding; one more word: a finding.
        let sentence = "Le service numérique recrute cette année une personne pour la plateforme utilisée chaque mois par 40\u{202F}000 employeurs, "
            + "qui déclarent 1 250 000 salariés en France et ailleurs"
        #expect(try checkPage(page("\(sentence).\n")).findings.rules(.sentenceLength).isEmpty)
        #expect(try checkPage(page("\(sentence) ici.\n")).findings.rules(.sentenceLength).map(\.message) == ["This sentence has 26 words (at most 25)."])
    }

    @Test func listItemsAreParagraphsToo() throws {
        let six = "Un. Deux. Trois. Quatre. Cinq. Six."
        let five = "Un. Deux. Trois. Quatre. Cinq."
        let text = page("- \(six)\n- \(five)\n\n1. Court.\n\n   \(six)\n\n   - \(five) Six ici.\n\n\(six)\n")
        let (findings, _) = try checkPage(text)
        let found = findings.rules(.paragraphLength)
        #expect(found.positions == ["paragraph-length:5:3", "paragraph-length:10:4", "paragraph-length:12:6", "paragraph-length:14:1"])
        #expect(found.map(\.message) == [
            "This list item has 6 sentences (at most 5).", "This list item has 6 sentences (at most 5).",
            "This list item has 6 sentences (at most 5).", "This paragraph has 6 sentences (at most 5).",
        ])
    }

    @Test func everyPageOfTheJSONReportHasTheSameKeys() throws {
        let (_, empty) = try checkPage(page("## Titre seul\n\n```\ncode\n```\n"), file: "Content/fr/vide.md", syllables: counters())
        let (_, prose) = try checkPage(page("Vous partez au Canada.\n"), syllables: counters())
        #expect(empty.words == 0 && empty.readability == nil)
        let json = ReportFormat.json.render(CharterReport(findings: [], pages: [empty, prose]))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let pages = try #require(document["pages"] as? [[String: Any]])
        #expect(pages.count == 2)
        let keys = ["file", "lang", "readability", "sentences", "syllables", "words"]
        #expect(pages.allSatisfy { $0.keys.sorted() == keys })
        #expect(pages.first { $0["file"] as? String == "Content/fr/vide.md" }?["readability"] is NSNull)
        #expect(json.contains("\"readability\" : null"))
    }
}
