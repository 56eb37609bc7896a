import Foundation

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
/// except after an abbreviation or initials when the next word goes on with the sentence (see
/// `Abbreviation`), so that "M. Dupont", "art. 16" or "Jan. 5" do not cut a sentence. ICU's sentence
/// breaks cut after "M." too, so the same exception list would be needed on top of it; the rule is
/// kept here, in one place, and tested.
public enum Tokenizer {
    // The answers come from `ScalarTraits`' table; the `reference…` functions define them.

    @inline(__always) public static func isSpace(_ scalar: Unicode.Scalar) -> Bool { ScalarTraits.has(scalar, ScalarTraits.space) }
    @inline(__always) public static func isLetter(_ scalar: Unicode.Scalar) -> Bool { ScalarTraits.has(scalar, ScalarTraits.letter) }
    @inline(__always) public static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ScalarTraits.has(scalar, ScalarTraits.digit) }

    @inline(__always) public static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ScalarTraits.has(scalar, ScalarTraits.letter | ScalarTraits.digit) || scalar == ProseText.placeholder
    }

    static func referenceIsSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" }
        return scalar.properties.isWhitespace
    }

    static func referenceIsLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value | 0x20) >= 97 && (scalar.value | 0x20) <= 122 }
        return scalar.properties.isAlphabetic
    }

    static func referenceIsDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 48 && scalar.value <= 57 }
        return scalar.properties.numericType != nil
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

    /// Whether `range` holds at least one word (what `words(in:range:)` would find, without the list).
    static func containsWord(in scalars: [Unicode.Scalar], range span: TextSpan) -> Bool {
        var index = span.start
        while index < span.end {
            while index < span.end && isSpace(scalars[index]) { index += 1 }
            while index < span.end && !isSpace(scalars[index]) {
                if isWordCharacter(scalars[index]) { return true }
                index += 1
            }
        }
        return false
    }

    @inline(__always) static func isFinalPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar { case ".", "!", "?", "…": true; default: false }
    }

    /// Closing marks that may follow a sentence's final punctuation.
    @inline(__always) static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar { case "»", "\"", "”", "’", "'", ")", "]", "\u{00A0}", "\u{202F}": true; default: false }
    }

    @inline(__always) static func isClosingQuoteOrBracket(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar { case "»", "”", ")": true; default: false }
    }

    /// The sentences of a block of prose; each span is trimmed of surrounding spaces.
    public static func sentences(in scalars: [Unicode.Scalar]) -> [TextSpan] {
        var sentences: [TextSpan] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if isFinalPunctuation(scalar) {
                var end = index + 1
                while end < scalars.count && (isFinalPunctuation(scalars[end]) || isCloser(scalars[end])) { end += 1 }
                // A closing quote after a space still belongs to the sentence: « Bien. » Puis…
                var lookahead = end
                while lookahead < scalars.count && isSpace(scalars[lookahead]) { lookahead += 1 }
                if lookahead < scalars.count, isClosingQuoteOrBracket(scalars[lookahead]) { end = lookahead + 1 }
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
        if containsWord(in: scalars, range: trimmed) { sentences.append(trimmed) }
    }

    /// The longest abbreviation, in characters once decomposed: a word before a period with more characters than
    /// that and no period inside (which dotted initials have) is none, nor an equivalent spelling of one (decomposing
    /// never shortens a text, and the words compare as Strings, by canonical equivalence).
    static let longestAbbreviation = Abbreviation.kinds.keys.map(\.decomposedStringWithCanonicalMapping.unicodeScalars.count).max() ?? 0

    /// The kinds of the abbreviations written in Latin-1 once composed (all of them), each packed with `latin1Key`.
    static let latin1AbbreviationKinds: [UInt64: Abbreviation.Kind] = Dictionary(uniqueKeysWithValues: Abbreviation.kinds.compactMap { word, kind in
        let composed = word.precomposedStringWithCanonicalMapping.unicodeScalars
        return composed.allSatisfy { $0.value <= 0xFF } ? (latin1Key(Array(composed)[...]), kind) : nil
    })

    /// A short Latin-1 word in lowercase, packed with its length into one number: no String to make and hash.
    static func latin1Key(_ word: ArraySlice<Unicode.Scalar>) -> UInt64 {
        word.reduce(UInt64(word.count)) { key, scalar in key << 8 | UInt64(latin1Lowercase(scalar).value) }
    }

    /// `lowercased()` of a Latin-1 character: A–Z and À–Þ (but ×) move by 0x20, the others stay.
    static func latin1Lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        return value &- 0x41 < 26 || (value &- 0xC0 < 31 && value != 0xD7) ? Unicode.Scalar(UInt8(value + 0x20)) : scalar
    }

    /// What `Abbreviation.kind(of:)` says of a Latin-1 word, after its apostrophe. Latin-1 characters are composed
    /// already and lowercase one to one (keeping their letter class), and apart from the apostrophe none joins
    /// another into one Character: comparing packed scalars is comparing the Strings.
    static func latin1AbbreviationKind(_ word: ArraySlice<Unicode.Scalar>) -> Abbreviation.Kind? {
        if word.count <= longestAbbreviation, let kind = latin1AbbreviationKinds[latin1Key(word)] { return kind }
        return Abbreviation.isInitials(word) ? .ambiguous : nil
    }

    /// Whether the punctuation at `punctuation` (with its closers up to `after`) ends a sentence.
    static func isBoundary(_ scalars: [Unicode.Scalar], punctuation: Int, after: Int) -> Bool {
        if after >= scalars.count { return true }
        guard isSpace(scalars[after]) else { return false }
        var next = after
        while next < scalars.count && isSpace(scalars[next]) { next += 1 }
        if next >= scalars.count { return true }
        let first = scalars[next]
        let startsSentence: Bool
        switch first {
        case "«", "\"", "“", "(", "¿", "¡", ProseText.placeholder: startsSentence = true
        default: startsSentence = ScalarTraits.has(first, ScalarTraits.uppercase | ScalarTraits.numeric)
        }
        guard startsSentence else { return false }
        if scalars[punctuation] == "." {
            // The word the period closes: an abbreviation or initials may go on with the sentence (`Abbreviation`).
            var wordStart = punctuation
            var isLatin1 = true
            var hasInnerPeriod = false
            var lastApostrophe: Int?
            while wordStart > 0 && !isSpace(scalars[wordStart - 1]) && scalars[wordStart - 1] != "(" {
                wordStart -= 1
                if scalars[wordStart].value > 0xFF { isLatin1 = false }
                if scalars[wordStart] == "." { hasInnerPeriod = true }
                if lastApostrophe == nil && (scalars[wordStart] == "'" || scalars[wordStart] == "’") { lastApostrophe = wordStart }
            }
            let kind: Abbreviation.Kind?
            if isLatin1 {
                kind = latin1AbbreviationKind(scalars[(lastApostrophe.map { $0 + 1 } ?? wordStart)..<punctuation])
            } else {
                // Lowercasing never makes fewer characters, nor an apostrophe: the word after the last apostrophe
                // has at least this many characters, and a longer one without a period is no abbreviation.
                if punctuation - (lastApostrophe.map { $0 + 1 } ?? wordStart) > longestAbbreviation && !hasInnerPeriod { return true }
                var word = String(String.UnicodeScalarView(scalars[wordStart..<punctuation])).lowercased()
                // "l'art." is the abbreviation "art." after an elision.
                if let apostrophe = word.lastIndex(where: { $0 == "'" || $0 == "’" }) { word = String(word[word.index(after: apostrophe)...]) }
                kind = Abbreviation.kind(of: word)
            }
            if let kind { return !Abbreviation.continuesSentence(kind, scalars, next: next) }
        }
        return true
    }
}
