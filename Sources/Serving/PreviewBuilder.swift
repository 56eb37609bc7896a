import Foundation
import SiteBuilder

/// What one rebuild of the preview did, for its line in the terminal.
public struct PreviewBuildReport: Sendable {
    /// The report of the build itself (pages per language, warnings, charter summary).
    public var build: BuildReport
    /// The files of the output written (their bytes changed, or they are new) or removed.
    public var changedFiles: Int
    /// Wall time of the rebuild, in milliseconds.
    public var milliseconds: Int
}

/// The one place where the preview rebuilds the site.
///
/// It keeps one `BuildSession`, so that each rebuild reads, checks and renders again only what the
/// changes touch and writes only the files whose bytes change. The changed source paths (relative to
/// the site root, `*` when events were lost) let it take the short way when only texts were edited;
/// otherwise the session compares each file's signature and each page's inputs itself.
public final class PreviewBuilder: @unchecked Sendable {
    public let options: BuildOptions
    /// Rebuilds never overlap: the lock keeps the state of one from being seen half-updated by another.
    private let lock = NSLock()
    private let session = BuildSession()
    /// Each page's charter findings after the last good build, for the charter panel.
    public let findings = PageFindings()

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Rebuilds the site into `options.output`. On failure it throws the build's error
    /// (`DiagnosticsError` for content problems) and the previous output stays in place.
    public func rebuild(changed: [String]) throws -> PreviewBuildReport {
        lock.lock()
        defer { lock.unlock() }
        let start = ContinuousClock.now
        if changed.contains("*") { session.reset() }
        let report = try session.build(options, changed: changed)
        findings.update(findings: session.charterFindings, sources: session.pageSources, editor: session.configuration?.editor, root: options.source)
        return PreviewBuildReport(build: report, changedFiles: report.files.written + report.files.removed,
                                  milliseconds: Int(((ContinuousClock.now - start) / .milliseconds(1)).rounded()))
    }
}
