import Testing
@testable import Spelling

@Suite("English spelling")
struct EnglishTests {
    let checker = Checkers.english

    @Test func correctBritishEnglishHasNoError() {
        let paragraph = """
            Today, an insured person who goes to work abroad must check whether they remain covered by the French \
            social security scheme. The organisation of health care differs from one country to another; the \
            employer's obligations are set out in the agreement between France and the United Kingdom. \
            Self-employed workers and civil servants should contact their insurance fund. It’s up to the \
            competent institution to issue the form, and it isn't recognised everywhere: workers' rights, the \
            centre's programme, the licence fee, the colour of the card, travelled abroad, organisations, \
            their behaviour, a favourite destination, the labour market, an enrolment, fulfilment, judgement. \
            Member States of the EU/EEA, e.g. Germany, apply Regulation (EC) No 883/2004 since 1 May 2010.
            """
        let flagged = tokens(paragraph).filter { !checker.isCorrect($0) }
        #expect(flagged.isEmpty, "flagged: \(flagged)")
    }

    @Test(arguments: [
        "organisation", "Organisation", "organisations", "organised", "recognise", "recognisable", "analyse", "colour",
        "colourful", "behavioural", "neighbourhood", "honours", "centre", "centres", "centred", "metres", "fibre",
        "licence", "defence", "offence", "travelled", "travelling", "traveller", "cancelled", "modelling",
        "enrolment", "instalment", "skilful", "catalogue", "paediatric", "anaesthesia", "programme", "cheque",
        "enquiry", "enrol", "fulfil", "whilst", "amongst", "organization",
    ])
    func britishSpellingsAreAccepted(_ word: String) {
        #expect(checker.isCorrect(word))
    }

    /// Ordinary typos of British words are found.
    @Test(arguments: ["securty", "insurence", "socal", "abraod", "fourm", "wil", "stil", "organisaton", "colur", "centere"])
    func misspellingsAreFound(_ word: String) {
        #expect(!checker.isCorrect(word))
    }

    @Test func firstSuggestionsAreSensible() {
        #expect(checker.suggestions(for: "securty").first == "security")
        #expect(checker.suggestions(for: "socal").first == "social")
        #expect(checker.suggestions(for: "abraod").first == "abroad")
        #expect(checker.suggestions(for: "insurence").contains("insurance"))
    }

    @Test func dictionaryIsUTF8() {
        #expect(checker.dictionaryEncoding == "UTF-8")
        #expect(checker.language == "en")
    }
}
