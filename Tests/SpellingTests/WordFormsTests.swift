import Testing
@testable import Spelling

/// Tokens of real prose that are more than one dictionary word: letters in parentheses, French
/// inclusive writing, elisions and possessives with either apostrophe, hyphenated words.
@Suite("Word forms")
struct WordFormsTests {
    let french = Checkers.frenchWithSiteWords
    let english = Checkers.englishWithSiteWords

    /// As the charter sends them (the surrounding punctuation included: "site(s)." ends a sentence).
    @Test(arguments: [
        "site(s)", "site(s).", "(site(s))", "salarié(e)s", "le(s)", "serveur(s),", "conjoint(e)", "d'(open)SSH", "d’(open)SSH",
        "(open)SSH", "bénéficiaire(s)",
    ])
    func lettersInParenthesesAreOptional(_ token: String) {
        #expect(french.isCorrect(token), "\(token)")
    }

    @Test(arguments: ["sitr(s)", "salarée(s)", "serveru(s)", "(opne)SSH", "d'(opne)SSH"])
    func aMisspellingWithParenthesesIsFound(_ token: String) {
        #expect(!french.isCorrect(token), "\(token)")
    }

    @Test func englishWordsWithParentheses() {
        #expect(english.isCorrect("applicant(s)"))
        #expect(english.isCorrect("(open)SSH"))
        #expect(!english.isCorrect("aplicant(s)"))
    }

    @Test(arguments: [
        "utilisateur·rice·s", "Utilisateur·rice·s", "tou·te·s", "agent·e·s", "chacun·e", "Chacun·e", "lecteur⋅ice", "lecteur⋅ice⋅s",
        "employé•e•s", "salarié.e.s", "tou.te.s", "agent.e.s", "salarié-e-s", "tou-te-s", "développeur·euse", "travailleur·euse·s",
        "directeur·trice·s", "technicien·ne·s", "professionnel·le·s", "premier·ère·s", "nouveaux·elles", "certain·e·s", "détaché·e·s",
        "adhérent⋅e⋅s", "l’utilisateur·rice", "gêné·e",
    ])
    func inclusiveWritingIsAccepted(_ word: String) {
        #expect(french.isCorrect(word), "\(word)")
    }

    /// The masculine word is checked, and only feminine and plural endings follow it. (The French dictionary
    /// itself breaks words at a middle dot, `BREAK ·`, and accepts parts that are words: "salarié·z·s" passes.)
    @Test(arguments: [
        "utilisatuer·rice·s", "agnet·e·s", "tuo·te·s", "salarié·zx·s", "employé•e•zx", "lectuer⋅ice", "salairé.e.s", "salarié-zx-s",
        "emplyé•e•s", "tuo.te.s",
    ])
    func aMisspellingInInclusiveWritingIsFound(_ word: String) {
        #expect(!french.isCorrect(word), "\(word)")
    }

    @Test(arguments: ["qu’Ansible", "qu'Ansible", "l’Urssaf", "jusqu’au", "jusqu'au", "d’Ansible", "Qu’Ansible", "lorsqu’Ansible"])
    func frenchElisionsWithEitherApostrophe(_ word: String) throws {
        let checker = try SpellChecker(language: "fr", extraWords: ["Ansible"])
        #expect(checker.isCorrect(word), "\(word)")
    }

    @Test(arguments: ["qu’Ansibel", "l’Ursaff", "jusqu’aou", "d'Ansibel"])
    func aMisspellingAfterAnElisionIsFound(_ word: String) throws {
        #expect(!(try SpellChecker(language: "fr", extraWords: ["Ansible"])).isCorrect(word), "\(word)")
    }

    @Test(arguments: ["person’s", "person's", "team’s", "users’", "Cleiss’s", "organisation’s", "employer’s"])
    func englishPossessivesWithEitherApostrophe(_ word: String) {
        #expect(english.isCorrect(word), "\(word)")
    }

    @Test(arguments: ["peut-être", "Royaume-Uni", "va-t-elle", "sud-est", "porte-parole", "et/ou"])
    func hyphenatedWordsStillPass(_ word: String) {
        #expect(french.isCorrect(word))
    }

    @Test func wordsWithAModelTakeItsEndings() throws {
        let checker = try SpellChecker(language: "fr", wordsLikeModels: [("pseudonymiser", "anonymiser")])
        for form in ["pseudonymiser", "pseudonymisées", "pseudonymise", "pseudonymisons", "Pseudonymisé"] {
            #expect(checker.isCorrect(form), "\(form)")
        }
        #expect(!checker.isCorrect("pseudonymiseé"))
        // A model the dictionary lacks: the word alone is still learnt.
        let english = try SpellChecker(language: "en", wordsLikeModels: [("pseudonymise", "anonymise")], dictionary: .americanEnglish)
        #expect(english.isCorrect("pseudonymise"))
    }
}
