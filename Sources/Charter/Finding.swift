/// The rules of the charter; their ids are part of the interface (configuration, suppression, reports).
public enum RuleID: String, Sendable, CaseIterable, Codable, Comparable {
    case sentenceLength = "sentence-length"
    case paragraphLength = "paragraph-length"
    case readability
    case plainWords = "plain-words"
    case acronymExpansion = "acronym-expansion"
    case linkText = "link-text"
    case headingOrder = "heading-order"
    case imageAlt = "image-alt"
    case typography
    case allCaps = "all-caps"
    case spelling
    case frontMatter = "front-matter"
    /// A page for an audience that cites no legal or official text (`SourcesRule`).
    case sources
    /// Not a rule of the charter: what `build` reports about a file apart from its front matter (not UTF-8, over
    /// a limit of site.yml, a NUL character, a link leaving the site). Not configurable.
    case source

    /// The rules `charter:` may configure: all but `source`, which is the build's own verdict.
    public static var configurable: [RuleID] { allCases.filter { $0 != .source } }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}

public enum FindingSeverity: String, Sendable, Codable, Comparable {
    case info, warning, error

    var rank: Int { self == .info ? 0 : (self == .warning ? 1 : 2) }
    public static func < (lhs: FindingSeverity, rhs: FindingSeverity) -> Bool { lhs.rank < rhs.rank }
}

/// A mechanical correction: replace `original` at `line`:`column` by `replacement`.
public struct TextFix: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public var original: String
    public var replacement: String
}

/// One place where a page departs from the charter.
public struct Finding: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    public var rule: RuleID
    public var severity: FindingSeverity
    public var message: String
    public var suggestion: String?
    public var fix: TextFix?
    /// The word or phrase the finding is about, when there is one (for spelling suggestions made afterwards).
    public var subject: String?
    /// How many times the page uses `subject` (for `check --unknown-words`), when counted.
    public var uses: Int?

    public init(file: String, at point: SourcePoint, rule: RuleID, severity: FindingSeverity, message: String,
                suggestion: String? = nil, fix: TextFix? = nil) {
        self.file = file
        line = point.line
        column = point.column
        self.rule = rule
        self.severity = severity
        self.message = message
        self.suggestion = suggestion
        self.fix = fix
    }

    /// `Content/fr/x.md:12:5: warning: [sentence-length] message` and the suggestion, like a compiler.
    public var compilerStyle: String {
        var text = "\(file):\(line):\(column): \(severity.rawValue): [\(rule.rawValue)] \(message)"
        if let suggestion { text += "\n    suggestion: \(suggestion)" }
        return text
    }
}
