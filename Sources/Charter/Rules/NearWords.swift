import Foundation

/// Whether an unknown word is one slip of the keyboard away from a common word: the test that tells a
/// misspelled word from a name in a Title Case heading ("Comunicating With Users"), where every word has a
/// capital and the capital says nothing.
///
/// A slip is one letter left out, added, replaced, or two neighbours swapped (Damerau's four edits, which
/// cover most typing errors); "common word" means a word the dictionaries hold in lowercase, so that a
/// name is never the word a name is taken to be a slip for. The candidates are checked with plain lookups
/// (~15 µs each, about 600 for a 10-letter English word, 1,000 for a French one: 10 to 35 ms a word): no
/// suggestion search, which costs ~0.1 s a word, only for the capitalised unknown words of Title Case headings,
/// and once per word and language in a run (`Verdicts`).
enum NearWords {
    /// The letters a slip may add or replace in a language: the English alphabet, and in French its accented letters.
    static func alphabet(for language: String) -> [Unicode.Scalar] {
        language == "fr" ? frenchAlphabet : englishAlphabet
    }

    static let englishAlphabet = Array("abcdefghijklmnopqrstuvwxyz".unicodeScalars)
    static let frenchAlphabet = englishAlphabet + Array("àâäçéèêëîïôöùûüÿœæ".unicodeScalars)

    /// The answers already worked out in a run, by language and word: the test is the same wherever the word stands.
    final class Verdicts: @unchecked Sendable {
        private let lock = NSLock()
        private var verdicts: [String: [String: Bool]] = [:]

        func verdict(language: String, word: String, compute: () -> Bool) -> Bool {
            if let known = lock.withLock({ verdicts[language]?[word] }) { return known }
            // Computed outside the lock: two threads may both work one out, with the same answer.
            let verdict = compute()
            lock.withLock { verdicts[language, default: [:]][word] = verdict }
            return verdict
        }
    }

    /// Words shorter than this are not tested: nearly every three-letter string is one edit from some word.
    static let minimumLength = 4

    /// True when the word in lowercase is one edit from a word `knows` accepts.
    static func isOneSlipFromACommonWord(_ word: String, alphabet: [Unicode.Scalar], knows: (String) -> Bool) -> Bool {
        let letters = Array(word.lowercased().unicodeScalars)
        guard letters.count >= minimumLength else { return false }
        func known(_ candidate: [Unicode.Scalar]) -> Bool { knows(String(String.UnicodeScalarView(candidate))) }
        // The cheap edits first: a letter left out of the dictionary word (the slip added it), swapped neighbours.
        for index in letters.indices {
            var candidate = letters
            candidate.remove(at: index)
            if known(candidate) { return true }
        }
        for index in letters.indices.dropLast() where letters[index] != letters[index + 1] {
            var candidate = letters
            candidate.swapAt(index, index + 1)
            if known(candidate) { return true }
        }
        for index in letters.indices {
            for letter in alphabet where letter != letters[index] {
                var candidate = letters
                candidate[index] = letter
                if known(candidate) { return true }
            }
        }
        for index in 0...letters.count {
            for letter in alphabet {
                var candidate = letters
                candidate.insert(letter, at: index)
                if known(candidate) { return true }
            }
        }
        return false
    }
}
