import ArgumentParser
import Configuration
import ContentLoading
import Diagnostics
import Foundation
import GitHistory
import Indicators

import Charter

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

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of the terminal.", valueName: "PATH"))
    var output: String?

    func validate() throws {
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
        let site = try ReportedSite.load(root: source.url)
        let report = IndicatorCalculator.compute(content: site.content, period: period, history: site.history)
        for file in report.undated {
            Console.printError("\(file): warning: no date and no git history: counted as existing, not as new")
        }
        let format = IndicatorFormat(rawValue: format)!
        let inventory = format == .html ? try site.inventory() : []
        var extra: [(String, String)] = []
        if format == .csv { extra.append(("schema.json", IndicatorCSV.schema(languages: report.languages))) }
        try ReportedSite.emit(format.render(report, inventory: inventory), to: output, besides: extra)
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
        let rows = try ReportedSite.load(root: source.url).inventory()
        try ReportedSite.emit(format == "csv" ? PageInventory.csv(rows) : PageInventory.json(rows), to: output)
    }
}

/// The site as the report commands read it: every page (drafts too), git history, charter measures.
struct ReportedSite {
    let root: URL
    let content: SiteContent
    let history: GitHistory?

    static func load(root: URL) throws -> ReportedSite {
        try Console.runReportingDiagnostics { () throws -> ReportedSite in
            let configuration = try ConfigurationLoader.load(root: root)
            let loaded = try ContentLoader.load(root: root, configuration: configuration, languages: configuration.languages)
            if loaded.pages.isEmpty {
                throw DiagnosticsError(.error(SourceLocation(file: ContentLoader.contentFolder), "the site has no pages to count",
                                              hint: "add Markdown pages under Content/<language>/"))
            }
            let content = try SiteContent(configuration: configuration, loaded: loaded, includeDrafts: true)
            return ReportedSite(root: root, content: content, history: GitHistory.read(root: root))
        }
    }

    /// The inventory, with the charter's measures of each page.
    func inventory() throws -> [InventoryRow] {
        let (_, checker) = try CharterSetup.load(root: root, profile: nil)
        var measures: [String: PageMeasures] = [:]
        for page in content.pages {
            let (findings, statistics) = checker.check(page.source)
            measures[page.source.path] = PageMeasures(words: statistics.words, readability: statistics.readability,
                                                      errors: findings.count { $0.severity == .error }, warnings: findings.count { $0.severity == .warning })
        }
        return PageInventory.rows(content: content, history: history, measures: measures)
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
