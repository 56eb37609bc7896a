import Foundation

/// Whether an acronym is written out where it is used: in the forms "long form (ACR)" and "ACR (long form)",
/// or anywhere in its sentence as words whose initials spell it — before it ("l'infirmier diplômé d'État
/// « IDE »", "cross-site request forgery ou CSRF", "Article 29 Working Party (Art. 29 WP)") or just after it
/// ("CSRF, or cross-site request forgery"; "IDE (« infirmier diplômé d'État »)").
///
/// Initials are compared without case or accents; small words may be skipped ("Caisse des Français de
/// l'étranger" spells CFE), an elision is dropped ("d'État" gives E), a hyphenated word gives its first
/// letter or the first letter of each part ("cross-site" gives C or CS), and a number gives its digits
/// ("Password-Based Key Derivation Function 2" spells PBKDF2).
enum AcronymExpansions {
    static let smallWords: Set<String> = [
        "de", "des", "du", "la", "le", "les", "et", "à", "a", "au", "aux", "en", "sur", "pour", "par",
        "of", "the", "and", "for", "to", "in", "on",
    ]

    /// How many words after the acronym its expansion may start: "CSRF, or cross-site…", "IDE, c'est-à-dire l'infirmier…".
    static let wordsBeforeAnExpansionAfter = 4

    /// How far from the acronym, in words, its expansion is looked for in the sentence.
    static let wordsAround = 40

    /// How far before a two-letter acronym its expansion may end.
    static let wordsBetweenAShortExpansionAndItsAcronym = 3

    /// What a word gives to an acronym's letters.
    struct Initials {
        var isSmall = false
        /// The letters (folded to capitals without accents) or digits it may stand for.
        var options: [[Unicode.Scalar]] = []
    }

    /// `initials` holds `initials(of:scalars:)` of every word of the block.
    static func isExpanded(_ token: CapitalToken, words: [TextSpan], initials: [Initials], sentence: Range<Int>, scalars: [Unicode.Scalar]) -> Bool {
        let letters = letters(of: token.text)
        return isInParenthesesForm(letters, wordIndex: token.wordIndex, words: words, initials: initials, scalars: scalars)
            || isSpelledOut(letters, wordIndex: token.wordIndex, initials: initials, sentence: sentence)
    }

    /// "Long form (ACR)" — the acronym alone in parentheses after words — or "ACR (long form)", two words at least,
    /// the first not a number.
    /// Any words: English pages explain French acronyms in English ("the CPAM (local health insurance fund)"). But
    /// capitalised words before "(ACR)" are a name ("Karen Webb (CEO)", "Mme GARNIER (DRH)": the parenthesis gives a role) unless one of
    /// them starts with the acronym's first letter ("Open Database License (ODbL)"); one word alone is a meaning only
    /// when it does ("particles (PM10)").
    /// Read from the block's words around the acronym only, so that a block of thousands of acronyms stays fast.
    static func isInParenthesesForm(_ acronym: [Unicode.Scalar], wordIndex: Int, words: [TextSpan], initials: [Initials],
                                    scalars: [Unicode.Scalar]) -> Bool {
        let span = words[wordIndex]
        if scalars[span.start] == "(" {
            var end = span.end
            while end > span.start && ",;:.".unicodeScalars.contains(scalars[end - 1]) { end -= 1 }
            guard scalars[end - 1] == ")", wordIndex >= 1, let firstLetter = acronym.first else { return false }
            let startsWithFirstLetter = { (word: Int) in initials[word].options.contains { $0.first == firstLetter } }
            var nameStart = wordIndex
            while nameStart > 0, isCapitalised(words[nameStart - 1], scalars) { nameStart -= 1 }
            if nameStart < wordIndex { return (nameStart..<wordIndex).contains(where: startsWithFirstLetter) }
            return wordIndex >= 2 || startsWithFirstLetter(0)
        }
        var index = span.end
        while index < scalars.count && Tokenizer.isSpace(scalars[index]) { index += 1 }
        guard index < scalars.count, scalars[index] == "(", wordIndex + 2 < words.count else { return false }
        // A number in the parenthesis says what the code holds, not what the letters stand for: "SIREN (9 chiffres)".
        if index + 1 < scalars.count, Tokenizer.isDigit(scalars[index + 1]) { return false }
        // The first two words after the parenthesis are inside it: no ")" up to the start of the second one.
        return !scalars[index..<words[wordIndex + 2].start].contains(")")
    }

    /// A word of a name: a capital first, then letters ("Webb", "NonVisual", "l'Assurance", "Mme", a surname "GARNIER").
    static func isCapitalised(_ span: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
        var word = NotAcronyms.core(span, scalars)
        if let apostrophe = word.prefix(3).firstIndex(where: Capitals.isApostrophe) { word = word[(apostrophe + 1)...] }
        guard let first = word.first, Capitals.isUppercase(first) else { return false }
        return word.allSatisfy { Tokenizer.isLetter($0) || $0 == "-" }
    }

    /// Separators between a term and its definition: "PACS : pacte civil de solidarité", "SIRET – système…", "NIR = numéro…".
    static let definitionSeparators: Set<Unicode.Scalar> = [":", "–", "—", "="]

    /// An acronym that opens a list item, a table cell or a paragraph, followed by a separator and words, is being
    /// defined there, whether or not the initials of the definition match (they often skip letters: "pacte civil de
    /// solidarité" for PACS). A heading ("RGPD : vos droits") is a title, not a definition.
    static func isDefinition(_ token: CapitalToken, words: [TextSpan], scalars: [Unicode.Scalar], kind: ProseBlockKind) -> Bool {
        if case .heading = kind { return false }
        guard token.wordIndex == 0, words.count > 1 else { return false }
        var index = words[0].start
        while index < scalars.count && !Capitals.isLetterOrDigit(scalars[index]) { index += 1 }
        while index < scalars.count && (Capitals.isLetterOrDigit(scalars[index]) || scalars[index] == "-") { index += 1 }
        while index < scalars.count && (Tokenizer.isSpace(scalars[index]) || scalars[index] == "*" || scalars[index] == "_") { index += 1 }
        guard index < scalars.count, definitionSeparators.contains(scalars[index]) else { return false }
        return scalars[(index + 1)...].prefix { !Tokenizer.isFinalPunctuation($0) }.contains(where: Tokenizer.isLetter)
    }

    /// Whether words of the sentence, consecutive, spell `acronym`: ending before it, or starting just after it.
    /// Only words near the acronym are tried, so that a sentence of thousands of words (a table cell without
    /// punctuation) costs no more than a normal one: an expansion has one word per letter and a few small words.
    static func isSpelledOut(_ acronym: [Unicode.Scalar], wordIndex: Int, initials: [Initials], sentence: Range<Int>) -> Bool {
        guard acronym.count >= 2 else { return false }
        // Two initials match by chance somewhere in a long sentence: an expansion of a two-letter acronym must end
        // near it ("Article 29 Working Party (Art. 29 WP)").
        let farthestEnd = acronym.count > 2 ? wordsAround : wordsBetweenAShortExpansionAndItsAcronym
        for start in max(sentence.lowerBound, wordIndex - wordsAround)..<wordIndex {
            if let end = spelledOutEnd(acronym, initials[start..<wordIndex]), wordIndex - end <= farthestEnd { return true }
        }
        let end = min(sentence.upperBound, wordIndex + 1 + wordsAround)
        for start in (wordIndex + 1)..<min(wordIndex + 1 + wordsBeforeAnExpansionAfter, end) where spelledOutEnd(acronym, initials[start..<end]) != nil {
            return true
        }
        return false
    }

    /// The index of the word that completes `acronym` when the first words of `words` spell all of it, each word
    /// giving one of its options or, for a small word, nothing; nil when they do not. The positions reached in
    /// the acronym are carried from word to word.
    static func spelledOutEnd(_ acronym: [Unicode.Scalar], _ words: ArraySlice<Initials>) -> Int? {
        // An expansion starts with a word that counts and gives the first letters: most starts fail here, at no cost.
        guard let first = words.first, !first.isSmall, first.options.contains(where: { acronym.starts(with: $0) }) else { return nil }
        var reached: Set<Int> = [0]
        for (index, word) in zip(words.indices, words) {
            var next = Set<Int>()
            for position in reached {
                if word.isSmall { next.insert(position) }
                for option in word.options where acronym[position...].starts(with: option) { next.insert(position + option.count) }
            }
            if next.contains(acronym.count) { return index }
            if next.isEmpty { return nil }
            reached = next
        }
        return nil
    }

    /// The letters and digits of an acronym, folded: "SHA-256" → SHA256.
    static func letters(of acronym: String) -> [Unicode.Scalar] {
        acronym.unicodeScalars.filter(Capitals.isLetterOrDigit).map(folded)
    }

    /// What a word of the sentence may give: "(l'infirmier" → I, "cross-site" → C or CS, "256" → 256; "de" is small.
    static func initials(of span: TextSpan, scalars: [Unicode.Scalar]) -> Initials {
        var start = span.start, end = span.end
        while start < end && !Capitals.isLetterOrDigit(scalars[start]) { start += 1 }
        while end > start && !Capitals.isLetterOrDigit(scalars[end - 1]) { end -= 1 }
        guard start < end else { return Initials() }
        if Tokenizer.isDigit(scalars[start]) {
            return Initials(options: [Array(scalars[start..<end].prefix(while: Tokenizer.isDigit))])
        }
        // An elision ("l'", "d'", "qu'") gives nothing: the word after it does.
        if let apostrophe = scalars[start..<min(end, start + 7)].firstIndex(where: Capitals.isApostrophe), apostrophe + 1 < end,
           scalars[start..<apostrophe].allSatisfy(Tokenizer.isLetter) {
            start = apostrophe + 1
        }
        let word = Capitals.string(scalars[start..<end]).lowercased()
        var initials = Initials(isSmall: smallWords.contains(word), options: [[folded(scalars[start])]])
        let parts = scalars[start..<end].split(separator: "-").filter { !$0.isEmpty }
        if parts.count > 1 { initials.options.append(parts.map { folded($0[$0.startIndex]) }) }
        return initials
    }

    /// A letter in capitals without its accent ("é" → E), a digit as it is.
    static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII { return scalar.value &- 97 < 26 ? Unicode.Scalar(UInt8(scalar.value - 32)) : scalar }
        let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? scalar
        return base.properties.uppercaseMapping.unicodeScalars.first ?? base
    }
}
