import Configuration
import Diagnostics

/// A Markdown file as `ContentLoader.load` reads it for every command: every problem `load` reports for it, and its page whenever a
/// body can be found — also under a wrong front matter, so that the body is still checked.
public struct CheckedFile: Sendable {
    /// Relative to the site root.
    public var path: String
    /// The language of its folder.
    public var language: String
    /// False for a problem of a folder's listing (a folder that cannot be read, a link that leaves the site): no page.
    public var isPage: Bool
    /// Nil when there is no body to check: the file cannot be read, is over a limit, is empty or its front matter is never closed.
    public var page: SourcePage?
    /// Problems of the file itself: reading it, `limits:`, NUL characters, the folder listing.
    public var sourceDiagnostics: [Diagnostic] = []
    /// Problems of its front matter; `page` holds what could be read of it.
    public var frontMatterDiagnostics: [Diagnostic] = []

    public var frontMatterHasErrors: Bool { frontMatterDiagnostics.hasErrors }

    /// The file as `build` takes it: its page and warnings when it has no error, every problem otherwise.
    public var asPage: Swift.Result<(SourcePage, [Diagnostic]), DiagnosticsError> {
        let diagnostics = sourceDiagnostics + frontMatterDiagnostics
        guard let page, !diagnostics.hasErrors else { return .failure(DiagnosticsError(diagnostics)) }
        return .success((page, diagnostics))
    }

    /// A page's text read as `ContentLoader.parsePage` reads it, every problem kept.
    static func reading(_ text: String, language: String, relativePath: String, audiences: [String], limits: InputLimits) -> CheckedFile {
        let path = "\(ContentLoader.contentFolder)/\(language)/\(relativePath)"
        var file = CheckedFile(path: path, language: language, isPage: true)
        let (text, limitProblems) = PageLimitScan(file: path, limits: limits).check(text)
        file.sourceDiagnostics = limitProblems
        // Over a limit, the text is not parsed at all: that is what the limits are for.
        guard !limitProblems.hasErrors else { return file }
        let reading = FrontMatterParser.read(text, file: path, audiences: audiences)
        file.frontMatterDiagnostics = reading.diagnostics
        if let body = reading.body {
            let kind: PageKind = relativePath == "_index.md" ? .home : (relativePath.hasSuffix("/_index.md") ? .section : .page)
            file.page = SourcePage(language: language, path: path, relativePath: relativePath, kind: kind,
                                   frontMatter: reading.frontMatter, body: body.text, bodyFirstLine: body.firstLine)
        }
        return file
    }
}
