import Testing
@testable import Charter

@Suite struct TokenizerTests {
    func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return Tokenizer.sentences(in: scalars).map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
    }

    @Test func abbreviationsAndNumbersDoNotEndSentences() {
        #expect(sentences("M. Dupont part au Canada. Il travaille selon l'art. 16 du règlement. Voir p. 12.") ==
                ["M. Dupont part au Canada.", "Il travaille selon l'art. 16 du règlement.", "Voir p. 12."])
        #expect(sentences("Le taux est de 2,5 % ou 3.5 points. Ensuite, etc. Fin.") == ["Le taux est de 2,5 % ou 3.5 points.", "Ensuite, etc.", "Fin."])
        #expect(sentences("Vous partez\u{00A0}? Oui\u{00A0}! « Bien. » Puis e.g. this one.") == ["Vous partez\u{00A0}?", "Oui\u{00A0}!", "« Bien. »", "Puis e.g. this one."])
        #expect(sentences("He said so… and left. Then J. Smith came.") == ["He said so… and left.", "Then J. Smith came."])
    }

    @Test func wordsAreTokensWithALetterOrDigit() {
        let scalars = Array("L'étranger – 883/2004 : « oui » \u{FFFC} fin".unicodeScalars)
        #expect(Tokenizer.words(in: scalars).count == 5)
    }
}
