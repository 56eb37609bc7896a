import Foundation

/// Spelling with hunspell and the site's own word list.
///
/// What `isCorrect` does with a token, in order (the first rule that accepts wins):
/// 1. Clean it: Unicode NFC, soft hyphens and zero-width characters dropped, ’ ʼ ‘ read as ', non-breaking
///    hyphens as -, punctuation around it removed ("(l’étranger)," → l'étranger).
/// 2. Accept tokens that are not words of the language (see `TokenRules.isNotAWordToCheck`): numbers and
///    anything with a digit (A1, S2, 883/2004), acronyms in capitals (CFE, URSSAF), URLs, e-mail addresses,
///    single letters, short dotted abbreviations (e.g., c.-à-d.), words in another script than Latin.
///    The charter checker does not send most of them, but a checker must not flag them if it does.
/// 3. Accept the site's own words (`extraWords`), as written or in lowercase.
/// 4. Ask hunspell about the whole token. The French dictionary knows elided and hyphenated forms itself
///    ("l'étranger", "jusqu'à", "aujourd'hui", "peut-être", "Royaume-Uni", "a-t-il") with either apostrophe;
///    hunspell also accepts a capitalised form of a lowercase word. "réf." is tried with its period.
/// 5. A capitalised word (a sentence start): the word with its first letter in lowercase.
/// 6. French: an elided prefix (l' d' n' qu' j' s' c' m' t' jusqu' lorsqu' puisqu' quoiqu') is removed and
///    the rest checked, so that "l'OCDE", "d'A1" and, with a site word, "l’Cleiss" pass.
///    English: a possessive 's is removed ("Cleiss's"); a plural possessive's final ' is punctuation.
/// 7. Hyphenated (or slashed: "et/ou", "and/or") forms unknown as a whole: accepted if every part is
///    (French euphonic "t" included: "va-t-elle").
/// 8. English: British spellings (organisation, colour, centre, licence, travelled…) — see `BritishSpelling`.
///
/// Results are cached per token, so the thousands of pages of a site pay for each distinct token once.
public final class SpellChecker: @unchecked Sendable {
    enum Language: Sendable { case french, english }

    /// "fr" or "en".
    public let language: String
    let kind: Language
    let dictionary: HunspellDictionary
    /// The site's own words, as written and in lowercase.
    let extraWords: Set<String>

    // The verdicts' cache: hunspell calls are made outside `cacheLock`. Two threads missing the same token
    // at once both compute it: harmless, the answers are the same. The cache is never emptied: a site has
    // tens of thousands of distinct tokens at most.
    private let cacheLock = NSLock()
    private var verdicts: [String: Bool] = [:]
    /// The suggestions' index and cache (SpellChecker+Suggestions.swift).
    let suggestionEngine = SuggestionEngine()

    static let elisions = ["jusqu'", "lorsqu'", "puisqu'", "quoiqu'", "qu'", "l'", "d'", "n'", "j'", "s'", "c'", "m'", "t'"]

    /// language: "fr" or "en" (en_US). extraWords: the site's own terms (Cleiss, Urssaf, Unesco…), accepted as written and in lowercase.
    /// Throws a SpellingError with a readable message naming the missing dictionary file and the Debian package to install.
    public init(language: String, extraWords: [String] = [], dictionaryFolder: String = "/usr/share/hunspell") throws {
        let code = String(language.lowercased().prefix { $0.isLetter })
        let names: [String]
        let package: String
        let languageName: String
        switch code {
        case "fr":
            (kind, names, package, languageName) = (.french, ["fr_FR", "fr"], "hunspell-fr", "French")
        case "en":
            (kind, names, package, languageName) = (.english, ["en_US"], "hunspell-en-us", "English")
        default:
            throw SpellingError(.unsupportedLanguage, "No spelling dictionary for the language \"\(language)\": the site checks \"fr\" and \"en\".")
        }
        self.language = code
        let folder = dictionaryFolder.hasSuffix("/") && dictionaryFolder.count > 1 ? String(dictionaryFolder.dropLast()) : dictionaryFolder
        let files = FileManager.default
        let found = names.first { files.isReadableFile(atPath: "\(folder)/\($0).aff") && files.isReadableFile(atPath: "\(folder)/\($0).dic") }
        guard let name = found else {
            let first = names[0]
            let missing = files.isReadableFile(atPath: "\(folder)/\(first).aff") ? "\(folder)/\(first).dic" : "\(folder)/\(first).aff"
            let others = names.dropFirst().map { "\($0).aff/.dic" }
            let alternatives = others.isEmpty ? "" : " (nor \(others.joined(separator: ", ")))"
            var isFolder: ObjCBool = false
            let folderNote = files.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue ? "" : " The folder \(folder) does not exist."
            throw SpellingError(
                .missingDictionary,
                "Missing \(languageName) spelling dictionary: \(missing) not found\(alternatives).\(folderNote) "
                    + "Install the Debian package \(package) (apt-get install \(package)).")
        }
        var extras = Set<String>()
        var addedToHunspell: [String] = []
        for entry in extraWords {
            let cleaned = entry.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
            guard !cleaned.isEmpty else { continue }
            let straight = String(String.UnicodeScalarView(cleaned.unicodeScalars.map { TokenRules.apostrophes.contains($0) ? "'" : $0 }))
            extras.insert(straight)
            extras.insert(straight.lowercased())
            // hunspell learns each word too, so that it can suggest it ("Cleis" → "Cleiss").
            addedToHunspell += straight.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        }
        self.extraWords = extras
        dictionary = try HunspellDictionary(
            affixPath: "\(folder)/\(name).aff", dictionaryPath: "\(folder)/\(name).dic", addedWords: addedToHunspell)
    }

    /// The character set of the dictionary (the SET line of its .aff file): "UTF-8", "ISO8859-1"…
    public var dictionaryEncoding: String { dictionary.encoding.name }

    /// True when the word is correctly spelled. `word` is one token from prose: it may carry a French elision
    /// (l', d', n', qu', j', s', c', m', t', jusqu', lorsqu', puisqu' — with a straight ' or a typographic ’ apostrophe),
    /// be hyphenated (peut-être, vis-à-vis, sud-est, Royaume-Uni, porte-parole), have a capital at the start of a sentence.
    public func isCorrect(_ word: String) -> Bool {
        cacheLock.lock()
        let cached = verdicts[word]
        cacheLock.unlock()
        if let cached { return cached }
        let verdict = computeIsCorrect(word)
        cacheLock.lock()
        verdicts[word] = verdict
        cacheLock.unlock()
        return verdict
    }

    // MARK: - Checking

    func prepare(_ token: String) -> TokenRules.Prepared? {
        TokenRules.prepare(token) { $0.precomposedStringWithCanonicalMapping }
    }

    func computeIsCorrect(_ token: String) -> Bool {
        guard let prepared = prepare(token) else { return true }
        if check(prepared.word, depth: 0) { return true }
        if prepared.hadTrailingPeriod && hunspellKnows(prepared.word + ".") { return true }
        return false
    }

    /// Whether hunspell accepts the word. A word with characters the dictionary's encoding cannot hold
    /// (only possible with a one-byte dictionary, not with the UTF-8 ones installed here): misspelled if
    /// one of them is a Latin letter (ŵ in an ISO8859-1 dictionary: the dictionary cannot know the word),
    /// accepted otherwise (a letter of another script, a symbol: not this dictionary's business).
    func hunspellKnows(_ word: String) -> Bool {
        let unrepresentable = dictionary.encoding.unrepresentableScalars(in: word)
        if !unrepresentable.isEmpty { return !unrepresentable.contains(where: TokenRules.isLatinLetter) }
        return dictionary.spell(word)
    }

    func isKnown(_ word: String) -> Bool {
        extraWords.contains(word) || hunspellKnows(word)
    }

    func check(_ word: String, depth: Int) -> Bool {
        if TokenRules.isNotAWordToCheck(word) || isKnown(word) { return true }
        guard depth < 4 else { return false }
        if let first = word.first, first.isUppercase {
            let lowered = first.lowercased() + word.dropFirst()
            if lowered != word && check(lowered, depth: depth + 1) { return true }
        }
        switch kind {
        case .french:
            if let rest = Self.withoutElision(word), check(rest, depth: depth + 1) { return true }
        case .english:
            if word.count > 2 && word.hasSuffix("'s") && check(String(word.dropLast(2)), depth: depth + 1) { return true }
        }
        for separator: Character in ["-", "/"] where word.contains(separator) {
            let parts = word.split(separator: separator).map(String.init)
            if parts.count > 1 && parts.allSatisfy({ part in
                (kind == .french && part == "t") || check(part, depth: depth + 1)
            }) {
                return true
            }
        }
        if kind == .english && BritishSpelling.accepts(word, isKnown: isKnown) { return true }
        return false
    }

    /// The word without its French elided prefix ("l'Urssaf" → "Urssaf"), nil when it has none.
    static func withoutElision(_ word: String) -> String? {
        let lower = word.lowercased()
        for prefix in elisions where lower.hasPrefix(prefix) && lower.count > prefix.count {
            return String(word.dropFirst(prefix.count))
        }
        return nil
    }
}
