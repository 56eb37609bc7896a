import Spelling

/// A phrase with a plainer equivalent, or several when no single one fits every sentence ("carry out", "set up").
public struct PlainWord: Sendable, Hashable {
    public let phrase: String
    /// The plainer wordings, the most usual first.
    public let alternatives: [String]
    /// The phrase as the matcher compares it (lowercase, ’ as '), computed once.
    let folded: [Unicode.Scalar]

    public var suggestion: String { alternatives.first ?? "" }

    public init(phrase: String, suggestion: String) {
        self.init(phrase: phrase, alternatives: [suggestion])
    }

    public init(phrase: String, alternatives: [String]) {
        self.phrase = phrase
        self.alternatives = alternatives
        folded = phrase.unicodeScalars.map(TextMatching.fold)
    }
}

/// The thresholds and lists the rules use, after the profile and the site's configuration.
public struct CharterSettings: Sendable {
    public var profile: String
    public var severities: [RuleID: FindingSeverity?]
    public var sentenceWarning: Int
    public var sentenceError: Int
    public var paragraphMax: Int
    /// Language → lowest acceptable readability score.
    public var readabilityMin: [String: Double]
    /// Pages of fewer words get no readability finding: the score of a short page says little.
    public var readabilityMinWords = 100
    public var titleMax: Int
    public var descriptionMax: Int
    public var allCapsMin: Int
    /// Language → phrases, longest first.
    public var plainWords: [String: [PlainWord]]
    /// Language → acronym → its expansion; an empty expansion marks an acronym everybody knows.
    public var glossary: [String: [String: String]]
    /// Language → link texts that say nothing out of context.
    public var vagueLinkTexts: [String: Set<String>]
    /// The site's own words for spelling.
    public var words: [String]
    /// Language → the hunspell dictionary chosen in site.yml (`dictionaries:`); the language's standard one when absent.
    public var spellingDictionaries: [String: SpellingDictionary] = [:]
    /// Whether the lexicon shipped with the checker (`Resources/lexicon.*.txt`) is added to `words` (`lexicon: false` removes it).
    public var usesLexicon = true
    /// Settings of one language when its `rules` differ from the site's (`charter: {en: {rules: …}}`).
    public var languageOverrides: [String: CharterSettings] = [:]

    /// The settings that apply to pages of `language`.
    public func forLanguage(_ language: String) -> CharterSettings {
        languageOverrides[language] ?? self
    }

    public static let profiles = ["public", "falc"]

    /// The built-in settings of a profile: `public` (the default) or `falc` (easy-to-read French, "facile à lire et à comprendre").
    public static func profile(_ name: String) -> CharterSettings? {
        var settings = CharterSettings(
            profile: name,
            severities: [
                .sentenceLength: .warning, .paragraphLength: .warning, .readability: .warning, .plainWords: .warning,
                .acronymExpansion: .warning, .linkText: .error, .headingOrder: .error, .imageAlt: .error, .typography: .warning,
                .allCaps: .warning, .spelling: .info, .frontMatter: .warning, .sources: .warning,
            ],
            sentenceWarning: 25, sentenceError: 40, paragraphMax: 5,
            readabilityMin: ["fr": 60, "en": 50],
            titleMax: 70, descriptionMax: 160, allCapsMin: 3,
            plainWords: BuiltInLists.plainWords(),
            glossary: ["fr": BuiltInLists.knownAcronyms, "en": BuiltInLists.knownAcronyms],
            vagueLinkTexts: BuiltInLists.vagueLinkTexts,
            words: [])
        switch name {
        case "public": return settings
        case "falc":
            settings.sentenceWarning = 15
            settings.sentenceError = 25
            settings.paragraphMax = 3
            settings.readabilityMin = ["fr": 75, "en": 65]
            return settings
        default: return nil
        }
    }

    /// The severity of a rule, or nil when it is off.
    public func severity(of rule: RuleID) -> FindingSeverity? {
        severities[rule] ?? nil
    }
}

/// The lists shipped with the checker, in `Resources/` (plain words) and here (short lists).
public enum BuiltInLists {
    /// Acronyms everybody knows, which need no expansion, and names in capitals that are no acronyms (README, ZIP).
    public static let knownAcronyms: [String: String] = Dictionary(uniqueKeysWithValues: [
        "UE", "EU", "TVA", "VAT", "UK", "USA", "ONU", "UN", "PDF", "HTML", "URL", "OK", "FAQ", "README", "ZIP",
    ].map { ($0, "") })

    public static let vagueLinkTexts: [String: Set<String>] = [
        "fr": ["cliquez ici", "cliquer ici", "ici", "en savoir plus", "lien", "ce lien", "lire la suite", "plus", "voir"],
        "en": ["click here", "here", "read more", "more", "learn more", "link", "this link", "see"],
    ]

    /// `plain-words.<lang>.yml` of the module's resources.
    public static func plainWords() -> [String: [PlainWord]] {
        var lists: [String: [PlainWord]] = [:]
        for language in ["fr", "en"] {
            lists[language] = PlainWordsFile.load(language: language)
        }
        return lists
    }
}
