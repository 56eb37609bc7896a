import Support
import Foundation

/// The JSON of `report --format json` and `report pages --format json`: values encoded by `JSONEncoder`,
/// never text put together by hand. Keys sorted, indented, slashes as they are: the same input gives
/// the same bytes.
enum ReportJSON {
    static func encode(_ value: some Encodable) -> String {
        JSONText.pretty(value, orElse: "null")
    }

    /// `report --format json`: IS.II.B.1 for a period.
    struct Indicator: Encodable {
        let indicator = IndicatorReport.indicator
        let period: [String: String]
        let audiences: [AudienceEntry]
        let total: [String: LanguageCounts]
        let undated: [String]

        init(_ report: IndicatorReport) {
            period = ["from": report.period.from.isoDay, "to": report.period.to.isoDay]
            audiences = report.audiences.map { AudienceEntry($0, languages: report.languages) }
            total = ["pages": LanguageCounts(report.totalPages, report.languages), "new": LanguageCounts(report.totalNew, report.languages)]
            undated = report.undated
        }
    }

    struct AudienceEntry: Encodable {
        let id: String
        let label: [String: String]
        let cog: Int?
        let pages: LanguageCounts
        let new: LanguageCounts
        let missingTranslations: [String]
        let outdatedTranslations: [String]

        init(_ figures: AudienceFigures, languages: [String]) {
            id = figures.audience.id
            label = Dictionary(uniqueKeysWithValues: languages.map { ($0, figures.audience.label[$0] ?? "") })
            cog = figures.audience.cog
            pages = LanguageCounts(figures.pages, languages)
            new = LanguageCounts(figures.new, languages)
            missingTranslations = figures.missingTranslations
            outdatedTranslations = figures.outdatedTranslations
        }

        enum CodingKeys: String, CodingKey { case id, label, cog, pages, new, missingTranslations, outdatedTranslations }

        /// `cog` is written as `null` when site.yml gives none, as the interface shows it.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(label, forKey: .label)
            try container.encode(cog, forKey: .cog)
            try container.encode(pages, forKey: .pages)
            try container.encode(new, forKey: .new)
            try container.encode(missingTranslations, forKey: .missingTranslations)
            try container.encode(outdatedTranslations, forKey: .outdatedTranslations)
        }
    }

    /// `{"fr": 12, "en": 10, "distinct": 14}`.
    struct LanguageCounts: Encodable {
        let counts: [String: Int]

        init(_ counts: Counts, _ languages: [String]) {
            self.counts = Dictionary(uniqueKeysWithValues: languages.map { ($0, counts[$0]) }).merging(["distinct": counts.distinct]) { _, new in new }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(counts)
        }
    }

    /// A row of `report pages --format json`; the charter's measures only for the pages it checked.
    struct InventoryEntry: Encodable {
        let row: InventoryRow

        enum CodingKeys: String, CodingKey {
            case language, file, url, title, audiences, date, lastmod, draft, sources, words, readability, charterErrors, charterWarnings, translation, fromData
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(row.language, forKey: .language)
            try container.encode(row.file, forKey: .file)
            try container.encode(row.url, forKey: .url)
            try container.encode(row.title, forKey: .title)
            try container.encode(row.audiences, forKey: .audiences)
            try container.encode(row.date, forKey: .date)
            try container.encode(row.lastmod, forKey: .lastmod)
            try container.encode(row.draft, forKey: .draft)
            try container.encode(row.sources, forKey: .sources)
            if let measures = row.measures {
                try container.encode(measures.words, forKey: .words)
                // One decimal, as the CSV and the dashboard show it.
                try container.encode(measures.readability.map { ($0 * 10).rounded() / 10 }, forKey: .readability)
                try container.encode(measures.errors, forKey: .charterErrors)
                try container.encode(measures.warnings, forKey: .charterWarnings)
            }
            try container.encode(row.translation.description, forKey: .translation)
            try container.encode(row.fromData, forKey: .fromData)
        }
    }

    /// The Table Schema (frictionless data) of the indicator's CSV.
    struct TableSchema: Encodable {
        struct Field: Encodable {
            let name: String
            let type: String
            let title: String
            let description: String
        }

        let fields: [Field]
        let primaryKey = ["indicator", "period_from", "period_to", "audience_id"]
    }
}
