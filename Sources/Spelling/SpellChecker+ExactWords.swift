import Foundation

extension SpellChecker {
    /// Whether hunspell or the site's words hold the word exactly as written: none of `isCorrect`'s rules (no
    /// capital folded, no elision or compound split) and no cache. For probing many made-up candidates
    /// (`NearWords` in the charter), which would otherwise fill the verdict cache with words nobody wrote.
    /// A lowercase candidate passes only if a dictionary holds it in lowercase: a common word, not a name.
    public func knowsAsWritten(_ word: String) -> Bool {
        isKnown(TokenRules.straightened(word.precomposedStringWithCanonicalMapping))
    }
}
