import ContentLoading
import Foundation
import Rendering
import Support

/// A dashboard a communication officer opens from disk: one HTML file, no script, accessible, in
/// one of the site's languages (its texts in `DashboardStrings`).
///
/// The indicator table; a bar chart per audience in inline SVG whose text alternative is the table;
/// the history year by year; progress against the contract's calendar with overdue audiences
/// highlighted (in words too, not by colour alone); translation coverage; the page inventory.
/// Each table scrolls sideways inside its own region when it is wider than the screen, so that the
/// page itself never does, down to 320 px (RGAA 10.11).
public struct IndicatorHTML {
    let report: IndicatorReport
    let text: DashboardStrings
    let dates: DateLabels
    /// Audience labels in the dashboard's language, by id.
    let labels: [String: String]

    public static func render(_ report: IndicatorReport, inventory: [InventoryRow], strings: DashboardStrings) -> String {
        IndicatorHTML(report: report, strings: strings).page(inventory: inventory)
    }

    init(report: IndicatorReport, strings: DashboardStrings) {
        self.report = report
        text = strings
        dates = DateLabels(language: strings.language)
        labels = Dictionary(report.audiences.map { ($0.audience.id, $0.audience.label[strings.language] ?? $0.audience.id) },
                            uniquingKeysWith: { first, _ in first })
    }

    /// The sections in page order: id of the heading (kept the same in every language), heading.
    static let sections: [(id: String, heading: DashboardText)] = [
        ("indicateur", .indicatorHeading), ("graphique", .chartHeading), ("historique", .historyHeading),
        ("calendrier", .calendarHeading), ("traductions", .translationsHeading),
        ("textes-de-reference", .sourcesHeading), ("inventaire", .inventoryHeading),
    ]

    func page(inventory: [InventoryRow]) -> String {
        let period = text.plain(.period, ["from": dates.label(report.period.from), "to": dates.label(report.period.to)])
        let contents = Self.sections.map { "<li><a href=\"#\($0.id)\">\(text.html($0.heading))</a></li>" }.joined(separator: "\n")
        var html = """
        <!DOCTYPE html>
        <html lang="\(escape(text.language))">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>\(text.html(.documentTitle, ["period": period]))</title>
        <style>
        \(Self.style)
        </style>
        </head>
        <body>
        <a class="skip-link" href="#content">\(text.html(.skipLink))</a>
        <header>
        <h1>\(text.html(.heading))</h1>
        <p>\(text.html(.introduction, ["period": period]))</p>
        </header>
        <nav aria-label="\(text.html(.contents))">
        <ul>
        \(contents)
        </ul>
        </nav>
        <main id="content" tabindex="-1">

        """
        html += indicatorTable()
        html += chart()
        html += history()
        html += calendar()
        html += coverage()
        html += sourcesCoverage(inventory)
        html += inventoryTable(inventory)
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    /// Readable from 320 px: the page wraps long words (file paths); tables and the chart scroll in their region.
    static let style = """
    *, *::before, *::after { box-sizing: border-box; }
    body { font-family: system-ui, sans-serif; font-size: 1rem; color: #1e1e1e; background: #fff; margin: 0 auto; padding: 1rem; max-width: 80rem; line-height: 1.5; overflow-wrap: break-word; }
    .skip-link { position: absolute; left: 1rem; top: -10rem; background: #fff; padding: 0.5rem; }
    .skip-link:focus { top: 0.5rem; }
    h1 { font-size: 1.75rem; line-height: 1.25; }
    nav ul { padding-left: 1.25rem; }
    .scroll { overflow-x: auto; max-width: 100%; margin: 1rem 0; }
    table { border-collapse: collapse; }
    /* The caption stays in view, within the screen, while its table scrolls under it. */
    caption { text-align: left; font-weight: bold; padding: 0.25rem 0; position: sticky; left: 0; max-width: calc(100vw - 2rem); }
    th, td { border: 1px solid #666; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
    td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
    td ul { margin: 0; padding-left: 1.25rem; }
    .path { overflow-wrap: anywhere; min-width: 12rem; }
    .overdue { background: #ffe9e6; font-weight: bold; }
    .overdue th::before { content: "⚠ "; }
    svg text { font-size: 14px; fill: #1e1e1e; }
    a { color: #000091; }
    :focus { outline: 3px solid #0063cb; outline-offset: 2px; }
    """

    /// Quotes too, though most of these go between tags.
    func escape(_ text: String) -> String { MarkupEscaping.attribute(text) }

    func label(_ figures: AudienceFigures) -> String { escape(labels[figures.audience.id] ?? figures.audience.id) }

    func section(_ id: String, _ body: String) -> String {
        let heading = Self.sections.first { $0.id == id }!.heading
        return "<section aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(text.html(heading))</h2>\n\(body)</section>\n"
    }

    /// A table in a region of its own that scrolls sideways when the table is wider than the screen:
    /// reachable by keyboard (so that it scrolls without a mouse) and named by the table's caption.
    func table(_ id: String, caption: DashboardText, head: [String], body: [String], foot: String = "") -> String {
        """
        <div class="scroll" role="region" tabindex="0" aria-labelledby="\(id)-caption">
        <table id="\(id)">
        <caption id="\(id)-caption">\(text.html(caption))</caption>
        <thead><tr>\(head.joined())</tr></thead>
        <tbody>
        \(body.map { $0 + "\n" }.joined())</tbody>\(foot.isEmpty ? "" : "\n<tfoot>\(foot)</tfoot>")
        </table>
        </div>

        """
    }

    func column(_ key: DashboardText, _ values: [String: String] = [:], number: Bool = false) -> String {
        "<th scope=\"col\"\(number ? " class=\"number\"" : "")>\(text.html(key, values))</th>"
    }

    func number(_ value: Int) -> String { "<td class=\"number\">\(value)</td>" }

    /// A file path or URL that may break after each `/` on a narrow screen rather than inside a word.
    func path(_ text: String) -> String { escape(text).replacingOccurrences(of: "/", with: "/<wbr>") }

    func indicatorTable() -> String {
        let languages = report.languages
        let head = [column(.audience)] + languages.map { column(.pagesIn, ["language": $0], number: true) } + [column(.distinctPages, number: true)]
            + languages.map { column(.newIn, ["language": $0], number: true) } + [column(.newDistinct, number: true)]
        func cells(_ pages: Counts, _ new: Counts) -> String {
            (languages.map { number(pages[$0]) } + [number(pages.distinct)] + languages.map { number(new[$0]) } + [number(new.distinct)]).joined()
        }
        let body = report.audiences.map { "<tr><th scope=\"row\">\(label($0))</th>\(cells($0.pages, $0.new))</tr>" }
        let foot = "<tr><th scope=\"row\">\(text.html(.total))</th>\(cells(report.totalPages, report.totalNew))</tr>"
        return section("indicateur", table("table-indicateur", caption: .indicatorCaption, head: head, body: body, foot: foot))
    }

    /// Horizontal bars under each audience's name: distinct pages, and the new ones of the period;
    /// the indicator table is the text alternative. It scrolls in its region on narrow screens
    /// rather than shrinking its text.
    func chart() -> String {
        let labelHeight = 22, barHeight = 18, gap = 12, scaleWidth = 420, width = scaleWidth + 120
        let rowHeight = labelHeight + 2 * barHeight + gap
        let maximum = max(report.audiences.map(\.pages.distinct).max() ?? 1, 1)
        let height = report.audiences.count * rowHeight + 10
        var svg = "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"graphique-titre\">\n"
        svg += "<svg role=\"img\" aria-labelledby=\"graphique-titre\" aria-describedby=\"table-indicateur\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
        svg += "<title id=\"graphique-titre\">\(text.html(.chartTitle))</title>\n"
        for (row, figures) in report.audiences.enumerated() {
            let y = row * rowHeight + 4, bars = row * rowHeight + 4 + labelHeight
            let total = figures.pages.distinct * scaleWidth / maximum, new = figures.new.distinct * scaleWidth / maximum
            svg += "<text x=\"0\" y=\"\(y + 15)\">\(label(figures))</text>\n"
            svg += "<rect x=\"0\" y=\"\(bars)\" width=\"\(total)\" height=\"\(barHeight)\" fill=\"#000091\" />"
            svg += "<text x=\"\(total + 6)\" y=\"\(bars + barHeight - 4)\">\(figures.pages.distinct)</text>\n"
            svg += "<rect x=\"0\" y=\"\(bars + barHeight)\" width=\"\(new)\" height=\"\(barHeight)\" fill=\"#6a6af4\" />"
            svg += "<text x=\"\(new + 6)\" y=\"\(bars + 2 * barHeight - 4)\">\(text.html(.chartNew, ["count": String(figures.new.distinct)]))</text>\n"
        }
        return section("graphique", svg + "</svg>\n</div>\n")
    }

    func history() -> String {
        guard let first = report.historyByYear.keys.min() else { return section("historique", "<p>\(text.html(.historyEmpty))</p>\n") }
        var cumulative = 0
        let body = (first...report.period.to.year).map { year in
            let new = report.historyByYear[year] ?? 0
            cumulative += new
            return "<tr><th scope=\"row\">\(year)</th>\(number(new))\(number(cumulative))</tr>"
        }
        let head = [column(.year), column(.newPages, number: true), column(.totalAtYearEnd, number: true)]
        return section("historique", table("table-historique", caption: .historyCaption, head: head, body: body))
    }

    /// Audiences due by the end of the period (their `cog` year has come) and still without a page are overdue.
    func calendar() -> String {
        let body = report.audiences.map { figures in
            let due = figures.audience.cog.map { $0 <= report.period.to.year } ?? false
            let state: DashboardText = figures.pages.distinct > 0 ? .statePublished : (due ? .stateOverdue : .stateUpcoming)
            let overdue = due && figures.pages.distinct == 0
            return "<tr\(overdue ? " class=\"overdue\"" : "")><th scope=\"row\">\(label(figures))</th><td class=\"number\">\(figures.audience.cog.map(String.init) ?? "—")</td>\(number(figures.pages.distinct))<td>\(text.html(state))</td></tr>"
        }
        let head = [column(.audience), column(.plannedYear, number: true), column(.distinctPages, number: true), column(.state)]
        return section("calendrier", table("table-calendrier", caption: .calendarCaption, head: head, body: body))
    }

    func coverage() -> String {
        let perLanguage = report.languages.map { text.plain(.pagesInLanguage, ["count": String(report.totalPages[$0]), "language": $0]) }
        var html = "<p>\(text.html(.coverageSummary, ["languages": perLanguage.joined(separator: ", "), "distinct": String(report.totalPages.distinct)]))</p>\n"
        func list(_ files: [String]) -> String {
            files.isEmpty ? text.html(.none) : "<ul>" + files.map { "<li>\(path($0))</li>" }.joined() + "</ul>"
        }
        let body = report.audiences.map {
            "<tr><th scope=\"row\">\(label($0))</th><td class=\"path\">\(list($0.missingTranslations))</td><td class=\"path\">\(list($0.outdatedTranslations))</td></tr>"
        }
        html += table("table-traductions", caption: .coverageCaption, head: [column(.audience), column(.missingTranslations), column(.outdatedTranslations)], body: body)
        if !report.undated.isEmpty {
            html += "<p>\(text.html(.undated, ["files": report.undated.joined(separator: ", ")]))</p>\n"
        }
        return section("traductions", html)
    }

    /// The published pages of Content/ that cite no legal or official text (`sources:`), which a reader
    /// cannot check. Pages made from data are left out: their data file's schema already refuses a fact
    /// without its source, and the directory states no fact of its own.
    func sourcesCoverage(_ rows: [InventoryRow]) -> String {
        let published = rows.filter { !$0.draft && !$0.fromData }
        let uncited = published.filter { $0.sources == 0 }
        var html = "<p>\(text.html(.sourcesSummary, ["cited": String(published.count - uncited.count), "published": String(published.count)])) (<code>sources:</code>).</p>\n"
        if !uncited.isEmpty {
            html += "<p>\(text.html(.uncitedPages))</p>\n<ul>\n" + uncited.map { "<li>\(path($0.file))</li>\n" }.joined() + "</ul>\n"
        }
        return section("textes-de-reference", html)
    }

    func inventoryTable(_ rows: [InventoryRow]) -> String {
        let keys: [DashboardText] = [.language, .file, .address, .title, .audiences, .date, .lastmod, .draft, .sources, .words, .readability,
                                     .errors, .warnings, .translation, .fromData]
        let body = rows.map { "<tr>" + inventoryCells($0).joined() + "</tr>" }
        return section("inventaire", table("table-inventaire", caption: .inventoryCaption, head: keys.map { column($0) }, body: body))
    }

    /// One page's cells, in the columns of `PageInventory.columns`, written for the dashboard's reader.
    func inventoryCells(_ row: InventoryRow) -> [String] {
        // A title in another language than the dashboard's is read in its own.
        let titleLanguage = row.language == text.language ? "" : " lang=\"\(escape(row.language))\""
        let measures = row.measures
        let readability = measures?.readability.map { String(format: "%.1f", $0).replacingOccurrences(of: ".", with: text.plain(.decimalSeparator)) }
        return [
            "<td>\(escape(row.language))</td>",
            "<td class=\"path\">\(path(row.file))</td>",
            "<td class=\"path\">\(path(row.url))</td>",
            "<td\(titleLanguage)>\(escape(row.title))</td>",
            "<td>\(escape(row.audiences.map { labels[$0] ?? $0 }.joined(separator: ", ")))</td>",
            "<td>\(date(row.date))</td>",
            "<td>\(date(row.lastmod))</td>",
            "<td>\(text.html(row.draft ? .yes : .no))</td>",
            number(row.sources),
            "<td class=\"number\">\(measures.map { String($0.words) } ?? "")</td>",
            "<td class=\"number\">\(readability ?? "")</td>",
            "<td class=\"number\">\(measures.map { String($0.errors) } ?? "")</td>",
            "<td class=\"number\">\(measures.map { String($0.warnings) } ?? "")</td>",
            "<td>\(translation(row.translation))</td>",
            "<td>\(text.html(row.fromData ? .yes : .no))</td>",
        ]
    }

    /// A day written as the language writes it, machine-readable in `datetime`.
    func date(_ isoDay: String?) -> String {
        guard let isoDay, let day = PageDate(isoDay) else { return escape(isoDay ?? "") }
        return "<time datetime=\"\(escape(isoDay))\">\(escape(dates.label(day)))</time>"
    }

    func translation(_ state: TranslationState) -> String {
        switch state {
        case .source: text.html(.translationSource)
        case .upToDate: text.html(.translationUpToDate)
        case .outdated: text.html(.translationOutdated)
        case .inProgress: text.html(.translationInProgress)
        case .missing(let languages): text.html(.translationMissing, ["languages": languages.joined(separator: ", ")])
        }
    }
}
