import Testing
@testable import Spelling

@Suite("The site's own words")
struct SiteWordsTests {
    @Test func cleissIsRejectedWithoutTheListAndAcceptedWithIt() {
        for word in ["Cleiss", "cleiss", "Cleiss's"] {
            #expect(!Checkers.english.isCorrect(word), "\(word)")
            #expect(Checkers.englishWithSiteWords.isCorrect(word), "\(word)")
        }
        #expect(!Checkers.french.isCorrect("Cleiss"))
        #expect(tokens("du Cleiss, l’Urssaf et l'Unesco").allSatisfy(Checkers.frenchWithSiteWords.isCorrect))
        #expect(tokens("The Cleiss's forms, the Urssaf and Unesco.").allSatisfy(Checkers.englishWithSiteWords.isCorrect))
    }

    /// The French dictionary knows "Urssaf" itself; the English one does not.
    @Test func urssafIsRejectedInEnglishWithoutTheList() {
        #expect(!Checkers.english.isCorrect("Urssaf"))
        #expect(Checkers.englishWithSiteWords.isCorrect("Urssaf"))
        #expect(Checkers.englishWithSiteWords.isCorrect("urssaf"))
        #expect(Checkers.french.isCorrect("Urssaf"))
    }

    @Test func siteWordsAreAcceptedAsWrittenAndInLowercaseOnly() throws {
        let checker = try SpellChecker(language: "en", extraWords: ["Légifrance", "e-learning"])
        #expect(checker.isCorrect("Légifrance"))
        #expect(checker.isCorrect("légifrance"))
        #expect(checker.isCorrect("Le\u{301}gifrance"))
        #expect(!checker.isCorrect("LéGifrance"))
        #expect(checker.isCorrect("E-learning"))
    }

    /// A word learnt like a model is suggested too, in the form given (its other forms are not in the index).
    @Test func wordsLearntLikeAModelAreSuggested() throws {
        let checker = try SpellChecker(language: "fr", wordsLikeModels: [("pseudonymiser", "anonymiser")])
        #expect(checker.isCorrect("pseudonymisez"))
        #expect(checker.suggestions(for: "pseudonimiser").first == "pseudonymiser")
    }

    @Test func siteWordsAreSuggested() {
        #expect(Checkers.frenchWithSiteWords.suggestions(for: "Cleis").first == "Cleiss")
        #expect(Checkers.englishWithSiteWords.suggestions(for: "Cleis").contains("Cleiss"))
    }
}
