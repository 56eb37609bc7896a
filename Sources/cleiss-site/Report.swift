import ArgumentParser
import Configuration
import ContentLoading
import Diagnostics
import Foundation
import Indicators

struct Report: ParsableCommand {
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

    @Option(name: .long, help: ArgumentHelp("Output format.", valueName: "text|csv|json"))
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
        let root = source.url
        let report = try Console.runReportingDiagnostics { () throws -> IndicatorReport in
            let configuration = try ConfigurationLoader.load(root: root)
            let loaded = try ContentLoader.load(root: root, configuration: configuration, languages: configuration.languages)
            if loaded.pages.isEmpty {
                throw DiagnosticsError(.error(SourceLocation(file: ContentLoader.contentFolder), "the site has no pages to count",
                                              hint: "add Markdown pages under Content/<language>/"))
            }
            let content = try SiteContent(configuration: configuration, loaded: loaded, includeDrafts: true)
            return IndicatorCalculator.compute(content: content, period: period, history: GitHistory.read(root: root))
        }
        for file in report.undated {
            Console.printError("\(file): warning: no date and no git history: counted as existing, not as new")
        }
        let format = IndicatorFormat(rawValue: format)!
        let text = format.render(report)
        guard let output else {
            print(text, terminator: "")
            return
        }
        let url = URL(fileURLWithPath: output, relativeTo: currentDirectory).standardizedFileURL
        do {
            try Data(text.utf8).write(to: url)
            if format == .csv {
                try Data(IndicatorCSV.schema(languages: report.languages).utf8).write(to: url.deletingLastPathComponent().appendingPathComponent("schema.json"))
            }
        } catch {
            Console.printError("error: cannot write \(url.path): \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }
}
