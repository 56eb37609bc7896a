/// What one checking thread remembers of the words it has met: their syllables and their spelling.
///
/// A site repeats the same few thousand words over thousands of pages; asking hunspell or libhyphen
/// (or their shared, locked caches) once per occurrence cost more than the rest of the checks together.
/// Each thread keeps its own caches (`CharterChecker.check(pages:)`, or its caller's `concurrentMap`
/// state), so the hot path takes no lock.
public struct WordCaches {
    /// Per language: the same token may be a word in one language and a typo in the other.
    private var languages: [String: LanguageWords] = [:]

    public init() {}

    struct LanguageWords {
        /// Token (as written, punctuation included) → its syllables and spelling.
        var facts = ScalarKeyTable<TokenFacts>()
    }

    /// Runs `body` with the caches of `language`, moved out and back so that they are never copied.
    mutating func with<T>(_ language: String, _ body: (inout LanguageWords) -> T) -> T {
        var words = languages.removeValue(forKey: language) ?? LanguageWords()
        defer { languages[language] = words }
        return body(&words)
    }
}
