import Charter
import ContentLoading
import Dispatch
import Foundation
import Testing

/// Every unknown word gets its "did you mean" (there was a cap of 10 words a page and 100 a run, because
/// hunspell's search took ~0.1 s a word), and the same one on every run.
struct SpellingSuggestionTests {
    /// Thirty slips in a French guide, each with the word meant, in the order of the page.
    static let slips: [(written: String, meant: String)] = [
        ("evenement", "événement"), ("developpement", "développement"), ("apeller", "appeler"), ("securite", "sécurité"),
        ("travial", "travail"), ("adminsitration", "administration"), ("formualire", "formulaire"), ("cotisaiton", "cotisation"),
        ("comission", "commission"), ("personel", "personnel"), ("professionel", "professionnel"), ("fonctionaire", "fonctionnaire"),
        ("occassion", "occasion"), ("supression", "suppression"), ("gouvernment", "gouvernement"), ("famile", "famille"),
        ("assurace", "assurance"), ("domicle", "domicile"), ("justificaif", "justificatif"), ("attesation", "attestation"),
        ("alocation", "allocation"), ("rembousement", "remboursement"), ("médicamnt", "médicament"), ("entreprse", "entreprise"),
        ("chomage", "chômage"), ("reglement", "règlement"), ("prefecture", "préfecture"), ("beneficiaire", "bénéficiaire"),
        ("remuneration", "rémunération"), ("Cleis", "Cleiss"),
    ]

    static func page(file: String, slips: [(written: String, meant: String)]) throws -> SourcePage {
        let body = slips.map { "Le mot \($0.written) est ici." }.joined(separator: "\n\n") + "\n"
        let text = "---\ntitle: \"Guide\"\ndescription: \"Un guide pour les démarches.\"\n---\n" + body
        let parsed = try FrontMatterParser.parse(text, file: file, audiences: [])
        return SourcePage(language: "fr", path: file, relativePath: String(file.dropFirst("Content/fr/".count)), kind: .page,
                          frontMatter: parsed.frontMatter, body: parsed.body, bodyFirstLine: parsed.bodyFirstLine)
    }

    static func checker() throws -> CharterChecker {
        var settings = try #require(CharterSettings.profile("public"))
        settings.words = ["Cleiss"]
        return try CharterFactory.checker(settings: settings, languages: ["fr"])
    }

    static func spellingFindings(_ pages: [SourcePage], checker: CharterChecker) -> [Finding] {
        checker.withSpellingSuggestions(checker.check(pages: pages).flatMap(\.findings)).rules(.spelling)
    }

    @Test func everyUnknownWordOfAPageWithThirtySlipsGetsTheWordMeant() throws {
        let findings = Self.spellingFindings([try Self.page(file: "Content/fr/guide.md", slips: Self.slips)], checker: try Self.checker())
        #expect(findings.map(\.subject) == Self.slips.map(\.written))
        for (finding, slip) in zip(findings, Self.slips) {
            #expect(finding.suggestion?.hasPrefix("Did you mean “\(slip.meant)”") == true, "\(slip.written): \(finding.suggestion ?? "")")
        }
    }

    /// Thirty pages that share their words, checked by two fresh checkers: the same findings, suggestions
    /// included, whichever thread looked a word up first (the pages and the words are spread over the cores).
    @Test func suggestionsAreTheSameOnEveryRun() throws {
        let pages = try (0..<30).map { number in
            try Self.page(file: "Content/fr/page\(number).md", slips: Array(Self.slips[(number % 10)...].prefix(12)))
        }
        let first = Self.spellingFindings(pages, checker: try Self.checker())
        let second = Self.spellingFindings(pages.reversed(), checker: try Self.checker())
        #expect(first.count == 30 * 12)
        #expect(first == second)
        #expect(first.allSatisfy { $0.suggestion?.hasPrefix("Did you mean") == true })
    }
}
