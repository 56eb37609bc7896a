import Foundation
import Syllables
import Testing

/// Words whose count is known. Each expected figure is pyphen's (checked with pyphen 0.18.1) and
/// so textstat's for French; for English, textstat may say otherwise when CMUdict knows the word.
@Suite struct KnownWordsTests {
    @Test(arguments: [
        ("sécurité", 4), ("SÉCURITÉ", 4), ("administration", 5), ("maladie", 3), ("assurance", 3),
        // Apostrophes and hyphens are removed, as textstat does, before hyphenating: "lassurance", "royaumeuni".
        ("l'assurance", 3), ("l’assurance", 3), ("aujourd'hui", 3), ("Royaume-Uni", 3),
        // French mute e: the patterns never cut before a final mute syllable, so "table" is 1 and "retraite" 2.
        ("table", 1), ("retraite", 2), ("caisse", 1),
        // Patterns find hyphenation points, not sounds: "pays" and "travailleur" are undercounted.
        ("pays", 1), ("travailleur", 2),
        ("a", 1), ("où", 1),
    ])
    func french(_ word: String, _ expected: Int) {
        #expect(Counters.french.syllables(in: word) == expected, "\(word)")
    }

    @Test(arguments: [
        // read-abil-i-ty: 4 by the patterns (textstat says 5, from CMUdict).
        ("readability", 4), ("security", 4), ("insurance", 3), ("employer", 3), ("pension", 2),
        // on-ly: pyphen's right minimum of 2, not the 3 that hyph_en_US.dic asks for.
        ("only", 2),
        // Contraction apostrophes stay (textstat keeps them) and are patterns' plain characters, as in pyphen.
        ("don't", 1), ("they're", 1), ("worker's", 2), ("self-employed", 3),
        ("a", 1), ("I", 1),
    ])
    func english(_ word: String, _ expected: Int) {
        #expect(Counters.english.syllables(in: word) == expected, "\(word)")
    }

    @Test func noLetterNoSyllable() {
        for counter in [Counters.french, Counters.english] {
            #expect(counter.syllables(in: "") == 0)
            #expect(counter.syllables(in: "183") == 0)
            #expect(counter.syllables(in: "2024") == 0)
            #expect(counter.syllables(in: "—") == 0)
            #expect(counter.syllables(in: "'") == 0)
        }
    }

    /// Not words, but the checker may be handed them: no crash, a plausible figure.
    @Test func oddTokens() {
        let long = String(repeating: "administration", count: 400)
        #expect(Counters.french.syllables(in: long) >= 400 * 4)
        #expect(Counters.english.syllables(in: "A1") == 1)
        // White space inside splits, as textstat would: each part counts.
        #expect(Counters.french.syllables(in: "sécurité sociale") == 4 + 2)
    }

    @Test func aDecomposedAccentCountsLikeAComposedOne() {
        #expect(Counters.french.syllables(in: "se\u{301}curite\u{301}") == 4)
    }

    @Test func missingDictionaryIsAReadableError() {
        #expect {
            _ = try SyllableCounter(language: "fr", dictionaryFolder: "/nonexistent/hyphen")
        } throws: { error in
            guard let error = error as? SyllableError else { return false }
            return error.message.contains("/nonexistent/hyphen/hyph_fr.dic") && error.message.contains("hyphen-fr")
        }
        #expect(throws: SyllableError.self) { _ = try SyllableCounter(language: "xx") }
    }

    @Test func regionalCodesUseTheLanguageDictionary() throws {
        #expect(try SyllableCounter(language: "en_US").dictionaryPath.hasSuffix("hyph_en_US.dic"))
        #expect(try SyllableCounter(language: "en-GB").dictionaryPath.hasSuffix("hyph_en_US.dic"))
        #expect(try SyllableCounter(language: "fr_CA").dictionaryPath.hasSuffix("hyph_fr.dic"))
    }
}
