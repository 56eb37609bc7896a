/// The words of a dictionary (and of the site) closest to an unknown word, best first.
///
/// Candidates: every word whose folded key (`WordFolding`) is at most one edit (a letter dropped, added,
/// replaced, or two swapped) from the unknown word's, so accents and case cost no edit, or two doubled
/// letters away (apeller → appeler); when there is none, two edits, the first a letter dropped or two
/// swapped, and two words run together ("eachother" → "each other").
/// Ranked by `SpellingDistance`, then alphabetically: the same list on every run, on any thread.
/// A lookup tries some 60 keys a letter and takes well under a millisecond (hunspell's own search: ~0.1 s).
struct WordSuggester: Sendable {
    /// One index per dictionary of the language (British and American English are two).
    let indexes: [SuggestionIndex]
    /// The letters the edits try: those of every index.
    let alphabet: [UInt32]
    /// The site's own words by folded key hash.
    let siteWords: [UInt64: [String]]

    /// One bit per value of a key hash's low `filterBits` bits, set for the keys of the index and of the site:
    /// most keys a lookup tries are no word, and this half-megabyte stays in the processor's cache, where
    /// the index's own tables (megabytes) would cost a memory read or two per key.
    let filter: [UInt64]
    static let filterBits = 22

    init(indexes: [SuggestionIndex], siteWords: some Sequence<String>) {
        self.indexes = indexes
        var alphabet: [UInt32] = []
        for index in indexes { alphabet += index.alphabet.filter { !alphabet.contains($0) } }
        self.alphabet = alphabet
        var filter = [UInt64](repeating: 0, count: (1 << Self.filterBits) / 64)
        func mark(_ hash: UInt64) {
            let bit = Int(truncatingIfNeeded: hash) & ((1 << Self.filterBits) - 1)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        for index in indexes {
            index.withReader { reader in (0..<reader.header.groupCount).forEach { mark(reader.hash(ofGroup: $0)) } }
        }
        var byKey: [UInt64: [String]] = [:]
        // `SpellChecker.extraWords` holds each word as written and in lowercase: "Cleiss" is suggested, not "cleiss".
        let byLowercase = Dictionary(grouping: Set(siteWords), by: { $0.lowercased() })
        for (lowercase, forms) in byLowercase {
            for word in forms where !word.contains(" ") && (word != lowercase || forms.count == 1) {
                byKey[WordFolding.hash(WordFolding.fold(word)), default: []].append(word)
            }
        }
        self.siteWords = byKey.mapValues { $0.sorted() }
        byKey.keys.forEach(mark)
        self.filter = filter
    }

    @inline(__always)
    func mayBeAKey(_ hash: UInt64) -> Bool {
        let bit = Int(truncatingIfNeeded: hash) & ((1 << Self.filterBits) - 1)
        return filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// Folded keys longer than this are not words (a URL, a run of letters): no lookup.
    static let longestKey = 40

    /// Candidates for `word`, best first, each accepted by `accepts` (hunspell, the judge), at most `limit`.
    /// `twoEdits`: look two edits away when one finds nothing — never for a word with a capital inside
    /// (GitLab, TypeScript, macOS): a name by its form, whose two-edit neighbours would be noise.
    func suggestions(for word: String, limit: Int, twoEdits: Bool = true, accepts: (String) -> Bool) -> [String] {
        let folded = WordFolding.fold(word)
        guard !folded.isEmpty, folded.count <= Self.longestKey else { return [] }
        var found = Set<String>()
        Self.withReaders(indexes[...]) { readers in
            // Groups are gathered first and read once: most probes of a lookup hit the same few groups.
            var groups = Set<GroupInIndex>()
            func probe(hash: UInt64) {
                guard mayBeAKey(hash) else { return }
                for (number, reader) in readers.enumerated() {
                    if let group = reader.group(of: hash) { groups.insert(GroupInIndex(index: number, group: group)) }
                }
                if !siteWords.isEmpty, let words = siteWords[hash] { found.formUnion(words) }
            }
            func probe(_ key: [UInt32]) { probe(hash: WordFolding.hash(key)) }
            func gather() {
                for entry in groups { found.formUnion(readers[entry.index].words(in: entry.group)) }
                groups.removeAll()
            }
            Self.edits(of: folded, alphabet: alphabet) { probe(hash: $0) }
            // Doubled letters are the commonest slip, often two at once (apeller → appeler): cheap to try.
            for variant in Self.doublingEdits(of: folded) {
                probe(variant)
                Self.doublingEdits(of: variant).forEach(probe)
            }
            gather()
            found.remove(word)
            if found.isEmpty && folded.count > 3 && twoEdits && !Self.hasInnerCapital(word) {
                for variant in Self.dropsAndSwaps(of: folded) { Self.edits(of: variant, alphabet: alphabet) { probe(hash: $0) } }
                gather()
                found.remove(word)
                found.formUnion(splits(folded, word: word, readers: readers))
            }
        }
        let written = SpellingDistance.units(word)
        let capitalised = word.unicodeScalars.first.map { $0.properties.isUppercase } == true
        let ranked = found.map { candidate -> (String, Double) in
            let shown = capitalised ? Self.capitalised(candidate) : candidate
            return (shown, SpellingDistance.distance(written, SpellingDistance.units(shown)))
        }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        var result: [String] = []
        for (candidate, _) in ranked where candidate != word {
            guard result.count < limit else { break }
            // "government", not also "Government": the first (closest) of the words that differ only in case.
            if result.contains(where: { $0.lowercased() == candidate.lowercased() }) { continue }
            if candidate.split(separator: " ").allSatisfy({ accepts(String($0)) }) { result.append(candidate) }
        }
        return result
    }

    /// The hashes of the key itself and of every key one edit away, each given to `probe` (some more than
    /// once). The variants are never written out: the hash state after each prefix of the key is kept,
    /// and each variant's hash goes on from the state of the prefix it shares with the key.
    static func edits(of key: [UInt32], alphabet: [UInt32], _ probe: (_ hash: UInt64) -> Void) {
        var prefixStates = [WordFolding.hashStart]
        prefixStates.reserveCapacity(key.count + 1)
        for unit in key { prefixStates.append(WordFolding.mixing(prefixStates.last!, unit)) }
        @inline(__always) func rest(_ state: UInt64, from position: Int) -> UInt64 {
            var state = state
            var index = position
            while index < key.count {
                state = WordFolding.mixing(state, key[index])
                index += 1
            }
            return WordFolding.finished(state)
        }
        probe(WordFolding.finished(prefixStates[key.count]))
        for position in key.indices {
            // Dropped.
            probe(rest(prefixStates[position], from: position + 1))
            // Replaced.
            for unit in alphabet where unit != key[position] {
                probe(rest(WordFolding.mixing(prefixStates[position], unit), from: position + 1))
            }
            // Swapped with the next one.
            if position + 1 < key.count && key[position] != key[position + 1] {
                let swapped = WordFolding.mixing(WordFolding.mixing(prefixStates[position], key[position + 1]), key[position])
                probe(rest(swapped, from: position + 2))
            }
        }
        // Added.
        for position in 0...key.count {
            for unit in alphabet {
                probe(rest(WordFolding.mixing(prefixStates[position], unit), from: position))
            }
        }
    }

    /// The key with one letter doubled, or one doubled letter made single (letters, not apostrophes or hyphens).
    static func doublingEdits(of key: [UInt32]) -> [[UInt32]] {
        var variants: [[UInt32]] = []
        for position in key.indices where key[position] != 0x27 && key[position] != 0x2D {
            var variant = key
            if position + 1 < key.count && key[position + 1] == key[position] {
                variant.remove(at: position)
            } else if position == 0 || key[position - 1] != key[position] {
                variant.insert(key[position], at: position)
            } else {
                continue
            }
            variants.append(variant)
        }
        return variants
    }

    /// The key with one unit dropped or two neighbours swapped: the first of two edits.
    static func dropsAndSwaps(of key: [UInt32]) -> [[UInt32]] {
        var variants: [[UInt32]] = []
        for position in key.indices {
            var dropped = key
            dropped.remove(at: position)
            variants.append(dropped)
            if position + 1 < key.count && key[position] != key[position + 1] {
                var swapped = key
                swapped.swapAt(position, position + 1)
                variants.append(swapped)
            }
        }
        return variants
    }

    struct GroupInIndex: Hashable {
        var index: Int
        var group: Int
    }

    /// Runs `body` with a reader of each index (nested once per index: one or two dictionaries).
    static func withReaders<T>(_ indexes: ArraySlice<SuggestionIndex>, _ readers: [SuggestionIndex.Reader] = [],
                               _ body: ([SuggestionIndex.Reader]) -> T) -> T {
        guard let first = indexes.first else { return body(readers) }
        return first.withReader { withReaders(indexes.dropFirst(), readers + [$0], body) }
    }

    /// Two known words run together, each of two letters at least, as "first second".
    func splits(_ folded: [UInt32], word: String, readers: [SuggestionIndex.Reader]) -> [String] {
        let scalars = Array(word.unicodeScalars)
        // Only when each scalar folds to one unit, so that a cut in the key is a cut in the word.
        guard scalars.count == folded.count, folded.count >= 4, !folded.contains(0x27), !folded.contains(0x2D) else { return [] }
        var result: [String] = []
        for cut in 2...(folded.count - 2) {
            let parts = [(folded[..<cut], scalars[..<cut]), (folded[cut...], scalars[cut...])]
            let words = parts.map { key, written -> String? in
                let hash = WordFolding.hash(key)
                let words = readers.flatMap { reader in reader.group(of: hash).map(reader.words) ?? [] }
                guard !words.isEmpty else { return nil }
                let text = String(String.UnicodeScalarView(written))
                let units = SpellingDistance.units(text)
                return words.min { (SpellingDistance.distance(units, SpellingDistance.units($0)), $0) < (SpellingDistance.distance(units, SpellingDistance.units($1)), $1) }
            }
            if let first = words[0], let second = words[1] { result.append("\(first) \(second)") }
        }
        return result
    }

    /// A capital after a lowercase letter: "GitLab", "macOS".
    static func hasInnerCapital(_ word: String) -> Bool {
        var previousIsLowercase = false
        for scalar in word.unicodeScalars {
            if scalar.properties.isUppercase && previousIsLowercase { return true }
            previousIsLowercase = scalar.properties.isLowercase
        }
        return false
    }

    /// The word with its first letter in capitals (a suggestion for a word at the start of a sentence).
    static func capitalised(_ word: String) -> String {
        guard let first = word.unicodeScalars.first, first.properties.isLowercase else { return word }
        return first.properties.uppercaseMapping + String(word.unicodeScalars.dropFirst())
    }
}
