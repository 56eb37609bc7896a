/// Readability scores from the totals of a text.
///
/// Both formulas are textstat's `flesch_reading_ease`: textstat keeps per-language constants, and
/// its French ones (207, 1.015, 73.6) are exactly Kandel & Moles's (1958), so for the same totals
/// these functions give textstat's score in both languages. Like textstat, a text without words,
/// sentences or syllables scores 0 (the formulas would divide by zero or mean nothing).
public enum Readability {
    /// French: Kandel & Moles: 207 − 1.015 × words/sentence − 73.6 × syllables/word.
    public static func kandelMoles(words: Int, sentences: Int, syllables: Int) -> Double {
        formula(base: 207, perSentence: 1.015, perSyllable: 73.6, words: words, sentences: sentences, syllables: syllables)
    }

    /// English: Flesch reading ease: 206.835 − 1.015 × words/sentence − 84.6 × syllables/word.
    public static func fleschReadingEase(words: Int, sentences: Int, syllables: Int) -> Double {
        formula(base: 206.835, perSentence: 1.015, perSyllable: 84.6, words: words, sentences: sentences, syllables: syllables)
    }

    /// The score for a language code ("fr" → Kandel & Moles, anything else → Flesch).
    ///
    /// A regional code counts as its language: "fr_CA" and "fr-BE" are French.
    public static func score(language: String, words: Int, sentences: Int, syllables: Int) -> Double {
        let root = language.split(whereSeparator: { $0 == "_" || $0 == "-" }).first.map { $0.lowercased() }
        return root == "fr"
            ? kandelMoles(words: words, sentences: sentences, syllables: syllables)
            : fleschReadingEase(words: words, sentences: sentences, syllables: syllables)
    }

    private static func formula(base: Double, perSentence: Double, perSyllable: Double, words: Int, sentences: Int, syllables: Int) -> Double {
        guard words > 0, sentences > 0, syllables > 0 else { return 0 }
        return base - perSentence * (Double(words) / Double(sentences)) - perSyllable * (Double(syllables) / Double(words))
    }
}
