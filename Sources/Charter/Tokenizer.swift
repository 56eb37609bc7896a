/// A range of Unicode scalar indices in a `ProseText`.
public struct TextSpan: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var isEmpty: Bool { end <= start }
}

/// Words and sentences of prose, the way the charter counts them.
///
/// A word is a run of characters between spaces (normal, no-break or narrow no-break) holding a
/// letter, a digit or a code/URL placeholder: "l'étranger" and "883/2004" are one word each.
/// A sentence ends at `.`, `!`, `?` or `…` (with closing quotes or brackets after it) followed by a
/// space and a sentence start (a capital, a digit, an opening quote), or by the end of the text —
/// except after an abbreviation (M., art., p., n°, e.g.…), so that "M. Dupont" or "art. 16" do not
/// cut a sentence. ICU's sentence breaks cut after "M." too, so the same exception list would be
/// needed on top of it; the rule is kept here, in one place, and tested.
public enum Tokenizer {
    static let abbreviations: Set<String> = [
        "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "st", "ste", "art", "arts", "al", "p", "pp", "n°", "no", "nos",
        "cf", "env", "av", "bd", "fig", "chap", "vol", "éd", "ed", "tél", "tel", "ex", "mr", "mrs", "ms", "jr", "sr", "dept", "approx",
        "e.g", "i.e", "vs", "c.-à-d", "c.à.d", "etc.", "min", "max", "hab", "réf", "ref", "sq", "nb", "op", "cit", "ibid",
    ]
    /// Closing marks that may follow a sentence's final punctuation.
    static let closers: Set<Unicode.Scalar> = ["»", "\"", "”", "’", "'", ")", "]", "\u{00A0}", "\u{202F}"]

    // ASCII first: Unicode property lookups dominate the checker's time on plain text otherwise.

    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" }
        return scalar.properties.isWhitespace
    }

    public static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value | 0x20) >= 97 && (scalar.value | 0x20) <= 122 }
        return scalar.properties.isAlphabetic
    }

    public static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 48 && scalar.value <= 57 }
        return scalar.properties.numericType != nil
    }

    public static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || isDigit(scalar) || scalar == ProseText.placeholder
    }

    /// Whitespace-separated tokens of `range` that count as words.
    public static func words(in scalars: [Unicode.Scalar], range: TextSpan? = nil) -> [TextSpan] {
        let span = range ?? TextSpan(start: 0, end: scalars.count)
        var words: [TextSpan] = []
        var index = span.start
        while index < span.end {
            while index < span.end && isSpace(scalars[index]) { index += 1 }
            let start = index
            var hasWordCharacter = false
            while index < span.end && !isSpace(scalars[index]) {
                if isWordCharacter(scalars[index]) { hasWordCharacter = true }
                index += 1
            }
            if hasWordCharacter { words.append(TextSpan(start: start, end: index)) }
        }
        return words
    }

    /// The sentences of a block of prose; each span is trimmed of surrounding spaces.
    public static func sentences(in scalars: [Unicode.Scalar]) -> [TextSpan] {
        var sentences: [TextSpan] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if ".!?…".unicodeScalars.contains(scalar) {
                var end = index + 1
                while end < scalars.count && (".!?…".unicodeScalars.contains(scalars[end]) || closers.contains(scalars[end])) { end += 1 }
                // A closing quote after a space still belongs to the sentence: « Bien. » Puis…
                var lookahead = end
                while lookahead < scalars.count && isSpace(scalars[lookahead]) { lookahead += 1 }
                if lookahead < scalars.count && "»”)".unicodeScalars.contains(scalars[lookahead]) { end = lookahead + 1 }
                if isBoundary(scalars, punctuation: index, after: end) {
                    append(&sentences, scalars, TextSpan(start: start, end: end))
                    start = end
                    index = end
                    continue
                }
                index = end
                continue
            }
            index += 1
        }
        append(&sentences, scalars, TextSpan(start: start, end: scalars.count))
        return sentences
    }

    static func append(_ sentences: inout [TextSpan], _ scalars: [Unicode.Scalar], _ span: TextSpan) {
        var trimmed = span
        while trimmed.start < trimmed.end && isSpace(scalars[trimmed.start]) { trimmed.start += 1 }
        while trimmed.end > trimmed.start && isSpace(scalars[trimmed.end - 1]) { trimmed.end -= 1 }
        if !words(in: scalars, range: trimmed).isEmpty { sentences.append(trimmed) }
    }

    /// Whether the punctuation at `punctuation` (with its closers up to `after`) ends a sentence.
    static func isBoundary(_ scalars: [Unicode.Scalar], punctuation: Int, after: Int) -> Bool {
        if after >= scalars.count { return true }
        guard isSpace(scalars[after]) else { return false }
        var next = after
        while next < scalars.count && isSpace(scalars[next]) { next += 1 }
        if next >= scalars.count { return true }
        let first = scalars[next]
        let startsSentence = first.properties.isUppercase || first.properties.numericType != nil
            || "«\"“(¿¡".unicodeScalars.contains(first) || first == ProseText.placeholder
        guard startsSentence else { return false }
        if scalars[punctuation] == "." {
            // The word the period closes: an abbreviation or an initial does not end the sentence ("etc." may).
            var wordStart = punctuation
            while wordStart > 0 && !isSpace(scalars[wordStart - 1]) && scalars[wordStart - 1] != "(" { wordStart -= 1 }
            var word = String(String.UnicodeScalarView(scalars[wordStart..<punctuation])).lowercased()
            // "l'art." is the abbreviation "art." after an elision.
            if let apostrophe = word.lastIndex(where: { $0 == "'" || $0 == "’" }) { word = String(word[word.index(after: apostrophe)...]) }
            if word == "etc" { return true }
            if abbreviations.contains(word) { return false }
            if word.unicodeScalars.count == 1, let letter = word.unicodeScalars.first, letter.properties.isAlphabetic { return false }
        }
        return true
    }
}
