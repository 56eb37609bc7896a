import Configuration
import ContentLoading

/// Figures per language and `distinct` (the versions of one page counted once).
public struct Counts: Sendable, Equatable {
    public var perLanguage: [String: Int]
    public var distinct: Int

    public init(languages: [String]) {
        perLanguage = Dictionary(uniqueKeysWithValues: languages.map { ($0, 0) })
        distinct = 0
    }

    public subscript(language: String) -> Int { perLanguage[language] ?? 0 }
}

/// The indicator's figures for one audience of site.yml.
public struct AudienceFigures: Sendable {
    public var audience: Audience
    public var pages: Counts
    public var new: Counts
    /// Files of translation groups dedicated to the audience that lack a version in a configured language.
    public var missingTranslations: [String]
    /// Translations older than their source-language version.
    public var outdatedTranslations: [String]
}

/// IS.II.B.1 for a period: pages dedicated to each target audience, and the new ones.
public struct IndicatorReport: Sendable {
    public static let indicator = "IS.II.B.1"

    public var period: ReportPeriod
    public var languages: [String]
    public var audiences: [AudienceFigures]
    /// Distinct pages dedicated to at least one audience (not the sum over audiences).
    public var totalPages: Counts
    public var totalNew: Counts
    /// Pages with no date and no git history: counted as existing, never as new.
    public var undated: [String]
    /// Counted pages by year of publication, for the history: year → distinct groups dedicated to an audience.
    public var historyByYear: [Int: Int]
}
