import Testing
@testable import Indicators

/// The HTML dashboard's texts, one table per language (`report --format html --lang`).
@Suite struct DashboardStringsTests {
    @Test func everyKeyHasATextInEveryLanguage() {
        #expect(DashboardStrings.languages == ["en", "fr"])
        for language in DashboardStrings.languages {
            let missing = DashboardText.allCases.filter { !DashboardStrings.hasText($0, language: language) }
            #expect(missing.isEmpty, "no \(language) text for \(missing.map(\.rawValue))")
        }
    }

    @Test func everyLanguageFillsTheSamePlaceholders() {
        for key in DashboardText.allCases {
            #expect(DashboardStrings.placeholders(key, language: "fr") == DashboardStrings.placeholders(key, language: "en"), "\(key.rawValue)")
        }
        #expect(DashboardStrings.placeholders(.period, language: "fr") == ["from", "to"])
    }

    @Test func valuesAreFilledInOnePassAndEscaped() {
        let english = DashboardStrings(language: "en")!
        #expect(english.plain(.period, ["from": "{to}", "to": "31 December 2026"]) == "from {to} to 31 December 2026")
        #expect(english.html(.undated, ["files": "Content/en/<x>&\"y\".md"]) == "Pages without a date (counted as existing, never as new): Content/en/&lt;x&gt;&amp;&quot;y&quot;.md.")
        #expect(DashboardStrings(language: "fr")!.plain(.stateOverdue) == "En retard\u{00A0}: aucune page")
    }

    @Test func theLanguageIsOneOfTheSitesAndDefaultsToItsFirst() throws {
        #expect(try DashboardStrings.choose(nil, siteLanguages: ["fr", "en"]).language == "fr")
        #expect(try DashboardStrings.choose(nil, siteLanguages: ["en", "fr"]).language == "en")
        #expect(try DashboardStrings.choose(nil, siteLanguages: ["de", "fr"]).language == "fr")
        #expect(try DashboardStrings.choose(nil, siteLanguages: ["de"]).language == "en")
        #expect(try DashboardStrings.choose("en", siteLanguages: ["fr", "en"]).language == "en")
        #expect(throws: DashboardStrings.Problem.self) { try DashboardStrings.choose("de", siteLanguages: ["fr", "en"]) }
        do {
            _ = try DashboardStrings.choose("de", siteLanguages: ["fr", "de"])
            Issue.record("German has no table")
        } catch {
            #expect(error.description.contains("en, fr"))
        }
    }
}
