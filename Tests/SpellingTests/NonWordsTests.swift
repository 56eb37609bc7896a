import Testing
@testable import Spelling

@Suite("Tokens that are not words")
struct NonWordsTests {
    static let tokens = [
        "2024", "1er", "A1", "S2", "E106", "883/2004", "COVID-19", "12,5 %", "CFE", "URSSAF", "CPAM", "(CE)", "NGOs",
        "https://www.cleiss.fr/docs/regimes/", "www.cleiss.fr", "cleiss.fr", "ameli.fr/assure", "contact@cleiss.fr",
        "<info@cleiss.fr>", "n°", "e.g.", "i.e.", "c.-à-d.", "–", "«", "…", "Ελλάδα", "Москва", "B",
    ]

    @Test(arguments: tokens)
    func acceptedInFrench(_ token: String) {
        #expect(Checkers.french.isCorrect(token))
    }

    @Test(arguments: tokens)
    func acceptedInEnglish(_ token: String) {
        #expect(Checkers.english.isCorrect(token))
    }

    @Test func tokenRules() {
        #expect(TokenRules.looksLikeURL("service-public.fr"))
        #expect(!TokenRules.looksLikeURL("e.g"))
        #expect(!TokenRules.looksLikeURL("Sociale.Le"))
        #expect(!TokenRules.isNotAWordToCheck("Cleiss"))
        #expect(!TokenRules.isNotAWordToCheck("sociale"))
        #expect(TokenRules.prepare("«\u{00A0}l’État\u{00A0}»,", normalize: { $0 })?.word == "l'État")
        #expect(TokenRules.prepare("réf.", normalize: { $0 })?.hadTrailingPeriod == true)
        #expect(TokenRules.prepare("—", normalize: { $0 }) == nil)
    }
}
