import Configuration
import ContentLoading
import Diagnostics
import Foundation
import Support
import Syllables

/// What a page weighs, for the report and the readability rule.
public struct PageStatistics: Sendable, Hashable {
    public var file: String
    public var language: String
    public var words: Int
    public var sentences: Int
    public var syllables: Int
    /// Nil for a page without prose.
    public var readability: Double?
    /// Unknown words the spelling rule took for names and did not report (`SpellingRule.separatingNames`), for
    /// `check --unknown-words`: once per word, at its first use.
    public var unknownNames: [UnknownName] = []
}

/// Counts syllables in a word (hyphenation patterns in production, a stand-in in tests).
public protocol SyllableCounting: Sendable {
    func syllables(in word: String) -> Int
}

/// Tells whether a word is spelled correctly.
public protocol SpellingChecking: Sendable {
    func isCorrect(_ word: String) -> Bool
    func suggestions(for word: String, limit: Int) -> [String]
    /// Whether the dictionaries hold the word exactly as written (see `NearWords`); `isCorrect` by default.
    func knowsAsWritten(_ word: String) -> Bool
}

/// The outcome of checking a set of pages.
public struct CharterReport: Sendable {
    public var findings: [Finding]
    public var pages: [PageStatistics]

    public init(findings: [Finding], pages: [PageStatistics]) {
        self.findings = CharterChecker.ordered(findings)
        self.pages = pages
    }

    public var errorCount: Int { findings.count { $0.severity == .error } }
    public var warningCount: Int { findings.count { $0.severity == .warning } }
    public var infoCount: Int { findings.count { $0.severity == .info } }
}

/// Holds every page to the editorial charter. A value shared by the checking threads.
public struct CharterChecker: Sendable {
    public let settings: CharterSettings
    let syllables: [String: any SyllableCounting]
    let spelling: [String: any SpellingChecking]
    let rules: [any CharterRule]
    /// Apart from `rules`: its words are judged by `survey`, with the calling thread's word caches. Its findings
    /// come after those of `rules`, as when it was the last of them.
    let spellingRule: SpellingRule?

    public init(settings: CharterSettings, syllables: [String: any SyllableCounting] = [:], spelling: [String: any SpellingChecking] = [:]) {
        self.settings = settings
        self.syllables = syllables
        self.spelling = spelling
        rules = [
            SentenceLengthRule(), ParagraphLengthRule(), PlainWordsRule(settings: settings),
            AcronymExpansionRule(shouting: Shouting(spelling: spelling)), LinkTextRule(), HeadingOrderRule(), ImageAltRule(), TypographyRule(),
            AllCapsRule(shouting: Shouting(spelling: spelling)), FrontMatterRule(),
        ]
        spellingRule = spelling.isEmpty ? nil : SpellingRule(checkers: spelling)
    }

    /// Checks one page read by the content loader.
    public func check(_ page: SourcePage) -> (findings: [Finding], statistics: PageStatistics) {
        var caches = WordCaches()
        return check(page, caches: &caches)
    }

    /// Checks pages in parallel, results in the same order; each thread keeps its own word caches.
    public func check(pages: [SourcePage]) -> [(findings: [Finding], statistics: PageStatistics)] {
        pages.concurrentMap(state: { WordCaches() }) { caches, page in check(page, caches: &caches) }
    }

    func check(_ page: SourcePage, caches: inout WordCaches, checkingFrontMatter: Bool = true) -> (findings: [Finding], statistics: PageStatistics) {
        // Lines before the body stay empty: positions in the body are what the parser maps.
        let text = String(repeating: "\n", count: max(page.bodyFirstLine - 1, 0)) + page.body
        guard let document = PageDocument(file: page.path, language: page.language, fileText: text, body: page.body, bodyFirstLine: page.bodyFirstLine) else {
            let finding = Finding(file: page.path, at: SourcePoint(line: page.bodyFirstLine, column: 1), rule: .source, severity: .error,
                                  message: "The Markdown could not be parsed.")
            return ([finding], PageStatistics(file: page.path, language: page.language, words: 0, sentences: 0, syllables: 0))
        }
        let settings = self.settings.forLanguage(page.language)
        let analysis = PageAnalysis(document: document, frontMatter: page.frontMatter, settings: settings)
        let words = caches.with(page.language) { self.survey(analysis, facts: &$0.facts) }
        var statistics = words.statistics
        var findings = rules.flatMap { checkingFrontMatter || $0.id != .frontMatter ? $0.check(analysis) : [] }
        if let spellingRule {
            let unknown = spellingRule.separatingNames(analysis, words.misspellings)
            findings += spellingRule.check(analysis, misspellings: unknown.misspellings)
            statistics.unknownNames = spellingRule.unknownNames(analysis, unknown.names)
        }
        // The score is reported for every page with prose, but judged only from `readabilityMinWords` words on.
        if let score = statistics.readability, statistics.words >= settings.readabilityMinWords,
           let minimum = settings.readabilityMin[page.language], score < minimum,
           let finding = analysis.finding(.readability, at: SourcePoint(line: 1, column: 1),
                                          String(format: "The readability score is %.1f (at least %.0f): the text is hard to read.", score, minimum),
                                          suggestion: "Use shorter sentences and everyday words.") {
            findings.append(finding)
        }
        let suppressions = Suppressions(comments: document.comments)
        findings = findings.filter { !suppressions.suppresses($0) }
        for problem in suppressions.problems {
            findings.append(Finding(file: page.path, at: problem.point, rule: .frontMatter, severity: .warning,
                                    message: "Unknown rule '\(problem.text)' in a charter comment.",
                                    suggestion: Suggestions.hint(for: problem.text, among: RuleID.allCases.map(\.rawValue) + ["charter-disable", "charter-enable", "charter-ignore-next-line"])))
        }
        return (CharterChecker.ordered(findings), statistics)
    }

    static func ordered(_ findings: [Finding]) -> [Finding] {
        findings.sorted { ($0.file, $0.line, $0.column, $0.rule, $0.message) < ($1.file, $1.line, $1.column, $1.rule, $1.message) }
    }

    /// Checks the pages of a site (all of them, or those under `paths`), in parallel. Every page is counted, and
    /// its body checked whenever it can be found, even under a wrong front matter; what `build` reports about a
    /// file comes first, with its words and place: `front-matter` for its front matter, `source` for the rest.
    public func check(root: URL, configuration: SiteConfiguration, paths: [String] = []) -> CharterReport {
        let files = ContentLoader.readEach(root: root, configuration: configuration, languages: configuration.languages)
            .filter { file in paths.isEmpty || paths.contains { file.path == $0 || file.path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") } }
        let results = files.concurrentMap(state: { WordCaches() }) { caches, file -> ([Finding], PageStatistics?) in
            var findings = Self.findings(file.sourceDiagnostics, rule: .source) + Self.findings(file.frontMatterDiagnostics, rule: .frontMatter)
            guard file.isPage else { return (findings, nil) }
            guard let page = file.page else {
                return (findings, PageStatistics(file: file.path, language: file.language, words: 0, sentences: 0, syllables: 0))
            }
            // The errors of a front matter say what to fix in it: its rule would only repeat them ("the description is missing").
            let (pageFindings, statistics) = check(page, caches: &caches, checkingFrontMatter: !file.frontMatterHasErrors)
            findings += pageFindings
            return (findings, statistics)
        }
        return CharterReport(findings: withSpellingSuggestions(results.flatMap(\.0)), pages: results.compactMap(\.1))
    }

    /// The loader's problems as findings, with their severity, words and place.
    static func findings(_ diagnostics: [Diagnostic], rule: RuleID) -> [Finding] {
        diagnostics.map { diagnostic in
            Finding(file: diagnostic.location.file, at: SourcePoint(line: diagnostic.location.line ?? 1, column: diagnostic.location.column ?? 1),
                    rule: rule, severity: diagnostic.severity == .error ? .error : .warning, message: diagnostic.message, suggestion: diagnostic.hint)
        }
    }

    /// How many unknown words of one page, and of one run, get hunspell's suggestions; the others keep the
    /// plain advice. A suggestion costs about 0.1 s and they run one at a time (see `HunspellDictionary`):
    /// a page pasted in the wrong language, with thousands of unknown words, took minutes to check
    /// before. Counts rather than a time limit, so that the findings are the same on every run.
    public static let suggestedWordsPerPage = 10
    public static let suggestedWordsPerRun = 100

    /// Spelling suggestions, one word at a time after the parallel pass, so that they are the same on every run:
    /// for the first `suggestedWordsPerPage` words of each page not met before, up to `suggestedWordsPerRun` words in all.
    public func withSpellingSuggestions(_ findings: [Finding]) -> [Finding] {
        var cache: [String: String] = [:]
        var suggestedOnPage: (file: String, count: Int) = ("", 0)
        return CharterChecker.ordered(findings).map { finding in
            guard finding.rule == .spelling, let word = finding.subject, let checker = spelling[String(finding.file.split(separator: "/").dropFirst().first ?? "")] else {
                return finding
            }
            if suggestedOnPage.file != finding.file { suggestedOnPage = (finding.file, 0) }
            if cache[word] == nil {
                guard suggestedOnPage.count < Self.suggestedWordsPerPage, cache.count < Self.suggestedWordsPerRun else { return finding }
                let suggestions = checker.suggestions(for: word, limit: 2)
                cache[word] = suggestions.isEmpty ? SpellingRule.defaultSuggestion
                    : "Did you mean \(suggestions.map { "“\($0)”" }.joined(separator: " or "))? If the word is right, add it to 'words' in the charter configuration."
                suggestedOnPage.count += 1
            }
            var result = finding
            result.suggestion = cache[word]
            return result
        }
    }
}
