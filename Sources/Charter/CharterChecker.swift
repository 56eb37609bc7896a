import Configuration
import ContentLoading
import Diagnostics
import Foundation
import Markdown
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
    /// Whether the word is one slip from one of the site's own words (see `NameShapes`); false by default.
    func isOneSlipFromASiteWord(_ word: String) -> Bool
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
            AllCapsRule(shouting: Shouting(spelling: spelling)), FrontMatterRule(), SourcesRule(),
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

    /// Checks one page whose body was parsed for the build, which renders the same tree afterwards
    /// (`caches`: the calling thread's, see `WordCaches`).
    public func check(_ page: SourcePage, parsed: borrowing ParsedMarkdown, caches: inout WordCaches) -> (findings: [Finding], statistics: PageStatistics) {
        check(page, parsed: parsed, caches: &caches, checkingFrontMatter: true)
    }

    func check(_ page: SourcePage, caches: inout WordCaches, checkingFrontMatter: Bool = true) -> (findings: [Finding], statistics: PageStatistics) {
        check(page, parsed: ParsedMarkdown(page.body), caches: &caches, checkingFrontMatter: checkingFrontMatter)
    }

    func check(_ page: SourcePage, parsed: borrowing ParsedMarkdown, caches: inout WordCaches,
               checkingFrontMatter: Bool) -> (findings: [Finding], statistics: PageStatistics) {
        // Lines before the body stay empty: positions in the body are what the parser maps.
        let text = String(repeating: "\n", count: max(page.bodyFirstLine - 1, 0)) + page.body
        guard let document = PageDocument(file: page.path, language: page.language, fileText: text, parsed: parsed, bodyFirstLine: page.bodyFirstLine) else {
            let finding = Finding(file: page.path, at: SourcePoint(line: page.bodyFirstLine, column: 1), rule: .source, severity: .error,
                                  message: "The Markdown could not be parsed.")
            return ([finding], PageStatistics(file: page.path, language: page.language, words: 0, sentences: 0, syllables: 0))
        }
        let settings = self.settings.forLanguage(page.language)
        let analysis = PageAnalysis(document: document, frontMatter: page.frontMatter, settings: settings)
        let words = caches.with(page.language) { self.survey(analysis, facts: &$0.facts) }
        var statistics = words.statistics
        // Rules on the front matter would only repeat its errors (a source refused is no missing source).
        var findings = rules.flatMap { checkingFrontMatter || ($0.id != .frontMatter && $0.id != .sources) ? $0.check(analysis) : [] }
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
            if problem.text == RuleID.source.rawValue {
                findings.append(Finding(file: page.path, at: problem.point, rule: .frontMatter, severity: .warning,
                                        message: "'source' findings cannot be silenced in a charter comment: the comment has no effect.",
                                        suggestion: "Fix the file as the 'source' finding says, and remove 'source' from the comment."))
                continue
            }
            findings.append(Finding(file: page.path, at: problem.point, rule: .frontMatter, severity: .warning,
                                    message: "Unknown rule '\(problem.text)' in a charter comment.",
                                    suggestion: Suggestions.hint(for: problem.text, among: RuleID.configurable.map(\.rawValue) + ["charter-disable", "charter-enable", "charter-ignore-next-line"])))
        }
        return (CharterChecker.ordered(findings), statistics)
    }

    static func ordered(_ findings: [Finding]) -> [Finding] {
        findings.sorted { ($0.file, $0.line, $0.column, $0.rule, $0.message) < ($1.file, $1.line, $1.column, $1.rule, $1.message) }
    }

    /// Checks the files of a site as the loader read them (`ContentLoader.Result.checkedFiles`: all of them, or
    /// those under `paths`), in parallel, results in the files' order. Every page is counted, and
    /// its body checked whenever it can be found, even under a wrong front matter; what `build` reports about a
    /// file comes first, with its words and place: `front-matter` for its front matter, `source` for the rest.
    /// `suggestingSpellings: false` leaves the spelling findings with the default advice, for counts alone.
    public func check(files: [CheckedFile], paths: [String] = [], suggestingSpellings: Bool = true) -> CharterReport {
        let files = files.filter { file in paths.isEmpty || paths.contains { file.path == $0 || file.path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") } }
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
        let findings = results.flatMap(\.0)
        return CharterReport(findings: suggestingSpellings ? withSpellingSuggestions(findings) : findings, pages: results.compactMap(\.1))
    }

    /// The loader's problems as findings, with their severity, words and place.
    static func findings(_ diagnostics: [Diagnostic], rule: RuleID) -> [Finding] {
        diagnostics.map { diagnostic in
            Finding(file: diagnostic.location.file, at: SourcePoint(line: diagnostic.location.line ?? 1, column: diagnostic.location.column ?? 1),
                    rule: rule, severity: diagnostic.severity == .error ? .error : .warning, message: diagnostic.message, suggestion: diagnostic.hint)
        }
    }

    /// The "did you mean" of every spelling finding. Each distinct word is looked up once, the words spread
    /// over the cores: the suggestions come from a prebuilt index (see `SpellChecker`), the same whatever
    /// the threads, so every unknown word gets its suggestion, on every run alike.
    public func withSpellingSuggestions(_ findings: [Finding]) -> [Finding] {
        let words = Set(findings.compactMap { finding in finding.rule == .spelling ? finding.subject.map { SpelledWord(language: Self.language(of: finding), word: $0) } : nil })
        let advice = Dictionary(uniqueKeysWithValues: zip(words.sorted(), words.sorted().concurrentMap { spelled in
            spelling[spelled.language].map { Self.advice(suggesting: $0.suggestions(for: spelled.word, limit: 2)) } ?? SpellingRule.defaultSuggestion
        }))
        return CharterChecker.ordered(findings).map { finding in
            guard finding.rule == .spelling, let word = finding.subject, let text = advice[SpelledWord(language: Self.language(of: finding), word: word)] else {
                return finding
            }
            var result = finding
            result.suggestion = text
            return result
        }
    }

    struct SpelledWord: Hashable, Comparable, Sendable {
        var language: String
        var word: String
        static func < (lhs: Self, rhs: Self) -> Bool { (lhs.language, lhs.word) < (rhs.language, rhs.word) }
    }

    /// The language of a finding's page: the folder under Content/ ("Content/fr/x.md" → "fr").
    static func language(of finding: Finding) -> String {
        String(finding.file.split(separator: "/").dropFirst().first ?? "")
    }

    static func advice(suggesting suggestions: [String]) -> String {
        suggestions.isEmpty ? SpellingRule.defaultSuggestion
            : "Did you mean \(suggestions.map { "“\($0)”" }.joined(separator: " or "))? If the word is right, add it to 'words' in the charter configuration."
    }
}
