import Foundation
import Support

/// `check --format github`: one workflow command per finding, which GitHub Actions turns into an
/// annotation on the file and line (shown on the pull request's changed lines), then the summary.
/// Format: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
enum GitHubReport {
    static func render(_ report: CharterReport) -> String {
        var lines = report.findings.map { finding in
            let properties = [("file", finding.file), ("line", String(finding.line)), ("col", String(finding.column)),
                              ("title", "cleiss-site \(finding.rule.rawValue)")]
                .map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
            return "::\(command(finding.severity)) \(properties)::\(escapeData(finding.message + (finding.suggestion.map { "\n" + $0 } ?? "")))"
        }
        lines.append(TextReport.summary(report))
        return lines.joined(separator: "\n") + "\n"
    }

    static func command(_ severity: FindingSeverity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// The message: `%`, CR and LF are encoded, as the runner decodes them (a suggestion shows on its own line).
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A property's value: also `:` and `,`, which would end it.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

/// `check --format gitlab`: a Code Quality report (a JSON array in Code Climate's issue format), which
/// GitLab shows in the merge request's widget and on the changed lines of its diff.
/// Format: https://docs.gitlab.com/ci/testing/code_quality/ ("Code Quality report format").
enum GitLabReport {
    struct Issue: Encodable {
        struct Lines: Encodable { var begin: Int }
        struct Position: Encodable { var line: Int; var column: Int }
        struct Positions: Encodable { var begin: Position }
        /// `lines.begin` is what GitLab's documentation shows; `positions` keeps the column for tools that read it.
        struct Location: Encodable { var path: String; var lines: Lines; var positions: Positions }
        var type = "issue"
        var check_name: String
        var description: String
        var categories = ["Style"]
        var severity: String
        var fingerprint: String
        var location: Location
    }

    static func render(_ report: CharterReport) -> String {
        var occurrences: [String: Int] = [:]
        let issues = report.findings.map { finding in
            // Stable across edits elsewhere in the file (no line in it), unique (the n-th same finding of a
            // file): GitLab compares the fingerprints of the target branch and the merge request's to tell
            // new findings from fixed ones.
            let identity = [finding.file, finding.rule.rawValue, finding.message].joined(separator: "\u{1F}")
            occurrences[identity, default: 0] += 1
            let fingerprint = Digest.sha256(Data((identity + "\u{1F}\(occurrences[identity]!)").utf8))
            return Issue(check_name: finding.rule.rawValue, description: finding.message + (finding.suggestion.map { " " + $0 } ?? ""),
                         severity: severity(finding.severity), fingerprint: fingerprint,
                         location: .init(path: finding.file, lines: .init(begin: finding.line),
                                         positions: .init(begin: .init(line: finding.line, column: finding.column))))
        }
        return JSONReport.encode(issues)
    }

    /// Code Climate's scale: info, minor, major, critical, blocker. An error fails the check: major.
    static func severity(_ severity: FindingSeverity) -> String {
        switch severity {
        case .error: "major"
        case .warning: "minor"
        case .info: "info"
        }
    }
}
