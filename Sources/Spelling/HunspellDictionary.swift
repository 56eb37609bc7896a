import CHunspell
import Foundation

/// One hunspell handle, used by one thread at a time.
///
/// A hunspell handle is not thread-safe (`Hunspell_spell` and above all `Hunspell_suggest` use buffers
/// inside the handle), so every call takes `lock`. Why one handle behind a lock rather than a pool:
/// - spell checks are cheap (~15 µs, measured here) and `SpellChecker` caches them per token, so after the
///   first pages the handle is hardly ever called: a second handle (~0.1 s to load, ~12 MB for French)
///   would buy nothing;
/// - hunspell's own suggestions (`suggest`) are no longer used by the checks, which look words up in a
///   prebuilt index instead (`SuggestionEngine`); they are kept to compare the two (SuggestionQualityTests).
///   They are slow (~120 ms for a French word) and running several at once is self-defeating:
///   hunspell stops looking for suggestions after a time limit measured with `clock()`, the CPU time of the
///   whole process, so parallel suggestions eat each other's budget and come back shorter (seen in the
///   tests with a pool of two handles: "socaile" gave ["sociale"] instead of ["sociale", "soc aile", …]).
///   `suggestionLock`, shared by every dictionary of the process, runs one suggestion at a time.
///   Other work in the process still counts against that budget: under heavy load the list may be cut
///   short (its first entries come from hunspell's first, fast passes and are the stable ones).
final class HunspellDictionary: @unchecked Sendable {
    let encoding: DictionaryEncoding
    /// The files it was loaded from: the suggestion index is made from them.
    let affixPath: String
    let dictionaryPath: String
    private let handle: OpaquePointer
    private let lock = NSLock()
    private static let suggestionLock = NSLock()

    init(affixPath: String, dictionaryPath: String, addedWords: [String], wordsLikeModels: [(word: String, model: String)] = []) throws {
        guard let handle = Hunspell_create(affixPath, dictionaryPath) else {
            throw SpellingError(.unreadableDictionary, "hunspell could not load \(affixPath) and \(dictionaryPath).")
        }
        let setName = String(cString: Hunspell_get_dic_encoding(handle))
        guard let encoding = DictionaryEncoding(setName: setName) else {
            Hunspell_destroy(handle)
            throw SpellingError(
                .unsupportedEncoding,
                "The dictionary \(affixPath) declares SET \(setName); the spelling module reads UTF-8, ISO8859-1 and ISO8859-15 only.")
        }
        self.handle = handle
        self.encoding = encoding
        self.affixPath = affixPath
        self.dictionaryPath = dictionaryPath
        // The site's words, so that suggestions can propose them ("Cleis" → "Cleiss").
        for word in addedWords {
            if let bytes = encoding.encode(word) { _ = Hunspell_add(handle, bytes) }
        }
        // Words of the shipped lexicon that take the endings of a model word ("pseudonymiser" like "anonymiser").
        for (word, model) in wordsLikeModels {
            guard let bytes = encoding.encode(word), let modelBytes = encoding.encode(model) else { continue }
            // A model this dictionary lacks (en_US has no "anonymise"): the word alone, without its endings.
            if Hunspell_add_with_affix(handle, bytes, modelBytes) != 0 { _ = Hunspell_add(handle, bytes) }
        }
    }

    deinit {
        // No call can be running: each one holds a reference to `self` until it returns.
        Hunspell_destroy(handle)
    }

    /// Whether hunspell knows the word; false when the word cannot be written in the dictionary's encoding.
    func spell(_ word: String) -> Bool {
        guard let bytes = encoding.encode(word) else { return false }
        lock.lock()
        defer { lock.unlock() }
        return Hunspell_spell(handle, bytes) != 0
    }

    /// hunspell's own suggestions, best first. Not used by the checks (see `SuggestionEngine`): kept to
    /// compare the index's suggestions with hunspell's (SuggestionQualityTests).
    func suggest(_ word: String) -> [String] {
        guard let bytes = encoding.encode(word) else { return [] }
        Self.suggestionLock.lock()
        defer { Self.suggestionLock.unlock() }
        lock.lock()
        defer { lock.unlock() }
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let count = Hunspell_suggest(handle, &list, bytes)
        defer { if list != nil { Hunspell_free_list(handle, &list, count) } }
        guard count > 0, let entries = list else { return [] }
        return (0..<Int(count)).compactMap { index in entries[index].map { encoding.decode($0) } }
    }
}
