import ArgumentParser
import Diagnostics
import Foundation
import SiteBuilder

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site from site.yml, Content/ and the theme into the output folder.",
        discussion: """
        The build writes into a temporary folder beside the output and swaps it in at the end: \
        a failed build leaves the previous output as it was.
        """
    )

    @OptionGroup var source: SourceOption

    @Option(name: .long, help: ArgumentHelp("The output folder.", valueName: "DIR"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The language to build: a code of site.yml's languages, or all.", valueName: "fr|en|all"))
    var lang: String = "all"

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Replace site.yml's baseURL for the languages built.", valueName: "URL"))
    var baseURL: String?

    @Flag(name: .long, help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Fail on charter errors (see `cleiss-site check`), for CI.")
    var strict = false

    @Flag(name: .long, help: "Build for publication: refuse what must not go online, such as a legal notice whose publication director or host is not set in site.yml.")
    var production = false

    @Flag(name: .customLong("no-search"), help: "Do not index the site for search, even when Pagefind is found.")
    var noSearch = false

    @Flag(name: .long, help: "Also write gzip and brotli twins (page.html.gz, page.html.br) of the text files, for web servers that send them as they are.")
    var compress = false

    @Flag(name: [.long, .customLong("verbose")], help: "Print the time of each stage (load, parse, check, markdown, render, write, search, compress).")
    var timings = false

    /// The build's session, held until the process ends: the system then takes its memory back at
    /// once, where freeing a 10,000-page site value by value took 0.2 s at the end of the build.
    nonisolated(unsafe) static var keptUntilExit: BuildSession?

    func run() throws {
        let root = source.url
        var options = BuildOptions(source: root, output: output.map { URL(fileURLWithPath: $0, relativeTo: currentDirectory).standardizedFileURL },
                                   languages: lang == "all" ? nil : [lang], baseURL: baseURL, includeDrafts: drafts, strict: strict, compress: compress)
        options.search = !noSearch
        options.production = production
        let session = BuildSession(rebuilds: false)
        Build.keptUntilExit = session
        let report = try Console.runReportingDiagnostics { try session.build(options) }
        Console.printDiagnostics(report.warnings)
        print(report.charterSummary)
        print(report.searchSummary)
        if !report.weightSummary.isEmpty { print(report.weightSummary) }
        if timings { print(report.timings) }
        print(report.summary)
    }
}
