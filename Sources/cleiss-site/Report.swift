import ArgumentParser
import Diagnostics
import Foundation
import Indicators
import SiteBuilder

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "IS.II.B.1 and the page inventory.",
        subcommands: [Indicator.self, Pages.self],
        defaultSubcommand: Indicator.self
    )
}

struct Indicator: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count the pages dedicated to each target audience (indicator IS.II.B.1) and audit translations.",
        discussion: """
        A page counts in the period when it is not a draft and its date is on or before the period's last day; \
        it is new when its date falls inside the period. 'distinct' counts the versions of one page once. \
        A page without a date takes its first commit day in git. With --format csv and --output, a Table Schema \
        (schema.json) describing the columns is written beside the file.
        """
    )

    @OptionGroup var source: SourceOption

    @Option(name: .long, help: ArgumentHelp("The calendar year measured (default: this year).", valueName: "Y"))
    var year: Int?

    @Option(name: .long, help: ArgumentHelp("The first day of the period, with --to.", valueName: "DATE"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("The last day of the period, with --from.", valueName: "DATE"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("Output format; html is a dashboard to open from disk.", valueName: "text|csv|json|html"))
    var format: String = "text"

    @Option(name: .long, help: ArgumentHelp("The dashboard's language, one of the site's (default: its first language); with --format html.", valueName: "LANG"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of the terminal.", valueName: "PATH"))
    var output: String?

    func validate() throws {
        if lang != nil && format != IndicatorFormat.html.rawValue { throw ValidationError("--lang is the language of the dashboard: it goes with --format html") }
        if year != nil && (from != nil || to != nil) { throw ValidationError("give either --year or --from and --to, not both") }
        if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together") }
        if IndicatorFormat(rawValue: format) == nil {
            throw ValidationError("--format must be one of \(IndicatorFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let period: ReportPeriod
        do throws(ReportPeriod.Problem) {
            if let from, let to { period = try ReportPeriod(from: from, to: to) } else {
                period = try ReportPeriod(year: year ?? Calendar(identifier: .gregorian).component(.year, from: Date()))
            }
        } catch {
            Console.printError("error: \(error.description)")
            throw ExitCode(2)
        }
        let site = try ReportCommand.load(root: source.url)
        let report = IndicatorCalculator.compute(content: site.content, period: period, history: site.history)
        for file in report.undated {
            Console.printError("\(file): warning: no date and no git history: counted as existing, not as new")
        }
        let format = IndicatorFormat(rawValue: format)!
        var dashboard: DashboardStrings?
        if format == .html {
            do throws(DashboardStrings.Problem) {
                dashboard = try DashboardStrings.choose(lang, siteLanguages: site.content.configuration.languages)
            } catch {
                Console.printError("error: \(error.description)")
                throw ExitCode(2)
            }
        }
        let inventory = format == .html ? try ReportCommand.inventory(of: site) : []
        var extra: [(String, String)] = []
        if format == .csv { extra.append(("schema.json", IndicatorCSV.schema(languages: report.languages))) }
        try ReportCommand.emit(format.render(report, inventory: inventory, dashboard: dashboard), to: output, besides: extra)
    }
}

struct Pages: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The page inventory alone, for spreadsheets: language, file, URL, title, audiences, dates, words, readability, charter findings, translation status."
    )

    @OptionGroup var source: SourceOption

    @Option(name: .long, help: ArgumentHelp("Output format.", valueName: "csv|json"))
    var format: String = "csv"

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of the terminal.", valueName: "PATH"))
    var output: String?

    func validate() throws {
        guard ["csv", "json"].contains(format) else { throw ValidationError("--format must be csv or json") }
    }

    func run() throws {
        let rows = try ReportCommand.inventory(of: ReportCommand.load(root: source.url))
        try ReportCommand.emit(format == "csv" ? PageInventory.csv(rows) : PageInventory.json(rows), to: output)
    }
}

/// The report commands' loading (through `ReportedSite`, the step every command takes) and output.
enum ReportCommand {
    /// The site with every page, drafts too; its errors printed, exit 1; its warnings printed as `build` prints them.
    static func load(root: URL) throws -> ReportedSite {
        let site = try Console.runReportingDiagnostics(failure: "report failed", keepsOutput: false) { try ReportedSite.load(root: root) }
        Console.printDiagnostics(site.warnings)
        return site
    }

    /// The inventory, with the charter's measures of each page.
    static func inventory(of site: ReportedSite) throws -> [InventoryRow] {
        let charter = site.charterReport(try CharterSetup.checker(root: site.loaded.root, configuration: site.content.configuration))
        let counts = Dictionary(grouping: charter.findings, by: \.file)
        let measures = Dictionary(charter.pages.map { page in
            let findings = counts[page.file] ?? []
            return (page.file, PageMeasures(words: page.words, readability: page.readability,
                                            errors: findings.count { $0.severity == .error }, warnings: findings.count { $0.severity == .warning }))
        }, uniquingKeysWith: { first, _ in first })
        return PageInventory.rows(content: site.content, history: site.history, measures: measures)
    }

    /// Prints `text`, or writes it to `output` with the `besides` files in the same folder.
    static func emit(_ text: String, to output: String?, besides: [(name: String, text: String)] = []) throws {
        guard let output else {
            print(text, terminator: "")
            return
        }
        let url = URL(fileURLWithPath: output, relativeTo: currentDirectory).standardizedFileURL
        do {
            try Data(text.utf8).write(to: url)
            for file in besides {
                try Data(file.text.utf8).write(to: url.deletingLastPathComponent().appendingPathComponent(file.name))
            }
        } catch {
            Console.printError("error: cannot write \(url.path): \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }
}
