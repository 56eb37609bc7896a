import Foundation

/// The "did you mean" of an unknown word: from the dictionary's prebuilt index of word forms
/// (`SuggestionIndex`, cached on disk by `SuggestionIndexStore`) and the site's words, not from hunspell's
/// own search, which takes ~0.1 s a word and is cut by a CPU-time budget (so varies with the load).
/// hunspell still judges: a suggestion is offered only if the checker accepts it.
final class SuggestionEngine: @unchecked Sendable {
    private let lock = NSLock()
    private var suggester: WordSuggester?
    private var failed = false
    /// Word (as written) → its full list, best first.
    private var lists: [String: [String]] = [:]

    static let listLength = 5

    /// The suggester, made (and the indexes read or built) on first use; nil when no index can be had.
    /// One index per dictionary: British and American English (en-GB-US) are two.
    func suggester(for dictionaries: [HunspellDictionary], siteWords: Set<String>) -> WordSuggester? {
        lock.lock()
        defer { lock.unlock() }
        if let suggester { return suggester }
        if failed { return nil }
        // Read or built side by side: building one takes a second or two, the first time.
        let results = Results(count: dictionaries.count)
        DispatchQueue.concurrentPerform(iterations: dictionaries.count) { number in
            let dictionary = dictionaries[number]
            results.set(number, Result { try LoadedIndexes.index(affixPath: dictionary.affixPath, dictionaryPath: dictionary.dictionaryPath) })
        }
        var indexes: [SuggestionIndex] = []
        for (dictionary, result) in zip(dictionaries, results.values) {
            do {
                let (index, outcome) = try result.get()
                if case .builtInMemory(let reason) = outcome {
                    FileHandle.standardError.write(Data("note: spelling suggestions: the word index of \(dictionary.dictionaryPath) is kept in memory only: \(reason).\n".utf8))
                }
                indexes.append(index)
            } catch {
                FileHandle.standardError.write(Data("note: spelling suggestions leave out \(dictionary.dictionaryPath): it could not be indexed (\(error)).\n".utf8))
            }
        }
        if indexes.isEmpty {
            failed = true
            return nil
        }
        suggester = WordSuggester(indexes: indexes, siteWords: siteWords)
        return suggester
    }

    /// One slot per dictionary, filled from several threads.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Result<(SuggestionIndex, SuggestionIndexStore.Outcome), Error>?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ number: Int, _ result: Result<(SuggestionIndex, SuggestionIndexStore.Outcome), Error>) { lock.withLock { slots[number] = result } }
        var values: [Result<(SuggestionIndex, SuggestionIndexStore.Outcome), Error>] { lock.withLock { slots.compactMap { $0 } } }
    }

    func cached(_ word: String) -> [String]? {
        lock.withLock { lists[word] }
    }

    func store(_ list: [String], for word: String) {
        lock.withLock { lists[word] = list }
    }
}

/// The indexes already read in this process, by dictionary files (path, size, modification time): the
/// checkers of a test run, or those `serve` makes again after a configuration change, share them instead
/// of each reading (or, the first time, building) its own; two asking at once wait for one build.
enum LoadedIndexes {
    typealias Loaded = Result<(SuggestionIndex, SuggestionIndexStore.Outcome), Error>

    final class Entry: @unchecked Sendable {
        let lock = NSLock()
        var loaded: Loaded?
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var entries: [String: Entry] = [:]

    static func index(affixPath: String, dictionaryPath: String) throws -> (SuggestionIndex, SuggestionIndexStore.Outcome) {
        let identity = [affixPath, dictionaryPath].map { path -> String in
            var status = stat()
            guard stat(path, &status) == 0 else { return path }
            return "\(path):\(status.st_size):\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
        }.joined(separator: "|")
        let entry = lock.withLock {
            if let entry = entries[identity] { return entry }
            let entry = Entry()
            entries[identity] = entry
            return entry
        }
        entry.lock.lock()
        defer { entry.lock.unlock() }
        if let loaded = entry.loaded {
            // Already said: how it was read or built.
            return try loaded.map { index, _ in (index, .read) }.get()
        }
        let loaded = Loaded { try SuggestionIndexStore.standard.index(affixPath: affixPath, dictionaryPath: dictionaryPath) }
        entry.loaded = loaded
        return try loaded.get()
    }
}

extension SpellChecker {
    /// Up to `limit` suggestions, best first. None for a correct word. Suggestions replace the word without
    /// the punctuation around it, with the apostrophe the writer used (' or ’). Each takes well under a
    /// millisecond once the index is loaded; the same on every run, from any thread. Lists are cached per word.
    public func suggestions(for word: String, limit: Int = 3) -> [String] {
        guard limit > 0, let prepared = prepare(word), !isCorrect(word) else { return [] }
        if let cached = suggestionEngine.cached(prepared.styled) { return Array(cached.prefix(limit)) }
        let list = computeSuggestions(prepared)
        suggestionEngine.store(list, for: prepared.styled)
        return Array(list.prefix(limit))
    }

    func computeSuggestions(_ prepared: TokenRules.Prepared) -> [String] {
        guard let suggester = suggestionEngine.suggester(for: dictionaries, siteWords: extraWords.union(wordsLearntLikeModels)) else { return [] }
        let word = prepared.word
        let accepts = { (candidate: String) in self.check(candidate, depth: 0) }
        func closest(_ text: String, twoEdits: Bool = true) -> [String] {
            suggester.suggestions(for: text, limit: SuggestionEngine.listLength, twoEdits: twoEdits, accepts: accepts)
        }
        var list: [String] = []
        // The index has no elided forms (l', d', qu'…): the rest is looked up and the elision put back.
        if kind == .french, let rest = Self.withoutElision(word) {
            let prefix = String(word.dropLast(rest.count))
            list = closest(rest).map { prefix + $0 }
        }
        let hyphenated = word.contains("-")
        if list.isEmpty { list = closest(word, twoEdits: !hyphenated) }
        if list.isEmpty, hyphenated {
            // One suggestion: each unknown part replaced by its best suggestion ("Reflechissez-y" → "Réfléchissez-y").
            var parts: [String] = []
            for part in word.split(separator: "-").map(String.init) {
                if check(part, depth: 1) {
                    parts.append(part)
                } else if let best = closest(part).first {
                    parts.append(best)
                } else {
                    parts = []
                    break
                }
            }
            if !parts.isEmpty { list = [parts.joined(separator: "-")] }
        }
        if list.isEmpty, hyphenated { list = closest(word) }
        // Give the writer's apostrophe back.
        let typographic = prepared.styled.unicodeScalars.contains("\u{2019}")
        let straight = prepared.styled.unicodeScalars.contains("'")
        var seen = Set<String>()
        var result: [String] = []
        for suggestion in list {
            var styled = suggestion
            if typographic && !straight {
                styled = styled.replacing("'", with: "\u{2019}")
            } else if straight && !typographic {
                styled = styled.replacing("\u{2019}", with: "'")
            }
            if styled != prepared.styled && seen.insert(styled).inserted { result.append(styled) }
        }
        return result
    }
}
