import Testing
@testable import Charter

@Suite struct RuleTests {
    @Test func sentenceLengthCountsWordsAndPointsAtTheSentence() throws {
        let long = "Mot " + Array(repeating: "mot", count: 25).joined(separator: " ") + "."
        let longer = Array(repeating: "mot", count: 41).joined(separator: " ") + "."
        let (findings, _) = try checkPage(page("## Titre\n\nCourt. \(long)\n\n- \(longer)\n"))
        let found = findings.rules(.sentenceLength)
        #expect(found.positions == ["sentence-length:7:8", "sentence-length:9:3"])
        #expect(found.map(\.severity) == [.warning, .error])
    }

    @Test func codeAndURLsAreNotProse() throws {
        let (findings, _) = try checkPage(page("Voir `afin de : x` et [le site](https://x.fr/?a:b).\n\n```\nafin de : ici\n```\n"))
        #expect(findings.isEmpty, "\(findings.positions)")
    }

    @Test func plainWordsWithSuggestion() throws {
        let (findings, _) = try checkPage(page("Remplissez ce formulaire afin de demander le remboursement.\n"))
        let found = findings.rules(.plainWords)
        #expect(found.positions == ["plain-words:5:26"])
        #expect(found.first?.suggestion?.contains("pour") == true)
    }

    @Test func acronymsMustBeExpandedFirst() throws {
        let text = page("La CFE vous couvre. La Caisse des Français de l'étranger (CFE) est une caisse.\n\nLa CPAM (caisse primaire d'assurance maladie) paie. La CPAM aussi. L'UE aide. FORMULAIRE A REMPLIR VITE. Le formulaire A1.\n")
        let (findings, _) = try checkPage(text)
        #expect(findings.rules(.acronymExpansion).positions == ["acronym-expansion:5:4"])
        #expect(findings.rules(.allCaps).count == 1)
    }

    @Test func vagueLinkTextsAndBareURLs() throws {
        let (findings, _) = try checkPage(page("Pour le formulaire, [cliquez ici](a.md). Voir [https://x.fr](https://x.fr) et [le guide du détachement](b.md).\nOu https://exemple.fr/a?b=c:d tout court.\n"))
        #expect(findings.rules(.linkText).positions == ["link-text:5:21", "link-text:5:47", "link-text:6:4"])
        #expect(findings.rules(.typography).isEmpty, "a URL is not prose")
    }

    @Test func aVerbThatOnlyPointsAndAHostWithAPathAreVagueToo() throws {
        let body = "Free meals: [check here](a.md). Forecast: [weather.gov/mpx](https://www.weather.gov/mpx). "
            + "Claims: [ameli.fr](https://www.ameli.fr), [check the refund rules](b.md), [go here to apply](c.md).\n"
        let (findings, _) = try checkPage(page(body), language: "en", file: "Content/en/page.md")
        // "check here" says no more than "here"; a host with a path is an address; a bare domain names its site.
        #expect(findings.rules(.linkText).map(\.message) == [
            "The link text “check here” says nothing out of context.", "The link text is a bare URL.",
        ])
    }

    @Test func headingOrderAndImages() throws {
        let text = page("## Un\n\n#### Trois\n\n# Titre\n\n##\n\n![](photo.png)\n\n![](motif.png \"decorative\")\n\n![Une carte](carte.png)\n")
        let (findings, _) = try checkPage(text)
        #expect(findings.rules(.headingOrder).map(\.line) == [7, 9, 11])
        #expect(findings.rules(.imageAlt).map(\.line) == [13])
    }

    @Test func frenchTypographyWithFixes() throws {
        let text = page("Attention : voir le 2ème point ! Les «documents» font 20%, etc...\n\nÀ 10:30\u{00A0}: rendez-vous\u{00A0}?\n")
        let (findings, _) = try checkPage(text)
        let found = findings.rules(.typography)
        #expect(found.count == 7, "\(found.map(\.message))")
        #expect(found.allSatisfy { $0.fix != nil })
        #expect(found.contains { $0.fix?.original == "2ème" && $0.fix?.replacement == "2e" })
    }

    @Test func englishTypography() throws {
        let (findings, _) = try checkPage(page("Note : this is wrong ! But this: fine.\n"), language: "en", file: "Content/en/page.md")
        #expect(findings.rules(.typography).positions == ["typography:5:6", "typography:5:22"])
    }

    @Test func frontMatterLengths() throws {
        let title = String(repeating: "a", count: 71)
        let (findings, _) = try checkPage(page("Texte.\n", title: title, description: String(repeating: "é", count: 161)))
        #expect(findings.rules(.frontMatter).positions == ["front-matter:2:1", "front-matter:3:1"])
    }

    @Test func suppressionComments() throws {
        let text = page("<!-- charter-disable plain-words -->\nafin de partir.\n<!-- charter-enable plain-words -->\nafin de rester.\n\n<!-- charter-ignore-next-line -->\nafin de voir.\n\nafin de finir.\n")
        let (findings, _) = try checkPage(text)
        #expect(findings.rules(.plainWords).map(\.line) == [8, 13])
    }

    @Test func sourceFindingsCannotBeSilencedAndTheCommentSaysSo() throws {
        let text = page("<!-- charter-disable source -->\nafin de partir.\n")
        let warnings = try checkPage(text).findings.filter { $0.message.contains("charter comment") }
        #expect(warnings.map(\.message) == ["'source' findings cannot be silenced in a charter comment: the comment has no effect."])
        #expect(warnings.map(\.line) == [5])
    }

    @Test func falcProfileIsStricter() throws {
        let sentence = Array(repeating: "mot", count: 16).joined(separator: " ") + "."
        let text = page("\(sentence)\n")
        #expect(try checkPage(text).findings.rules(.sentenceLength).isEmpty)
        #expect(try checkPage(text, settings: CharterSettings.profile("falc")).findings.rules(.sentenceLength).count == 1)
    }
}

import Syllables

extension RuleTests {
    @Test func readabilityIsMeasuredWithHyphenationPatterns() throws {
        let counters: [String: any SyllableCounting] = ["fr": try SyllableCounter(language: "fr")]
        let easy = page("Vous partez travailler au Canada. Votre employeur reste en France. Vous gardez votre sécurité sociale. Demandez le formulaire avant le départ.\n")
        let hard = page("L'administration intercommunautaire institutionnalise consubstantiellement l'harmonisation réglementaire transnationale, nonobstant l'hétérogénéité constitutionnelle, conformément aux dispositions intergouvernementales préalablement contractualisées.\n")
        let (easyFindings, easyStatistics) = try checkPage(easy, syllables: counters)
        #expect(easyStatistics.words == 21 && easyStatistics.sentences == 4)
        #expect((easyStatistics.readability ?? 0) > 60)
        #expect(easyFindings.rules(.readability).isEmpty)
        // A page of 16 words is judged only with a lower minimum of words than the default 100.
        var settings = try #require(CharterSettings.profile("public"))
        settings.readabilityMinWords = 10
        let (hardFindings, hardStatistics) = try checkPage(hard, settings: settings, syllables: counters)
        #expect((hardStatistics.readability ?? 100) < 60)
        #expect(hardFindings.rules(.readability).positions == ["readability:1:1"])
    }
}

import Spelling

extension RuleTests {
    @Test func spellingWithTheSiteWordsAndTheOtherLanguage() throws {
        var settings = try #require(CharterSettings.profile("public"))
        settings.words = ["Cleiss"]
        let spelling: [String: any SpellingChecking] = [
            "fr": try SpellChecker(language: "fr", extraWords: settings.words),
            "en": try SpellChecker(language: "en", extraWords: settings.words),
        ]
        let checker = CharterChecker(settings: settings, spelling: spelling)
        let text = page("The Cleiss explains the rules of the Caisse des Français de l'étranger. Your employer pays the contribtions.\n")
        let parsed = try FrontMatterParser.parse(text, file: "Content/en/page.md", audiences: [])
        let source = SourcePage(language: "en", path: "Content/en/page.md", relativePath: "page.md", kind: .page,
                                frontMatter: parsed.frontMatter, body: parsed.body, bodyFirstLine: parsed.bodyFirstLine)
        let findings = checker.withSpellingSuggestions(checker.check(source).findings)
        #expect(findings.rules(.spelling).positions == ["spelling:5:96"])
        #expect(findings.rules(.spelling).first?.severity == .info)
        #expect(findings.rules(.spelling).first?.suggestion?.contains("“contributions”") == true)
    }
}

import ContentLoading

import Configuration
import Yams

extension RuleTests {
    @Test func thresholdsPerLanguage() throws {
        let yaml = "rules:\n  sentence-length: {warning: 25}\nen:\n  rules:\n    sentence-length: {warning: 10}\n"
        let settings = try CharterConfiguration.read(try Yams.compose(yaml: yaml), reader: YAMLReader(file: "charter.yml"),
                                                     languages: ["fr", "en"], profileOverride: nil)
        let sentence = "Mot " + Array(repeating: "mot", count: 11).joined(separator: " ") + "."
        let checker = CharterChecker(settings: settings)
        for (language, expected) in [("fr", 0), ("en", 1)] {
            let parsed = try FrontMatterParser.parse(page("\(sentence)\n"), file: "Content/\(language)/p.md", audiences: [])
            let source = SourcePage(language: language, path: "Content/\(language)/p.md", relativePath: "p.md", kind: .page,
                                    frontMatter: parsed.frontMatter, body: parsed.body, bodyFirstLine: parsed.bodyFirstLine)
            #expect(checker.check(source).findings.rules(.sentenceLength).count == expected, "\(language)")
        }
        #expect(throws: (any Error).self) {
            try CharterConfiguration.read(try Yams.compose(yaml: "de:\n  rules: {}\n"), reader: YAMLReader(file: "charter.yml"),
                                          languages: ["fr", "en"], profileOverride: nil)
        }
    }
}

extension RuleTests {
    @Test func acronymsAfterAnElisionOrBeforeAPossessiveAreAcronymsToo() throws {
        let french = page("Le rôle de l'OIT compte. L'Organisation internationale du travail (OIT) aide.\n\nJusqu'à l'OMS (Organisation mondiale de la santé) : c'est écrit. L'UE aide.\n")
        #expect(try checkPage(french).findings.rules(.acronymExpansion).positions == ["acronym-expansion:5:12"])
        let english = page("The CNAV's address is on the letter. The CPAM's office (the local health insurance fund, CPAM) answers.\n",
                           title: "A page", description: "A short description.")
        #expect(try checkPage(english, language: "en", file: "Content/en/page.md").findings.rules(.acronymExpansion).positions
                == ["acronym-expansion:5:5", "acronym-expansion:5:42"])
    }
}
