import Foundation

/// The outputs of `cleiss-site report`.
public enum IndicatorFormat: String, Sendable, CaseIterable {
    case text, csv, json, html

    /// `inventory` is shown below the dashboard, written in `dashboard`'s language (html only; by
    /// default the site's first language).
    public func render(_ report: IndicatorReport, inventory: [InventoryRow] = [], dashboard: DashboardStrings? = nil) -> String {
        switch self {
        case .text: return IndicatorText.render(report)
        case .csv: return IndicatorCSV.render(report)
        case .json: return ReportJSON.encode(ReportJSON.Indicator(report))
        case .html:
            let strings = dashboard ?? (try? DashboardStrings.choose(nil, siteLanguages: report.languages)) ?? DashboardStrings(language: "en")!
            return IndicatorHTML.render(report, inventory: inventory, strings: strings)
        }
    }
}

enum IndicatorText {
    static func render(_ report: IndicatorReport) -> String {
        var lines = ["\(IndicatorReport.indicator) — pages dedicated to target audiences, \(report.period.from.isoDay) to \(report.period.to.isoDay)", ""]
        let languages = report.languages
        var header: [String] = ["audience", "cog"]
        header += languages.map { "pages \($0)" }
        header.append("distinct")
        header += languages.map { "new \($0)" }
        header += ["new distinct", "missing", "outdated"]
        func row(_ name: String, _ cog: String, _ pages: Counts, _ new: Counts, _ tail: [String]) -> [String] {
            var cells: [String] = [name, cog]
            cells += languages.map { String(pages[$0]) }
            cells.append(String(pages.distinct))
            cells += languages.map { String(new[$0]) }
            cells.append(String(new.distinct))
            return cells + tail
        }
        var rows: [[String]] = report.audiences.map { figures in
            row(figures.audience.id, figures.audience.cog.map(String.init) ?? "", figures.pages, figures.new,
                [String(figures.missingTranslations.count), String(figures.outdatedTranslations.count)])
        }
        rows.append(row("total", "", report.totalPages, report.totalNew, ["", ""]))
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func format(_ row: [String]) -> String {
            row.enumerated().map { column, cell in column == 0 ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                : String(repeating: " ", count: widths[column] - cell.count) + cell }.joined(separator: "  ")
        }
        lines.append(format(header))
        lines += rows.map(format)
        if !report.undated.isEmpty {
            lines.append("")
            lines.append("warning: \(report.undated.count) undated page(s) counted as existing, not new: \(report.undated.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Open data: one row per audience, and a Table Schema describing the columns.
public enum IndicatorCSV {
    public struct Column: Sendable {
        public let name: String, type: String, title: String, description: String
    }

    public static func columns(languages: [String]) -> [Column] {
        var columns = [
            Column(name: "indicator", type: "string", title: "Indicateur", description: "Identifiant de l'indicateur du contrat d'objectifs et de gestion (IS.II.B.1)."),
            Column(name: "period_from", type: "date", title: "Début de la période", description: "Premier jour de la période mesurée (AAAA-MM-JJ)."),
            Column(name: "period_to", type: "date", title: "Fin de la période", description: "Dernier jour de la période mesurée (AAAA-MM-JJ)."),
            Column(name: "audience_id", type: "string", title: "Public", description: "Identifiant du public cible."),
        ]
        columns += languages.map { Column(name: "label_\($0)", type: "string", title: "Libellé (\($0))", description: "Nom du public en \($0).") }
        columns.append(Column(name: "cog_year", type: "year", title: "Année prévue", description: "Année où le contrat prévoit les pages de ce public."))
        columns += languages.map { Column(name: "pages_\($0)", type: "integer", title: "Pages (\($0))", description: "Pages publiées en \($0) dédiées à ce public à la fin de la période.") }
        columns.append(Column(name: "pages_distinct", type: "integer", title: "Pages distinctes", description: "Pages dédiées à ce public, les versions d'une même page comptées une fois."))
        columns += languages.map { Column(name: "new_\($0)", type: "integer", title: "Nouvelles pages (\($0))", description: "Pages en \($0) publiées pendant la période.") }
        columns.append(Column(name: "new_distinct", type: "integer", title: "Nouvelles pages distinctes", description: "Pages distinctes publiées pour la première fois pendant la période."))
        columns.append(Column(name: "missing_translations", type: "integer", title: "Traductions manquantes", description: "Fichiers dont une version linguistique manque."))
        columns.append(Column(name: "outdated_translations", type: "integer", title: "Traductions à mettre à jour", description: "Traductions plus anciennes que leur version source."))
        return columns
    }

    static func render(_ report: IndicatorReport) -> String {
        var lines = [columns(languages: report.languages).map(\.name).joined(separator: ",")]
        for figures in report.audiences {
            var row = [IndicatorReport.indicator, report.period.from.isoDay, report.period.to.isoDay, figures.audience.id]
            row += report.languages.map { figures.audience.label[$0] ?? "" }
            row.append(figures.audience.cog.map(String.init) ?? "")
            row += report.languages.map { String(figures.pages[$0]) } + [String(figures.pages.distinct)]
            row += report.languages.map { String(figures.new[$0]) } + [String(figures.new.distinct)]
            row += [String(figures.missingTranslations.count), String(figures.outdatedTranslations.count)]
            lines.append(row.map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One field, quoted as RFC 4180 says when it holds a comma, a quote, a CR or a LF (quotes
    /// doubled). A field that a spreadsheet would read as a formula (starting with `=`, `+`, `-`,
    /// `@`, a tab or a CR: `=HYPERLINK(…)` in a page title) gets a leading `'`, as OWASP recommends
    /// against CSV injection, so it is shown as text.
    static func field(_ text: String) -> String {
        var text = text
        if let first = text.unicodeScalars.first, formulaStarts.contains(first) { text = "'" + text }
        // Scalars, not Characters: "\r\n" is one Character in Swift, and a lone "\n" would not match it.
        guard text.unicodeScalars.contains(where: { quotedScalars.contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
    private static let quotedScalars: Set<Unicode.Scalar> = [",", "\"", "\r", "\n"]

    /// The Table Schema (frictionless data) of the CSV, as the national open-data portal recommends.
    public static func schema(languages: [String]) -> String {
        ReportJSON.encode(ReportJSON.TableSchema(fields: columns(languages: languages).map {
            ReportJSON.TableSchema.Field(name: $0.name, type: $0.type, title: $0.title, description: $0.description)
        }))
    }
}
