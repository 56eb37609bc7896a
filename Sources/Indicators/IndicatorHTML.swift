import Foundation
import Support

/// A dashboard a communication officer opens from disk: one HTML file, no script, accessible.
///
/// The indicator table; a bar chart per audience in inline SVG whose text alternative is the table;
/// the history year by year; progress against the contract's calendar with overdue audiences
/// highlighted (in words too, not by colour alone); translation coverage; the page inventory.
public enum IndicatorHTML {
    public static func render(_ report: IndicatorReport, inventory: [InventoryRow]) -> String {
        let period = "du \(report.period.from.isoDay) au \(report.period.to.isoDay)"
        var html = """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Indicateur IS.II.B.1, \(period)</title>
        <style>
        body { font-family: system-ui, sans-serif; color: #1e1e1e; margin: 1.5rem; max-width: 80rem; line-height: 1.5; }
        table { border-collapse: collapse; margin: 1rem 0; }
        caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
        th, td { border: 1px solid #666; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
        .overdue { background: #ffe9e6; font-weight: bold; }
        .overdue td:first-child::before { content: "⚠ "; }
        svg text { font-size: 12px; fill: #1e1e1e; }
        a { color: #000091; }
        :focus { outline: 3px solid #0063cb; outline-offset: 2px; }
        </style>
        </head>
        <body>
        <main>
        <h1>Indicateur IS.II.B.1 : pages dédiées aux publics cibles</h1>
        <p>Période mesurée : \(period). Une page compte si elle est publiée (pas un brouillon) et datée au plus tard du dernier jour de la période ; elle est nouvelle si sa date tombe dans la période. « Distinctes » compte une seule fois les versions d'une même page.</p>

        """
        html += indicatorTable(report)
        html += chart(report)
        html += history(report)
        html += calendar(report)
        html += coverage(report)
        html += sourcesCoverage(inventory)
        html += inventoryTable(inventory)
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    /// Quotes too, though these go between tags: the report's bytes stay as they were.
    static func escape(_ text: String) -> String { MarkupEscaping.attribute(text) }

    static func label(_ figures: AudienceFigures) -> String { escape(figures.audience.label["fr"] ?? figures.audience.id) }

    static func indicatorTable(_ report: IndicatorReport) -> String {
        let languages = report.languages
        var html = "<h2 id=\"indicateur\">Pages par public</h2>\n<table id=\"table-indicateur\">\n<caption>Pages dédiées à chaque public, par langue, et nouvelles pages de la période</caption>\n<thead><tr><th scope=\"col\">Public</th>"
        html += languages.map { "<th scope=\"col\" class=\"number\">Pages (\($0))</th>" }.joined() + "<th scope=\"col\" class=\"number\">Pages distinctes</th>"
        html += languages.map { "<th scope=\"col\" class=\"number\">Nouvelles (\($0))</th>" }.joined() + "<th scope=\"col\" class=\"number\">Nouvelles distinctes</th></tr></thead>\n<tbody>\n"
        func cells(_ pages: Counts, _ new: Counts) -> String {
            languages.map { "<td class=\"number\">\(pages[$0])</td>" }.joined() + "<td class=\"number\">\(pages.distinct)</td>"
                + languages.map { "<td class=\"number\">\(new[$0])</td>" }.joined() + "<td class=\"number\">\(new.distinct)</td>"
        }
        for figures in report.audiences {
            html += "<tr><th scope=\"row\">\(label(figures))</th>\(cells(figures.pages, figures.new))</tr>\n"
        }
        html += "</tbody>\n<tfoot><tr><th scope=\"row\">Total (pages dédiées à au moins un public)</th>\(cells(report.totalPages, report.totalNew))</tr></tfoot>\n</table>\n"
        return html
    }

    /// Horizontal bars: distinct pages, and the new ones of the period; the table above is the text alternative.
    static func chart(_ report: IndicatorReport) -> String {
        let barHeight = 18, gap = 14, labelWidth = 330, scaleWidth = 420
        let maximum = max(report.audiences.map(\.pages.distinct).max() ?? 1, 1)
        let height = report.audiences.count * (2 * barHeight + gap) + 30
        var svg = "<h2 id=\"graphique\">Graphique</h2>\n<svg role=\"img\" aria-labelledby=\"graphique-titre\" aria-describedby=\"table-indicateur\" width=\"\(labelWidth + scaleWidth + 60)\" height=\"\(height)\" viewBox=\"0 0 \(labelWidth + scaleWidth + 60) \(height)\">\n"
        svg += "<title id=\"graphique-titre\">Pages distinctes (barre foncée) et nouvelles pages distinctes (barre claire) par public ; les valeurs sont dans le tableau « Pages par public ».</title>\n"
        for (row, figures) in report.audiences.enumerated() {
            let y = row * (2 * barHeight + gap) + 10
            let total = figures.pages.distinct * scaleWidth / maximum, new = figures.new.distinct * scaleWidth / maximum
            svg += "<text x=\"0\" y=\"\(y + barHeight - 4)\">\(label(figures))</text>\n"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(total)\" height=\"\(barHeight)\" fill=\"#000091\" />"
            svg += "<text x=\"\(labelWidth + total + 6)\" y=\"\(y + barHeight - 4)\">\(figures.pages.distinct)</text>\n"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + barHeight)\" width=\"\(new)\" height=\"\(barHeight)\" fill=\"#6a6af4\" />"
            svg += "<text x=\"\(labelWidth + new + 6)\" y=\"\(y + 2 * barHeight - 4)\">\(figures.new.distinct) nouvelles</text>\n"
        }
        return svg + "</svg>\n"
    }

    static func history(_ report: IndicatorReport) -> String {
        guard let first = report.historyByYear.keys.min() else { return "<h2 id=\"historique\">Historique</h2>\n<p>Aucune page datée.</p>\n" }
        var html = "<h2 id=\"historique\">Historique</h2>\n<table>\n<caption>Pages distinctes dédiées à un public, par année de première publication</caption>\n<thead><tr><th scope=\"col\">Année</th><th scope=\"col\" class=\"number\">Nouvelles pages</th><th scope=\"col\" class=\"number\">Total en fin d'année</th></tr></thead>\n<tbody>\n"
        var cumulative = 0
        for year in first...report.period.to.year {
            let new = report.historyByYear[year] ?? 0
            cumulative += new
            html += "<tr><th scope=\"row\">\(year)</th><td class=\"number\">\(new)</td><td class=\"number\">\(cumulative)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// Audiences due by the end of the period (their `cog` year has come) and still without a page are overdue.
    static func calendar(_ report: IndicatorReport) -> String {
        var html = "<h2 id=\"calendrier\">Avancement du contrat</h2>\n<table>\n<caption>Publics prévus par le contrat d'objectifs et de gestion, et leur état à la fin de la période</caption>\n<thead><tr><th scope=\"col\">Public</th><th scope=\"col\" class=\"number\">Année prévue</th><th scope=\"col\" class=\"number\">Pages distinctes</th><th scope=\"col\">État</th></tr></thead>\n<tbody>\n"
        for figures in report.audiences {
            let due = figures.audience.cog.map { $0 <= report.period.to.year } ?? false
            let state = figures.pages.distinct > 0 ? "Pages publiées" : (due ? "En retard : aucune page" : "À venir")
            let overdue = due && figures.pages.distinct == 0
            html += "<tr\(overdue ? " class=\"overdue\"" : "")><td>\(label(figures))</td><td class=\"number\">\(figures.audience.cog.map(String.init) ?? "—")</td><td class=\"number\">\(figures.pages.distinct)</td><td>\(state)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    static func coverage(_ report: IndicatorReport) -> String {
        var html = "<h2 id=\"traductions\">Couverture des traductions</h2>\n"
        let languages = report.languages
        html += "<p>" + languages.map { "\(report.totalPages[$0]) pages en \($0)" }.joined(separator: ", ") + ", pour \(report.totalPages.distinct) pages distinctes.</p>\n"
        html += "<table>\n<caption>Traductions manquantes et à mettre à jour, par public</caption>\n<thead><tr><th scope=\"col\">Public</th><th scope=\"col\">Traductions manquantes</th><th scope=\"col\">Traductions à mettre à jour</th></tr></thead>\n<tbody>\n"
        func list(_ files: [String]) -> String {
            files.isEmpty ? "aucune" : "<ul>" + files.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
        }
        for figures in report.audiences {
            html += "<tr><td>\(label(figures))</td><td>\(list(figures.missingTranslations))</td><td>\(list(figures.outdatedTranslations))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if !report.undated.isEmpty {
            html += "<p>Pages sans date (comptées comme existantes, jamais comme nouvelles) : \(report.undated.map(escape).joined(separator: ", ")).</p>\n"
        }
        return html
    }

    /// The published pages that cite no legal or official text (`sources:`), which a reader cannot check.
    static func sourcesCoverage(_ rows: [InventoryRow]) -> String {
        let published = rows.filter { !$0.draft }
        let uncited = published.filter { $0.sources == 0 }
        var html = "<h2 id=\"textes-de-reference\">Textes de référence</h2>\n"
        html += "<p>\(published.count - uncited.count) pages publiées sur \(published.count) citent leurs textes de référence (<code>sources:</code>).</p>\n"
        guard !uncited.isEmpty else { return html }
        html += "<p>Pages sans texte de référence :</p>\n<ul>\n"
        html += uncited.map { "<li>\(escape($0.file))</li>\n" }.joined()
        return html + "</ul>\n"
    }

    static func inventoryTable(_ rows: [InventoryRow]) -> String {
        let headers = ["Langue", "Fichier", "Adresse", "Titre", "Publics", "Date", "Mise à jour", "Brouillon", "Textes de référence", "Mots", "Lisibilité", "Erreurs", "Avertissements", "Traduction"]
        var html = "<h2 id=\"inventaire\">Inventaire des pages</h2>\n<table>\n<caption>Toutes les pages du site</caption>\n<thead><tr>"
        html += headers.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>" + PageInventory.cells(row).map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
