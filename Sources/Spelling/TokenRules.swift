/// How a token from prose is cleaned before checking, and which tokens are not words to check.
enum TokenRules {
    /// A token cleaned for checking.
    struct Prepared: Sendable {
        /// NFC, apostrophes straight ('), hyphens plain (-), without surrounding punctuation: what is checked.
        var word: String
        /// The same with the apostrophes as written: suggestions are given back in the writer's style.
        var styled: String
        /// The token ended with a period ("etc.", "art.", "réf."): hunspell knows some abbreviations only with it.
        var hadTrailingPeriod: Bool
    }

    /// Apostrophes treated as ': typographic ’ (U+2019), modifier letter ʼ (U+02BC), prime-like ‘ (U+2018).
    static let apostrophes: Set<Unicode.Scalar> = ["\u{2019}", "\u{02BC}", "\u{2018}"]
    /// Hyphens treated as -: hyphen (U+2010), non-breaking hyphen (U+2011).
    static let hyphens: Set<Unicode.Scalar> = ["\u{2010}", "\u{2011}"]
    /// Invisible characters dropped: soft hyphen, zero-width space/joiners, word joiner, BOM.
    static let invisibles: Set<Unicode.Scalar> = ["\u{00AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"]

    /// The text with every apostrophe written ' (as the checker compares words).
    static func straightened(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { apostrophes.contains($0) ? "'" : $0 }))
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic }
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.numericType != nil }

    /// Whether a scalar is a letter of the Latin script (the script of the French and English dictionaries).
    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard isLetter(scalar) else { return false }
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xBA, 0xC0...0x24F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF,
             0xAB30...0xAB6F, 0xFB00...0xFB06, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            return scalar.value != 0xD7 && scalar.value != 0xF7
        default:
            return false
        }
    }

    /// Cleans a token: nil when nothing is left to check (no letter or digit at all).
    static func prepare(_ token: String, normalize: (String) -> String) -> Prepared? {
        var scalars = String.UnicodeScalarView()
        for scalar in token.unicodeScalars where !invisibles.contains(scalar) {
            scalars.append(hyphens.contains(scalar) ? "-" : scalar)
        }
        var text = String(scalars)
        if text.unicodeScalars.contains(where: { $0.value >= 0x80 }) { text = normalize(text) }
        let all = Array(text.unicodeScalars)
        guard var first = all.firstIndex(where: { isLetter($0) || isDigit($0) }),
              var last = all.lastIndex(where: { isLetter($0) || isDigit($0) })
        else { return nil }
        // A parenthesis that opens or closes letters inside the word stays: "(open)SSH", "site(s)".
        let opened = all[first...last].filter { $0 == "(" }.count, closed = all[first...last].filter { $0 == ")" }.count
        if closed > opened, first > 0, all[first - 1] == "(" { first -= 1 }
        if opened > closed, last + 1 < all.count, all[last + 1] == ")" { last += 1 }
        let styled = String(String.UnicodeScalarView(all[first...last]))
        let word = String(String.UnicodeScalarView(all[first...last].map { apostrophes.contains($0) ? "'" : $0 }))
        let hadTrailingPeriod = last + 1 < all.count && all[last + 1] == "."
        return Prepared(word: word, styled: styled, hadTrailingPeriod: hadTrailingPeriod)
    }

    /// Tokens that `isCorrect` accepts without a dictionary: they are not words of the language.
    /// - no Latin letter (a quotation in Greek or Cyrillic, a lone symbol): not this dictionary's business;
    /// - a digit anywhere (2024, A1, S2, E 106 → "E106", 883/2004, 1er, COVID-19);
    /// - an e-mail address or handle (any "@"), a URL ("https://…", "www.…", "cleiss.fr", "ameli.fr/assure");
    /// - an acronym: at least two letters, all capitals (CFE, URSSAF, ÉTAT in a shouting heading, EU/EEA),
    ///   possibly with a plural s (NGOs) — the charter has its own rule for capitals;
    /// - a single letter ("annexe B", "M" of "M.");
    /// - a dotted abbreviation whose pieces are at most three letters (e.g., i.e., U.S., c.-à-d.), unless it is
    ///   inclusive writing (tou.te.s: checked by `SpellChecker`).
    static func isNotAWordToCheck(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        if !scalars.contains(where: isLatinLetter) { return true }
        if scalars.contains(where: isDigit) { return true }
        if scalars.contains("@") { return true }
        if looksLikeURL(word) { return true }
        let letters = scalars.filter(isLetter)
        if letters.count == 1 && scalars.count == 1 { return true }
        let lowercase = letters.filter { $0.properties.isLowercase }
        if letters.count >= 2 && lowercase.isEmpty { return true }
        if letters.count >= 3 && lowercase.count == 1 && scalars.last == "s" { return true }
        // Not inclusive writing with periods (tou.te.s), which `SpellChecker` checks as such.
        if scalars.contains("."), InclusiveWriting.masculineForms(of: word) == nil {
            let pieces = word.split(whereSeparator: { $0 == "." || $0 == "-" })
            if pieces.allSatisfy({ $0.unicodeScalars.count <= 3 }) { return true }
        }
        return false
    }

    static func looksLikeURL(_ word: String) -> Bool {
        let lower = word.lowercased()
        if lower.contains("://") || lower.hasPrefix("www.") || lower.hasPrefix("mailto:") { return true }
        // A bare domain name, possibly with a path: ASCII lowercase labels, a top-level domain of letters.
        guard word.unicodeScalars.allSatisfy({ $0.isASCII }) else { return false }
        let host = word.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let topLevel = labels.last, (2...24).contains(topLevel.count) else { return false }
        guard topLevel.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) else { return false }
        guard labels.first!.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
    }
}
