import ArgumentParser
import Charter
import Configuration
import Diagnostics
import Foundation
import SiteBuilder

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every page against the editorial charter.",
        discussion: """
        Rules: \(RuleID.configurable.map(\.rawValue).joined(separator: ", ")). Configure them in the 'charter:' section of site.yml \
        or in charter.yml. Silence a rule in a page with <!-- charter-disable RULE --> … <!-- charter-enable RULE --> \
        or <!-- charter-ignore-next-line RULE -->. Exit codes: 0 no error, 1 an error-severity finding, 2 usage or configuration errors.
        """
    )

    @OptionGroup var source: SourceOption

    @Option(name: .long, help: ArgumentHelp("Output format.", valueName: "text|json|sarif|github|gitlab (with --unknown-words: text|json|csv)"))
    var format: String = "text"

    @Flag(name: .customLong("unknown-words"), help: ArgumentHelp("List the words the spelling rule does not know, once each, with their uses, pages and suggestions, and the 'words:' line to paste."))
    var unknownWords = false

    @Option(name: .long, help: ArgumentHelp("The charter profile: public (default) or falc (easy to read).", valueName: "NAME"))
    var profile: String?

    @Flag(name: .long, help: "Apply the mechanical fixes (typography) in place, then report what remains.")
    var fix = false

    @Flag(name: .long, help: ArgumentHelp("Also build the site and check its links: every internal link and #anchor, hreflang alternates, canonical URLs, sitemap.xml."))
    var links = false

    @Option(name: .long, help: ArgumentHelp("With --links: check the site already built in DIR instead of building it.", valueName: "DIR"))
    var site: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("With --site: the base URL it was built with, if not site.yml's.", valueName: "URL"))
    var baseURL: String?

    @Argument(help: ArgumentHelp("Files or folders to check (default: all of Content/).", valueName: "PATH"))
    var paths: [String] = []

    func run() throws {
        if site != nil && !links || baseURL != nil && site == nil {
            throw ValidationError("--site goes with --links, and --base-url with --site")
        }
        if unknownWords {
            guard !fix && !links else { throw ValidationError("--unknown-words only lists words: it goes without --fix and --links") }
            guard let format = UnknownWordsReport.Format(rawValue: format) else {
                throw ValidationError("with --unknown-words, --format must be one of \(UnknownWordsReport.Format.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return try listUnknownWords(format: format)
        }
        guard let format = ReportFormat(rawValue: format) else {
            throw ValidationError("--format must be one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let root = source.url
        let site = try CharterSetup.site(root: root)
        let checker = try CharterSetup.checker(root: root, configuration: site.configuration, profile: profile)
        let selected = try CheckedPaths.pages(relativePaths(root: root), root: root, configuration: site.configuration)
        var report = site.charterReport(checker, paths: selected)
        if fix {
            let fixes = Dictionary(grouping: report.findings.compactMap { finding in finding.fix.map { (finding.file, $0) } }, by: \.0)
            for (file, entries) in fixes.sorted(by: { $0.key < $1.key }) {
                let notApplied: [TypographyFixer.NotApplied]
                switch TypographyFixer.apply(entries.map(\.1), to: root.appendingPathComponent(file), within: root) {
                case .fixed(let count, let skipped):
                    Console.printError("\(file): \(count) fix\(count == 1 ? "" : "es") applied")
                    notApplied = skipped
                case .unchanged(let skipped): notApplied = skipped
                case .refused(let reason):
                    Console.printError("\(file): not fixed: \(reason)")
                    notApplied = []
                }
                for skipped in notApplied { Console.printError("\(file):\(skipped.fix.line):\(skipped.fix.column): not fixed: \(skipped.reason)") }
            }
            report = try CharterSetup.site(root: root).charterReport(checker, paths: selected)
        }
        print(format.render(report), terminator: "")
        let linkErrors = links ? try checkLinks(root: root) : 0
        if report.errorCount > 0 || linkErrors > 0 { throw ExitCode(1) }
    }

    /// `--unknown-words`: the list instead of the findings; exit 0, since the words may well be right.
    func listUnknownWords(format: UnknownWordsReport.Format) throws {
        let root = source.url
        let site = try CharterSetup.site(root: root)
        let checker = try CharterSetup.checker(root: root, configuration: site.configuration, profile: profile)
        if checker.settings.severity(of: .spelling) == nil {
            Console.printError("note: the spelling rule is off in the charter configuration: no word was checked")
        }
        let selected = try CheckedPaths.pages(relativePaths(root: root), root: root, configuration: site.configuration)
        let report = site.charterReport(checker, paths: selected)
        print(UnknownWordsReport(report: report, checker: checker).render(format), terminator: "")
    }

    /// The links of the built site, reported like the build's problems on standard error; returns the count of errors.
    func checkLinks(root: URL) throws -> Int {
        let folder = site.map { URL(fileURLWithPath: $0, relativeTo: currentDirectory).standardizedFileURL }
        let report = try Console.runReportingDiagnostics {
            if let folder { try SiteBuilder.checkLinks(site: folder, source: root, baseURL: baseURL) } else { try SiteBuilder.checkLinks(source: root, includeDrafts: false) }
        }
        Console.printDiagnostics(report.diagnostics)
        Console.printError(report.summary)
        return report.diagnostics.errors.count
    }

    /// PATH arguments, relative to the current folder, as paths relative to the site root.
    func relativePaths(root: URL) throws -> [String] {
        try paths.map { path in
            let absolute = URL(fileURLWithPath: path, relativeTo: currentDirectory).standardizedFileURL.path
            let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
            guard absolute.hasPrefix(base) || absolute == root.path else {
                throw ValidationError("\(path) is not inside the site \(root.path)")
            }
            return String(absolute.dropFirst(min(base.count, absolute.count)))
        }
    }
}

/// `check`'s view of the loading step (`SiteLoading`, the one of every command): problems of site.yml
/// and of the charter's configuration are configuration errors (exit 2); those of pages are findings.
enum CharterSetup {
    static func site(root: URL) throws -> LoadedSite {
        try exitingOnConfigurationErrors { () throws(DiagnosticsError) in try SiteLoading.load(root: root) }
    }

    static func checker(root: URL, configuration: SiteConfiguration, profile: String? = nil) throws -> CharterChecker {
        try exitingOnConfigurationErrors { () throws(DiagnosticsError) in try SiteLoading.charterChecker(root: root, configuration: configuration, profile: profile) }
    }

    static func exitingOnConfigurationErrors<T>(_ body: () throws(DiagnosticsError) -> T) throws -> T {
        do throws(DiagnosticsError) {
            return try body()
        } catch {
            Console.printDiagnostics(error.diagnostics)
            throw ExitCode(2)
        }
    }
}
