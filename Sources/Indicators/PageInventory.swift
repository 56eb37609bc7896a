import ContentLoading
import Foundation
import GitHistory

/// What the charter measured on a page, handed in by the caller (this module does not run the checks).
public struct PageMeasures: Sendable {
    public var words: Int
    public var readability: Double?
    public var errors: Int
    public var warnings: Int

    public init(words: Int, readability: Double?, errors: Int, warnings: Int) {
        self.words = words
        self.readability = readability
        self.errors = errors
        self.warnings = warnings
    }
}

/// One line of the inventory: every page with what the communication team audits.
public struct InventoryRow: Sendable {
    public var language: String
    public var file: String
    public var url: String
    public var title: String
    public var audiences: [String]
    public var date: String?
    public var lastmod: String?
    public var draft: Bool
    /// How many legal and official texts the page cites (`sources:`).
    public var sources: Int
    public var measures: PageMeasures?
    public var translation: TranslationState
    /// Whether the page is made from a data file (`Data/countries.yml`) rather than written in Content/.
    public var fromData = false
}

/// Where a page stands among its translations.
public enum TranslationState: Sendable, Equatable, CustomStringConvertible {
    /// The default language's version, which the others translate.
    case source
    case upToDate
    /// Older than its source-language version.
    case outdated
    /// Languages of the site that have no published version of the page.
    case missing([String])
    /// A draft made by `cleiss-site translate` that still holds the text to translate.
    case inProgress

    /// The words of the CSV and JSON inventories: `source`, `up to date`, `outdated`, `missing: en`.
    public var description: String {
        switch self {
        case .source: "source"
        case .upToDate: "up to date"
        case .outdated: "outdated"
        case .missing(let languages): "missing: " + languages.joined(separator: ", ")
        case .inProgress: "in progress"
        }
    }
}

public enum PageInventory {
    public static func rows(content: SiteContent, history: GitHistory?, measures: [String: PageMeasures]) -> [InventoryRow] {
        let languages = content.configuration.languages
        let source = content.configuration.defaultLanguage
        return content.pages.indices.map { index in
            let page = content.pages[index]
            let versions = content.versions(of: index).map { content.pages[$0] }.filter { !$0.frontMatter.draft }
            let missing = languages.filter { language in !versions.contains { $0.language == language } }
            let status: TranslationState
            if page.frontMatter.draft && TranslationInProgress.isMarked(page.source.body) {
                status = .inProgress
            } else if !missing.isEmpty {
                status = .missing(missing)
            } else if page.language != source, let original = versions.first(where: { $0.language == source }),
                      OutdatedTranslation.isOutdated(page, comparedWith: original, history: history) {
                status = .outdated
            } else {
                status = page.language == source ? .source : .upToDate
            }
            return InventoryRow(language: page.language, file: page.source.path, url: page.url, title: page.title,
                                audiences: page.frontMatter.audiences, date: page.frontMatter.date?.isoDay,
                                lastmod: page.frontMatter.lastmod?.isoDay, draft: page.frontMatter.draft,
                                sources: page.frontMatter.sources.count, measures: measures[page.source.path], translation: status)
        } + dataRows(content)
    }

    /// The pages made from data: every language exists for each, from the one entry of the data file.
    static func dataRows(_ content: SiteContent) -> [InventoryRow] {
        let source = content.configuration.defaultLanguage
        return DataPage.all(in: content).map { page in
            InventoryRow(language: page.language, file: CountryData.file, url: page.url, title: page.title, audiences: page.audiences,
                         date: nil, lastmod: page.checked?.isoDay, draft: false, sources: page.sourceCount, measures: nil,
                         translation: page.language == source ? .source : .upToDate, fromData: true)
        }
    }

    public static let columns = ["language", "file", "url", "title", "audiences", "date", "lastmod", "draft", "sources", "words", "readability",
                                 "charter_errors", "charter_warnings", "translation", "from_data"]

    static func cells(_ row: InventoryRow) -> [String] {
        [row.language, row.file, row.url, row.title, row.audiences.joined(separator: " "), row.date ?? "", row.lastmod ?? "",
         row.draft ? "true" : "false", String(row.sources), row.measures.map { String($0.words) } ?? "",
         row.measures?.readability.map { String(format: "%.1f", $0) } ?? "",
         row.measures.map { String($0.errors) } ?? "", row.measures.map { String($0.warnings) } ?? "", row.translation.description,
         row.fromData ? "true" : "false"]
    }

    public static func csv(_ rows: [InventoryRow]) -> String {
        ([columns] + rows.map(cells)).map { $0.map(IndicatorCSV.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    public static func json(_ rows: [InventoryRow]) -> String {
        ReportJSON.encode(rows.map(ReportJSON.InventoryEntry.init))
    }
}
