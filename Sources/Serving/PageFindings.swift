import Charter
import Configuration
import ContentLoading
import Foundation
import LinkChecking

/// Each page's charter findings after the last good build, for the preview's charter panel
/// (`/__cleiss-site/findings?page=/fr/x/`, read by `PanelScript`). Replaced after every successful
/// rebuild, before the pages are told to reload, so that a reloaded page gets the findings of its build.
public final class PageFindings: @unchecked Sendable {
    /// One finding as the panel shows it.
    struct Entry: Codable, Equatable {
        var rule: String
        var severity: String
        var message: String
        var suggestion: String?
        var file: String
        var line: Int
        var column: Int
        /// The text to look for in the page and how many of its characters to mark (see `FindingPassage`).
        var passage: String?
        var marked: Int?
        var occurrences: Int?
        var occurrence: Int?
        /// The link that opens the file at the line, when site.yml has an `editor:` template.
        var editorURL: String?
    }

    private let lock = NSLock()
    /// Output path of each page (`fr/x/index.html`) → its findings.
    private var pages: [String: [Entry]] = [:]

    public init() {}

    /// Takes the findings of the last build: each built page's, with its passage and editor link.
    /// `root`: the site root, which makes the paths absolute for the editor.
    func update(findings: [Finding], sources: [String: LinkChecker.PageSource], editor: EditorLink?, root: URL) {
        let byFile = Dictionary(grouping: findings, by: \.file)
        let rootPath = root.standardizedFileURL.path
        var next: [String: [Entry]] = [:]
        for (outputPath, source) in sources {
            let pageFindings = byFile[source.path] ?? []
            let plainBody = pageFindings.isEmpty ? "" : FindingPassage.plain(source.text)
            next[outputPath] = pageFindings.map { finding in
                let passage = FindingPassage(body: source.text, plainBody: plainBody, firstLine: source.firstLine, line: finding.line, column: finding.column,
                                             subject: finding.subject ?? Self.quotedPhrase(finding.message))
                let absolute = (rootPath as NSString).appendingPathComponent(finding.file)
                return Entry(rule: finding.rule.rawValue, severity: finding.severity.rawValue, message: finding.message, suggestion: finding.suggestion,
                             file: finding.file, line: finding.line, column: finding.column, passage: passage?.text, marked: passage?.marked,
                             occurrences: passage?.occurrences, occurrence: passage?.occurrence,
                             editorURL: editor?.url(path: absolute, line: finding.line, column: finding.column))
            }
        }
        lock.withLock { pages = next }
    }

    /// The findings of the page at `urlPath` (`/fr/x/`), as JSON: `{"page": …, "findings": […]}`. A path
    /// that is no page of the build (a 404) has none.
    func json(forPage urlPath: String) -> Data {
        let entries = lock.withLock { pages[URLPaths.outputPath(forURL: urlPath)] ?? [] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(Answer(page: urlPath, findings: entries))) ?? Data("{\"findings\":[]}".utf8)
    }

    struct Answer: Codable {
        var page: String
        var findings: [Entry]
    }

    /// The phrase a message starts with between quotes (“pallier à” has a plainer equivalent): the words the finding is about.
    static func quotedPhrase(_ message: String) -> String? {
        guard message.hasPrefix("“"), let close = message.dropFirst().firstIndex(of: "”") else { return nil }
        return String(message[message.index(after: message.startIndex)..<close])
    }
}
