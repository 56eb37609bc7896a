import Foundation
import SiteBuilder

/// What one rebuild of the preview did, for its line in the terminal.
public struct PreviewBuildReport: Sendable {
    /// The report of the build itself (pages per language, warnings, charter summary).
    public var build: BuildReport
    /// The HTML pages added, removed or changed in the output.
    public var changedPages: Int
    /// Wall time of the rebuild, in milliseconds.
    public var milliseconds: Int
}

/// The one place where the preview rebuilds the site.
///
/// Today each rebuild is a full `SiteBuilder.build`; an incremental builder that keeps state between
/// rebuilds will replace the body of `rebuild(changed:)` and keep this interface. That is why it
/// receives the changed source paths (relative to the site root, `*` when events were lost) even
/// though the full build does not use them yet.
public final class PreviewBuilder: @unchecked Sendable {
    public let options: BuildOptions
    /// Rebuilds never overlap: the lock keeps the state of one from being seen half-updated by another.
    private let lock = NSLock()
    private var snapshot = OutputSnapshot()

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Rebuilds the site into `options.output`. On failure it throws the build's error
    /// (`DiagnosticsError` for content problems) and the previous output stays in place.
    public func rebuild(changed: [String]) throws -> PreviewBuildReport {
        lock.lock()
        defer { lock.unlock() }
        let start = ContinuousClock.now
        let report = try SiteBuilder.build(options)
        let after = OutputSnapshot(folder: options.output)
        let changedPages = after.changedPages(since: snapshot)
        snapshot = after
        return PreviewBuildReport(build: report, changedPages: changedPages,
                                  milliseconds: Int(((ContinuousClock.now - start) / .milliseconds(1)).rounded()))
    }
}
