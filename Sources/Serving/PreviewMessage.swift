import Diagnostics
import Foundation
import SiteBuilder

/// What the preview tells the person in the terminal, already worded; the command line only prints it.
public enum PreviewMessage: Sendable {
    /// The first build succeeded: its warnings, charter summary and summary, as `build` prints them.
    case firstBuild(PreviewBuildReport)
    /// A rebuild succeeded.
    case rebuilt(PreviewBuildReport, changed: [String])
    /// A build failed: the text printed, and sent to the browsers.
    case failed(BuildFailure)
    /// Where to point the browser.
    case serving(url: String, output: URL, temporary: Bool)
    /// The server cannot accept connections for now (no descriptor left): it keeps trying.
    case cannotAccept(reason: String)

    /// Whether the text goes to standard error.
    public var isError: Bool {
        switch self {
        case .failed, .cannotAccept: true
        default: false
        }
    }

    /// Warnings of a successful build, printed on standard error before its line, like `build` does.
    public var warnings: [String] {
        switch self {
        case .firstBuild(let report), .rebuilt(let report, _): report.build.warnings.map(\.description)
        case .failed, .serving, .cannotAccept: []
        }
    }

    public var text: String {
        switch self {
        case .firstBuild(let report):
            return [report.build.charterSummary, report.build.summary].joined(separator: "\n")
        case .rebuilt(let report, let changed):
            let pages = report.changedFiles == 1 ? "1 file changed" : "\(report.changedFiles) files changed"
            return "rebuilt in \(report.milliseconds) ms: \(pages) (\(Self.list(changed)))"
        case .failed(let failure):
            return failure.text
        case .cannotAccept(let reason):
            return "warning: the preview cannot accept new connections (\(reason)): too many are open for `ulimit -n`; "
                + "it answers again as soon as some close (close unused pages, or raise the limit)"
        case .serving(let url, let output, let temporary):
            return "Output: \(output.path)\(temporary ? " (temporary, removed when serve stops)" : "")\nServing \(url) — Ctrl-C to stop"
        }
    }

    /// `Content/fr/a.md, Content/fr/b.md and 3 more`.
    static func list(_ paths: [String]) -> String {
        let shown = paths.sorted().prefix(3).map { $0 == "*" ? "every source: events were lost" : $0 }
        return shown.joined(separator: ", ") + (paths.count > 3 ? " and \(paths.count - 3) more" : "")
    }
}

/// A failed build, worded as `build` prints it: every problem as `file:line:column: error: message`
/// with its hint, then a count. The browsers get the same text.
public struct BuildFailure: Sendable, Equatable {
    public let text: String

    public init(_ error: any Error, firstBuild: Bool) {
        let outcome = firstBuild ? "the site will be served once it builds" : "still serving the last good site"
        if let error = error as? DiagnosticsError {
            let errors = error.diagnostics.errors.count, warnings = error.diagnostics.warnings.count
            text = (error.diagnostics.map(\.description)
                + ["build failed: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"); \(outcome)"])
                .joined(separator: "\n")
        } else {
            text = "error: \(error)\nbuild failed; \(outcome)"
        }
    }
}
