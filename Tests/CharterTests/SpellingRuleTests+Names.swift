@testable import Spelling
import Testing
@testable import Charter

/// Names are not spelling mistakes (`NameShapes`): an unknown word whose capitals the writer chose is taken for a
/// name, not reported, and kept in the page's `unknownNames`; misspelled common words are still reported.
extension SpellingRuleTests {
    func spelling(_ body: String, language: String = "en") throws -> (words: [String], names: [String]) {
        let result = try check(body, language: language, with: try siteChecker())
        return (result.findings.rules(.spelling).compactMap(\.subject), result.statistics.unknownNames.map(\.word))
    }

    @Test func mixedCaseWordsAreNames() throws {
        let body = "Pay through PayXandri or QuenFlow on an iXandro, then export the GeoQuennev file for the DGFiX and the ODxL.\n"
        let result = try spelling(body)
        #expect(result.words.isEmpty)
        // "DGFiX" and "ODxL" are acronyms with one lowercase letter: the acronym rule's (`Capitals.isCapitalWord`).
        #expect(result.names == ["PayXandri", "QuenFlow", "iXandro", "GeoQuennev"])
        // At a sentence start too: a shape no common word has.
        #expect(try spelling("QuenFlow is the app. PayXandri is the site.\n").words.isEmpty)
    }

    @Test func aCapitalMidSentenceIsAName() throws {
        let english = try spelling("The minutes were taken by Adwoa Kessiwe and Cllr Quennevik, who chose a Krankenkasse. We recieved them.\n")
        #expect(english.words == ["recieved"])
        #expect(english.names == ["Adwoa", "Kessiwe", "Cllr", "Quennevik", "Krankenkasse"])
        let french = try spelling("La mairie de Xandrillac et la compagnie Quenneval ont signé récement.\n", language: "fr")
        #expect(french.words == ["récement"])
        #expect(french.names == ["Xandrillac", "Quenneval"])
    }

    /// A capital the sentence imposes says nothing: the first word of a sentence, list item, table cell, heading or
    /// quotation is still checked ("Comunicating with users…"). Passed before names were recognised: it guards them.
    @Test func theFirstWordOfASentenceIsStillChecked() throws {
        let body = """
            ## Comunicating with users

            Comunicating well matters. Xandrillac opens at nine.

            - Abscence of the manager.

            | Column |
            |---|
            | Calibratoin done |

            The sign reads « Reciepts » and "Suplement".

            """
        #expect(try spelling(body).words == ["Comunicating", "Xandrillac", "Abscence", "Calibratoin", "Reciepts", "Suplement"])
        // A slip of the shift key over two letters is no name, even mid-sentence; "OXandri" ("Oxandri" is no word) is one.
        let slip = try spelling("Read THe notice, then log in with OXandri.\n")
        #expect(slip.words == ["THe"] && slip.names == ["OXandri"])
    }

    /// The site lists its names in `words:`: a name-like word one slip from one of them is a misspelling of it.
    @Test func aSlipOfASiteWordIsNoName() throws {
        let checker = try siteChecker("words: [Xandrillac, Cnav]\n")
        let result = try check("Le centre de Xandrilac et celui de Xandrillac, la Cnov et la Quennevik.\n", with: checker)
        #expect(result.findings.rules(.spelling).compactMap(\.subject) == ["Xandrilac"])
        // "Cnov" is one letter from "Cnav" but too short to tell a slip from another name ("Cnam" and "Cnav" are two bodies).
        #expect(result.statistics.unknownNames.map(\.word) == ["Cnov", "Quennevik"])
        let one = { (a: String, b: String) in SpellChecker.isOneEditApart(Array(a.unicodeScalars), Array(b.unicodeScalars)) }
        #expect(one("cleis", "cleiss") && one("cleiss", "celiss") && one("cleiss", "claiss") && one("leiss", "cleiss"))
        #expect(!one("cleiss", "cleiss") && !one("cleiss", "clsies") && !one("cleiss", "cle") && !one("clxiys", "cleiss"))
    }

    /// A name mid-sentence vouches for the same word opening another sentence of the page.
    @Test func aNameOnceIsANameOnThePage() throws {
        let result = try spelling("Xandrillac opens at nine. The library of Xandrillac closes at six.\n")
        #expect(result.words.isEmpty)
        #expect(result.names == ["Xandrillac"])
        #expect(try check("Xandrillac opens at nine. The library of Xandrillac closes at six.\n", language: "en", with: try siteChecker())
            .statistics.unknownNames.map { "\($0.word) \($0.line):\($0.column) ×\($0.uses)" } == ["Xandrillac 5:1 ×2"])
    }

    /// Hyphenated and elided forms are judged by their parts.
    @Test func compoundAndElidedNames() throws {
        let french = "Montreuil-Quennevik accueille l'App Store et l’équipe d’Xandrillac à Lunel-Xandri. L’Quennevik ouvre. L’étrangre.\n"
        let result = try spelling(french, language: "fr")
        #expect(result.words == ["étrangre"])
        #expect(result.names == ["Montreuil-Quennevik", "l'App", "Xandrillac", "Lunel-Xandri", "Quennevik"])
        // A lowercase unknown part is a misspelling, whatever the other parts.
        #expect(try spelling("Les bus Xandri-expresss partent.\n", language: "fr").words == ["Xandri-expresss"])
    }

    /// In a Title Case heading every word has a capital: a word one slip from a common word is a misspelling, the others names.
    @Test func titleCaseHeadings() throws {
        let body = "# Incident Response: Comunicating With Users\n\n## Getting To Xandrillac Campus\n\n## Accès au campus de Quenneval\n\nText.\n"
        let result = try spelling(body)
        #expect(result.words == ["Comunicating"])
        #expect(result.names == ["Xandrillac", "Quenneval"])
    }

    @Test func handlesHashtagsAndIdentifiersAreNotProse() throws {
        let result = try spelling("Suivez @Xandri_Reseau, @quennevalinfo et #grevexandri, ou lisez le champ date_modif.\n", language: "fr")
        #expect(result.words.isEmpty)
        #expect(result.names.isEmpty)
    }

    @Test func shapesOfNames() {
        for word in ["ParentPay", "iPhone", "eBay", "GeoJSON", "DGFiP", "ODbL", "HTMLElement", "UnivEx", "OAuth"] {
            #expect(NameShapes.isMixedCase(word.unicodeScalars), "\(word)")
        }
        for word in ["Paris", "paris", "CNIL", "O'Brien", "URLs", "IDs"] {
            #expect(!NameShapes.isMixedCase(word.unicodeScalars), "\(word)")
        }
        #expect(NameShapes.isCapitalised("O'Brien".unicodeScalars) && NameShapes.isCapitalised("Cllr".unicodeScalars))
        #expect(!NameShapes.isCapitalised("THe".unicodeScalars) && !NameShapes.isCapitalised("CNIL".unicodeScalars))
        #expect(NameShapes.shiftSlipFix("THe") == "The" && NameShapes.shiftSlipFix("ÉTé") == "Été")
        #expect(NameShapes.shiftSlipFix("OAuth") == "Oauth" && NameShapes.shiftSlipFix("ODbL") == nil && NameShapes.shiftSlipFix("The") == nil)
    }

    @Test func oneSlipFromACommonWord() throws {
        let english = try SpellChecker(language: "en"), french = try SpellChecker(language: "fr")
        for word in ["Comunicating", "Recieved", "Acurate", "Seperate", "Immediatly"] {
            #expect(NearWords.isOneSlipFromACommonWord(word, alphabet: NearWords.englishAlphabet, knows: english.knowsAsWritten), "\(word)")
        }
        for word in ["Westbridge", "Xandrillac", "Okafor", "Marsillargues"] {
            #expect(!NearWords.isOneSlipFromACommonWord(word, alphabet: NearWords.englishAlphabet, knows: english.knowsAsWritten), "\(word)")
        }
        // An accent left out is a slip in French ("Reglement" for "règlement").
        #expect(NearWords.isOneSlipFromACommonWord("Reglement", alphabet: NearWords.frenchAlphabet, knows: french.knowsAsWritten))
        #expect(!NearWords.isOneSlipFromACommonWord("Reglement", alphabet: NearWords.englishAlphabet, knows: french.knowsAsWritten))
    }
}
