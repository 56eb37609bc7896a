import Configuration
import ContentLoading
import Diagnostics
import Foundation
import Spelling
import Testing
import Yams
@testable import Charter

/// The spelling rule as `check` runs it: headings, words with parentheses, the dictionaries and the lexicon of site.yml.
@Suite("Spelling rule")
struct SpellingRuleTests {
    /// The checker `check` makes for a site in French and English with these charter settings.
    func siteChecker(_ yaml: String = "profile: public\n") throws -> CharterChecker {
        let settings = try CharterConfiguration.read(try Yams.compose(yaml: yaml), reader: YAMLReader(file: "site.yml"),
                                                     languages: ["fr", "en"], profileOverride: nil)
        return try CharterFactory.checker(settings: settings, languages: ["fr", "en"])
    }

    func check(_ body: String, language: String = "fr", with checker: CharterChecker) throws -> (findings: [Finding], statistics: PageStatistics) {
        let file = "Content/\(language)/page.md"
        let parsed = try FrontMatterParser.parse(page(body), file: file, audiences: [])
        let source = SourcePage(language: language, path: file, relativePath: "page.md", kind: .page,
                                frontMatter: parsed.frontMatter, body: parsed.body, bodyFirstLine: parsed.bodyFirstLine)
        return checker.check(source)
    }

    @Test func headingsAreSpellCheckedButStayOutOfTheStatistics() throws {
        let checker = try siteChecker()
        let prose = "Le déploiement se fait en fin de matinée. Il est annoncé une semaine avant.\n"
        let withHeadings = try check("## Mise en producton\n\n\(prose)\n### Calendrier du déploiemant\n\nChaque mois.\n", with: checker)
        #expect(withHeadings.findings.rules(.spelling).positions == ["spelling:5:12", "spelling:9:19"])
        #expect(withHeadings.findings.rules(.spelling).map(\.subject) == ["producton", "déploiemant"])
        let without = try check("\(prose)\nChaque mois.\n", with: checker)
        #expect(withHeadings.statistics.words == without.statistics.words)
        #expect(withHeadings.statistics.sentences == without.statistics.sentences)
        #expect(withHeadings.statistics.syllables == without.statistics.syllables)
    }

    @Test func lettersInParenthesesAreOneWord() throws {
        let checker = try siteChecker()
        let clean = try check("Le(s) serveur(s) du ou des site(s). La clé d’(open)SSH des salarié(e)s. Voir (open)SSH.\n", with: checker)
        #expect(clean.findings.rules(.spelling).isEmpty, "\(clean.findings.rules(.spelling).map(\.message))")
        let typo = try check("Le ou les sitr(s).\n", with: checker)
        #expect(typo.findings.rules(.spelling).map(\.subject) == ["sitr(s)"])
        #expect(typo.findings.rules(.spelling).positions == ["spelling:5:11"])
    }

    /// The unknown word after an elision is reported alone, at its own column: the word to add to `words`.
    @Test func anUnknownWordAfterAnElisionIsReportedAlone() throws {
        let findings = try check("Le rôle de l’Xyzzyk et d'Xyzzyk, l’étranger, l’étrangre.\n", with: try siteChecker()).findings.rules(.spelling)
        #expect(findings.map(\.subject) == ["Xyzzyk", "étrangre"])
        #expect(findings.positions == ["spelling:5:14", "spelling:5:48"])
    }

    /// The text after a bare e-mail address has no position in cmark-gfm: a word there was reported at the
    /// front matter's last line.
    @Test func aWordAfterAnEmailAddressIsReportedAtItsPlace() throws {
        let body = "First paragraph.\n\nWrite to accessibility@example.gov if needed. We reply in 15 workng days.\n"
        #expect(try check(body, language: "en", with: try siteChecker()).findings.rules(.spelling).positions == ["spelling:7:62"])
    }

    @Test func inclusiveWritingOnAPage() throws {
        let checker = try siteChecker()
        let text = "Les utilisateur·rice·s, tou·te·s les agent·e·s, chacun·e, les lecteur⋅ice⋅s, les employé•e•s, les salarié.e.s et les salarié-e-s. Les utilisatuer·rice·s.\n"
        #expect(try check(text, with: checker).findings.rules(.spelling).map(\.subject) == ["utilisatuer·rice·s"])
    }

    /// The shipped lexicon: names and terms of the field on top of the site's words, unless `lexicon: false`.
    @Test func theLexiconIsOnByDefaultAndCanBeSwitchedOff() throws {
        let french = "La Cnav et la Carsat pseudonymisent les données ; le backend est sur GitLab, les tickets dans Trello, qu’Ansible déploie.\n"
        let english = "The Cnav and the Agirc-Arrco pseudonymise the data; the backend webhook uses bcrypt and a dropdown.\n"
        let checker = try siteChecker()
        #expect(try check(french, with: checker).findings.rules(.spelling).isEmpty)
        #expect(try check(english, language: "en", with: checker).findings.rules(.spelling).isEmpty)
        let without = try siteChecker("lexicon: false\nwords: [Trello]\n")
        #expect(try check(french, with: without).findings.rules(.spelling).map(\.subject)
                == ["Cnav", "Carsat", "pseudonymisent", "backend", "GitLab", "Ansible"])
    }

    @Test func everyLexiconEntryIsAcceptedByTheDefaultDictionaries() throws {
        for language in ["fr", "en"] {
            let lexicon = LexiconFile.load(language: language)
            #expect(lexicon.words.count > 20)
            let bare = try SpellChecker(language: language)
            let checker = try SpellChecker(language: language, extraWords: lexicon.words, wordsLikeModels: lexicon.wordsLikeModels)
            for (word, model) in lexicon.wordsLikeModels {
                #expect(bare.isCorrect(model), "\(language): the model \(model) of \(word) is unknown")
                #expect(checker.isCorrect(word), "\(word)")
            }
            for word in lexicon.words { #expect(checker.isCorrect(word), "\(word)") }
        }
    }

    @Test func dictionariesAreChosenInSiteYML() throws {
        let yaml = "dictionaries: {fr: fr-comprehensive, en: en_US}\nlexicon: off\n"
        let settings = try CharterConfiguration.read(try Yams.compose(yaml: yaml), reader: YAMLReader(file: "site.yml"),
                                                     languages: ["fr", "en"], profileOverride: nil)
        #expect(settings.spellingDictionaries == ["fr": .frenchComprehensive, "en": .americanEnglish])
        #expect(!settings.usesLexicon)
        let american = try CharterFactory.checker(settings: settings, languages: ["fr", "en"])
        #expect(try check("The color of the form.\n", language: "en", with: american).findings.rules(.spelling).isEmpty)
        #expect(try check("The color of the form.\n", language: "en", with: try siteChecker()).findings.rules(.spelling).isEmpty)
        let british = try siteChecker("dictionaries: {en: en-GB}\n")
        #expect(try check("The color of the form.\n", language: "en", with: british).findings.rules(.spelling).map(\.subject) == ["color"])
    }

    @Test func anUnknownDictionaryIsAnErrorAtItsLineWithTheChoices() throws {
        let node = try Yams.compose(yaml: "profile: public\ndictionaries:\n  fr: fr-classic\n  en: en-AU\n")
        do throws(DiagnosticsError) {
            _ = try CharterConfiguration.read(node, reader: YAMLReader(file: "site.yml"),
                                              languages: ["fr", "en"], profileOverride: nil)
            Issue.record("no error")
        } catch {
            let errors = error.diagnostics.map { "\($0.location): \($0.message) (\($0.hint ?? ""))" }
            #expect(errors == [
                "site.yml:3:7: unknown spelling dictionary 'fr-classic' for 'fr' (use one of: fr-comprehensive, fr-classical, fr-revised)",
                "site.yml:4:7: unknown spelling dictionary 'en-AU' for 'en' (use one of: en-GB, en-US, en-GB-US)",
            ])
        }
    }
}
