import Testing
@testable import Spelling

@Suite("French spelling")
struct FrenchTests {
    let checker = Checkers.french

    @Test func correctAdministrativeFrenchHasNoError() {
        let paragraph = """
            Aujourd'hui, l'assuré qui part travailler à l'étranger doit vérifier s'il reste affilié au régime \
            français de sécurité sociale. Le formulaire d'assurance maladie est délivré par la caisse jusqu'à \
            la date du départ ; il est peut-être utile de savoir qu'il existe une convention entre la France et \
            le Royaume-Uni. C’est l’État qui fixe les règles : l'Égalité de traitement s’applique aux travailleurs \
            détachés, vis-à-vis des organismes du pays d'accueil. Le porte-parole a rappelé que le règlement (CE) \
            n° 883/2004 s’applique depuis le 1er mai 2010 dans le sud-est de l'Europe, lorsqu'il s'agit \
            d'une activité salariée, puisqu'elle relève de la législation de l'État d'emploi. N'oubliez pas \
            qu'un pensionné, quoiqu'il réside hors de France, conserve ses droits. « Égalité » figure \
            au fronton ; j'ai lu l’article, m'a-t-on dit, et t'en souviens-tu ? Ça, c'est-à-dire les Pays-Bas.
            """
        let flagged = tokens(paragraph).filter { !checker.isCorrect($0) }
        #expect(flagged.isEmpty, "flagged: \(flagged)")
    }

    @Test(arguments: [
        "l'étranger", "l’étranger", "d'assurance", "d’assurance", "qu'il", "qu’il", "jusqu'à", "jusqu’à", "aujourd'hui",
        "aujourd’hui", "peut-être", "vis-à-vis", "sud-est", "Royaume-Uni", "porte-parole", "c'est", "c’est", "État",
        "Égalité", "n'est", "j'ai", "s'applique", "m'a", "t'es", "lorsqu'il", "puisqu'elle", "L'étranger", "Qu'il",
        "Sécurité", "États-Unis", "va-t-elle", "et/ou", "réf.", "art.", "(l’étranger),", "«\u{00A0}sociale\u{00A0}»",
        "sécurité\u{2011}sociale", "e\u{301}tat",
    ])
    func acceptedForms(_ word: String) {
        #expect(checker.isCorrect(word))
    }

    @Test(arguments: ["sécurite", "socaile", "travaill", "l'étrangre", "l’étrangre", "Etat", "peut-etre", "qu'ill"])
    func misspellingsAreFound(_ word: String) {
        #expect(!checker.isCorrect(word))
        #expect(!checker.suggestions(for: word).isEmpty)
    }

    @Test func firstSuggestionsAreSensible() {
        #expect(checker.suggestions(for: "sécurite").first == "sécurité")
        #expect(checker.suggestions(for: "socaile").first == "sociale")
        #expect(checker.suggestions(for: "travaill").first == "travail")
        // The suggestion keeps the writer's apostrophe.
        #expect(checker.suggestions(for: "l'étrangre").first == "l'étranger")
        #expect(checker.suggestions(for: "l’étrangre").first == "l’étranger")
        #expect(checker.suggestions(for: "peut-etre").first == "peut-être")
        #expect(checker.suggestions(for: "Etat").first == "État")
    }

    @Test func suggestionsRespectTheLimitAndCorrectWordsHaveNone() {
        #expect(checker.suggestions(for: "travaill", limit: 2).count == 2)
        #expect(checker.suggestions(for: "travaill", limit: 0).isEmpty)
        #expect(checker.suggestions(for: "travail").isEmpty)
        #expect(checker.suggestions(for: "socaile,").first == "sociale")
    }

    @Test func dictionaryIsUTF8() {
        #expect(checker.dictionaryEncoding == "UTF-8")
        #expect(checker.language == "fr")
    }

    @Test func elisionIsStrippedWhenTheDictionaryDoesNotKnowTheWhole() {
        let withSite = Checkers.frenchWithSiteWords
        #expect(!checker.isCorrect("l'Cleiss"))
        #expect(withSite.isCorrect("l’Cleiss"))
        #expect(withSite.isCorrect("jusqu'Ameli"))
        #expect(checker.isCorrect("l'OCDE"))
        #expect(checker.isCorrect("d'A1"))
        #expect(!checker.isCorrect("d'étrangre"))
    }
}
