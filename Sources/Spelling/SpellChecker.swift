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
/// 7. Letters in parentheses: accepted when the word with them and without them are both correct
///    ("site(s)", "salarié(e)s") or when every part is ("(open)SSH", "d'(open)SSH") — see `OptionalParts`.
/// 8. French inclusive writing (salarié·e·s, utilisateur·rice·s, lecteur⋅ice, employé•e•s, tou.te.s,
///    salarié-e-s): accepted when the masculine word is correct and the endings are feminine or plural
///    ones — see `InclusiveWriting`.
/// 9. Hyphenated (or slashed: "et/ou", "and/or") forms unknown as a whole: accepted if every part is
///    (French euphonic "t" included: "va-t-elle").
/// English is British and American by default (a word either en_GB or en_US knows: organisation and
/// organization, colour and color), or one of them, as the site chooses (`SpellingDictionary`).
///
/// Results are cached per token, so the thousands of pages of a site pay for each distinct token once.
public final class SpellChecker: @unchecked Sendable {
    enum Language: Sendable { case french, english }

    /// "fr" or "en".
    public let language: String
    let kind: Language
    /// One handle per dictionary: British and American English (en-GB-US) are two.
    let dictionaries: [HunspellDictionary]
    /// The first dictionary (its encoding is reported; hunspell's own suggestions in SuggestionQualityTests).
    var dictionary: HunspellDictionary { dictionaries[0] }
    /// The site's own words, as written and in lowercase.
    let extraWords: Set<String>
    /// The words learnt like a model ("pseudonymiser"): suggested too, in the form given.
    let wordsLearntLikeModels: [String]

    // The verdicts' cache: hunspell calls are made outside `cacheLock`. Two threads missing the same token
    // at once both compute it: harmless, the answers are the same. The cache is never emptied: a site has
    // tens of thousands of distinct tokens at most.
    private let cacheLock = NSLock()
    private var verdicts: [String: Bool] = [:]
    /// The suggestions' index and cache (SpellChecker+Suggestions.swift).
    let suggestionEngine = SuggestionEngine()

    static let elisions = ["jusqu'", "lorsqu'", "puisqu'", "quoiqu'", "qu'", "l'", "d'", "n'", "j'", "s'", "c'", "m'", "t'"]

    /// language: "fr" or "en". extraWords: the site's own terms (Cleiss, Urssaf, Unesco…), accepted as written and in lowercase.
    /// wordsLikeModels: words hunspell learns with the endings of a model word it knows ("pseudonymiser" like
    /// "anonymiser": every conjugated form is then accepted). dictionary: the variant (nil: the language's standard one).
    /// Throws a SpellingError with a readable message naming the missing dictionary file and the Debian package to install.
    public init(language: String, extraWords: [String] = [], wordsLikeModels: [(word: String, model: String)] = [],
                dictionary choice: SpellingDictionary? = nil, dictionaryFolder: String = "/usr/share/hunspell") throws {
        let code = String(language.lowercased().prefix { $0.isLetter })
        guard let variant = choice ?? SpellingDictionary.standard(for: code), variant.language == code else {
            throw SpellingError(.unsupportedLanguage, "No spelling dictionary for the language \"\(language)\": the site checks \"fr\" and \"en\".")
        }
        kind = code == "fr" ? .french : .english
        self.language = code
        let folder = dictionaryFolder.hasSuffix("/") && dictionaryFolder.count > 1 ? String(dictionaryFolder.dropLast()) : dictionaryFolder
        let files = try variant.parts.map { try $0.files(in: folder, askedFor: variant) }
        var extras = Set<String>()
        var addedToHunspell: [String] = []
        for entry in extraWords {
            let cleaned = entry.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
            guard !cleaned.isEmpty else { continue }
            let straight = TokenRules.straightened(cleaned)
            extras.insert(straight)
            extras.insert(straight.lowercased())
            // hunspell learns each word too, so that it can suggest it ("Cleis" → "Cleiss").
            addedToHunspell += straight.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        }
        self.extraWords = extras
        let models = wordsLikeModels.map { (TokenRules.straightened($0.word), TokenRules.straightened($0.model)) }
        wordsLearntLikeModels = models.map(\.0)
        dictionaries = try files.map { try HunspellDictionary(affixPath: $0.affix, dictionaryPath: $0.dictionary, addedWords: addedToHunspell, wordsLikeModels: models) }
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
        dictionaries.contains { dictionary in
            let unrepresentable = dictionary.encoding.unrepresentableScalars(in: word)
            if !unrepresentable.isEmpty { return !unrepresentable.contains(where: TokenRules.isLatinLetter) }
            return dictionary.spell(word)
        }
    }

    func isKnown(_ word: String) -> Bool {
        extraWords.contains(word) || hunspellKnows(word)
    }

    func check(_ word: String, depth: Int) -> Bool {
        if TokenRules.isNotAWordToCheck(word) || isKnown(word) { return true }
        guard depth < 6 else { return false }
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
        if let forms = OptionalParts.forms(of: word) {
            // "site(s)", "salarié(e)s": the word with and without the optional letters; "(open)SSH": each part.
            if !forms.without.isEmpty && check(forms.with, depth: depth + 1) && check(forms.without, depth: depth + 1) { return true }
            if forms.parts.allSatisfy({ check($0, depth: depth + 1) }) { return true }
            return false
        }
        if kind == .french {
            if let dotted = InclusiveWriting.withMiddleDots(word), isKnown(dotted) { return true }
            if let masculine = InclusiveWriting.masculineForms(of: word), masculine.contains(where: { check($0, depth: depth + 1) }) { return true }
        }
        for separator: Character in ["-", "/"] where word.contains(separator) {
            let parts = word.split(separator: separator).map(String.init)
            if parts.count > 1 && parts.allSatisfy({ part in
                (kind == .french && part == "t") || check(part, depth: depth + 1)
            }) {
                return true
            }
        }
        return false
    }

    /// The word without its French elided prefix, with either apostrophe ("l'Urssaf", "qu’Ansible" → "Urssaf",
    /// "Ansible"), nil when it has none.
    public static func withoutElision(_ word: String) -> String? {
        let lower = TokenRules.straightened(word.lowercased())
        for prefix in elisions where lower.hasPrefix(prefix) && lower.count > prefix.count {
            return String(word.dropFirst(prefix.count))
        }
        return nil
    }
}
