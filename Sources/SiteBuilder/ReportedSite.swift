import Charter
import ContentLoading
import Diagnostics
import Foundation
import GitHistory

/// The site as `cleiss-site report` counts it: every page, drafts too, loaded by the step every command
/// takes (`SiteLoading`), and what git knows of it. Any error of loading stops the report.
public struct ReportedSite: Sendable {
    public let loaded: LoadedSite
    public let content: SiteContent
    public let history: GitHistory?

    public static func load(root: URL) throws(DiagnosticsError) -> ReportedSite {
        let loaded = try SiteLoading.load(root: root, includeDrafts: true)
        if loaded.diagnostics.hasErrors { throw DiagnosticsError(loaded.diagnostics) }
        if loaded.files.pages.isEmpty {
            throw DiagnosticsError(.error(SourceLocation(file: ContentLoader.contentFolder), "the site has no pages to count",
                                          hint: "add Markdown pages under Content/<language>/"))
        }
        return ReportedSite(loaded: loaded, content: try loaded.structureWithoutErrors(), history: GitHistory.read(root: loaded.root))
    }

    /// The warnings of loading the site and of its structure, as `build` gives them.
    public var warnings: [Diagnostic] { (loaded.diagnostics.warnings + content.diagnostics.warnings).sortedByLocation() }

    /// The charter's findings and measures of every page, checked in parallel as `check` checks them.
    /// The spelling findings keep the default advice: the report counts them, it does not show them.
    public func charterReport(_ checker: CharterChecker) -> CharterReport {
        loaded.charterReport(checker, suggestingSpellings: false)
    }
}
