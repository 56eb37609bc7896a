import Foundation
import Syllables
import Testing

@Suite struct ReadabilityTests {
    /// English: with textstat's own totals, our Flesch reading ease is textstat's. textstat does not
    /// round unless told to (set_rounding_points), and make_reference.py does not tell it.
    @Test func englishMatchesTextstat() {
        let texts = Reference.shared.texts(in: "en")
        #expect(texts.count == 3)
        for text in texts {
            let ours = Readability.fleschReadingEase(words: text.words, sentences: text.sentences, syllables: text.syllables)
            print("[en] \(text.file): ours \(ours), textstat \(text.fleschReadingEase)")
            #expect(abs(ours - text.fleschReadingEase) < 0.1, "\(text.file)")
            #expect(Readability.score(language: "en", words: text.words, sentences: text.sentences, syllables: text.syllables) == ours)
        }
    }

    /// French: the charter uses Kandel & Moles (1958): 207 − 1.015 × words/sentence − 73.6 × syllables/word.
    /// textstat's flesch_reading_ease with set_lang("fr") uses its French constants, which are the same
    /// three numbers (base 207, 1.015 per word/sentence, 73.6 per syllable/word, against Flesch's
    /// 206.835 / 1.015 / 84.6): only the base and the syllable weight differ from the English formula,
    /// and textstat's French score *is* Kandel & Moles. So ours must equal textstat's too.
    @Test func frenchIsKandelMoles() {
        // By hand, for 217 words, 14 sentences, 369 syllables (fr-1-detachement.txt as textstat counts it):
        // 217 / 14 = 15.5 words a sentence, 1.015 × 15.5 = 15.7325;
        // 369 / 217 = 1.700460829… syllables a word, 73.6 × 1.700460829… = 125.153917050…;
        // 207 − 15.7325 − 125.153917050 = 66.113582949…
        let handComputed = 66.113582949
        #expect(abs(Readability.kandelMoles(words: 217, sentences: 14, syllables: 369) - handComputed) < 1e-6)
        // Flesch's English constants would give 206.835 − 15.7325 − 84.6 × 1.700460829… (= 143.858986175…)
        // = 47.243513825…: 19 points lower, which is why French pages need Kandel & Moles.
        #expect(abs(Readability.fleschReadingEase(words: 217, sentences: 14, syllables: 369) - 47.243513825) < 1e-6)

        let texts = Reference.shared.texts(in: "fr")
        #expect(texts.count == 3)
        #expect(texts.contains { $0.words == 217 && $0.sentences == 14 && $0.syllables == 369 })
        for text in texts {
            let ours = Readability.kandelMoles(words: text.words, sentences: text.sentences, syllables: text.syllables)
            print("[fr] \(text.file): ours \(ours), textstat \(text.fleschReadingEase)")
            #expect(abs(ours - text.fleschReadingEase) < 0.1, "\(text.file)")
            #expect(Readability.score(language: "fr", words: text.words, sentences: text.sentences, syllables: text.syllables) == ours)
        }
    }

    @Test func languageChoosesTheFormula() {
        let kandel = Readability.kandelMoles(words: 100, sentences: 5, syllables: 160)
        let flesch = Readability.fleschReadingEase(words: 100, sentences: 5, syllables: 160)
        #expect(abs(kandel - (207 - 1.015 * 20 - 73.6 * 1.6)) < 1e-9)
        #expect(abs(flesch - (206.835 - 1.015 * 20 - 84.6 * 1.6)) < 1e-9)
        #expect(Readability.score(language: "fr", words: 100, sentences: 5, syllables: 160) == kandel)
        #expect(Readability.score(language: "fr_CA", words: 100, sentences: 5, syllables: 160) == kandel)
        #expect(Readability.score(language: "en", words: 100, sentences: 5, syllables: 160) == flesch)
        #expect(Readability.score(language: "de", words: 100, sentences: 5, syllables: 160) == flesch)
    }

    /// Like textstat: no words, no sentences or no syllables give 0 rather than a division by zero.
    @Test func emptyTextScoresZero() {
        #expect(Readability.kandelMoles(words: 0, sentences: 0, syllables: 0) == 0)
        #expect(Readability.fleschReadingEase(words: 10, sentences: 0, syllables: 12) == 0)
        #expect(Readability.score(language: "en", words: 0, sentences: 1, syllables: 0) == 0)
    }
}
