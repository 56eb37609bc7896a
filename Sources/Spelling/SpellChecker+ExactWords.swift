import Foundation

extension SpellChecker {
    /// Whether hunspell or the site's words hold the word exactly as written: none of `isCorrect`'s rules (no
    /// capital folded, no elision or compound split) and no cache. For probing many made-up candidates
    /// (`NearWords` in the charter), which would otherwise fill the verdict cache with words nobody wrote.
    /// A lowercase candidate passes only if a dictionary holds it in lowercase: a common word, not a name.
    public func knowsAsWritten(_ word: String) -> Bool {
        isKnown(TokenRules.straightened(word.precomposedStringWithCanonicalMapping))
    }

    /// Whether the word is one slip (a letter left out, added or replaced, two neighbours swapped) from one of the
    /// site's own words (`words:` and the lexicon), case aside: "Cleis" for "Cleiss". The site lists its names
    /// there, so an unknown word this close to one is a misspelling of it, not another name. Words of fewer than
    /// `minimumLengthForSiteWordSlips` letters are not tested: "Cnam" and "Cnav" are two bodies.
    public func isOneSlipFromASiteWord(_ word: String) -> Bool {
        let letters = Array(TokenRules.straightened(word.precomposedStringWithCanonicalMapping).lowercased().unicodeScalars)
        guard letters.count >= Self.minimumLengthForSiteWordSlips else { return false }
        return extraWords.contains { entry in
            abs(entry.unicodeScalars.count - letters.count) <= 1 && Self.isOneEditApart(letters, Array(entry.lowercased().unicodeScalars))
        }
    }

    public static let minimumLengthForSiteWordSlips = 5

    /// Whether two different words are one edit apart: a letter added, left out or replaced, or two neighbours swapped.
    static func isOneEditApart(_ first: [Unicode.Scalar], _ second: [Unicode.Scalar]) -> Bool {
        guard first != second, abs(first.count - second.count) <= 1 else { return false }
        var prefix = 0
        while prefix < min(first.count, second.count) && first[prefix] == second[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(first.count, second.count) - prefix && first[first.count - 1 - suffix] == second[second.count - 1 - suffix] { suffix += 1 }
        // What is left between the common ends: one letter on one side or both (added, left out, replaced)…
        let leftFirst = first.count - prefix - suffix, leftSecond = second.count - prefix - suffix
        if leftFirst <= 1 && leftSecond <= 1 { return true }
        // …or two neighbours swapped.
        return leftFirst == 2 && leftSecond == 2 && first[prefix] == second[prefix + 1] && first[prefix + 1] == second[prefix]
    }
}
