import CCmarkGFM
import Diagnostics
import Foundation

/// What to do with one link or image destination found in the Markdown.
public enum LinkRewrite: Sendable, Equatable {
    case keep
    case replace(String)
    /// The target does not exist; the reason goes into the error.
    case broken(String)
}

/// A heading of the body, for anchors and for the charter's heading checks.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String
    /// Line in the source file.
    public var line: Int
}

public struct RenderedMarkdown: Sendable {
    public var html: String
    public var headings: [Heading]
    public var diagnostics: [Diagnostic]
}

/// GitHub-flavoured Markdown to HTML through libcmark-gfm, with its extensions.
public struct MarkdownRenderer: Sendable {
    public var allowRawHTML: Bool
    /// Ids the theme already uses, which headings must not take.
    public var reservedIDs: Set<String>
    /// The accessible name of a footnote's back link, in the page's language (cmark-gfm writes it in English).
    public var footnoteBackLabel: String?

    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]
    static let footnoteBackAttribute = "aria-label=\"Back to content\""

    private func escapeAttribute(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "<", with: "&lt;")
    }

    public init(allowRawHTML: Bool = false, reservedIDs: Set<String> = ["content", "footer", "navigation", "header", "main"],
                footnoteBackLabel: String? = nil) {
        self.allowRawHTML = allowRawHTML
        self.reservedIDs = reservedIDs
        self.footnoteBackLabel = footnoteBackLabel
    }

    /// Renders `markdown`, the body of `file` starting at line `firstLine`.
    /// `rewriteLink` is asked about every link and image destination.
    public func render(_ markdown: String, file: String, firstLine: Int = 1,
                       rewriteLink: (String) -> LinkRewrite = { _ in .keep }) -> RenderedMarkdown {
        CoreExtensions.registerOnce()
        // Style attributes instead of the obsolete `align` on table cells.
        var options = CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        guard let parser = cmark_parser_new(options) else {
            return RenderedMarkdown(html: "", headings: [], diagnostics: [.error(SourceLocation(file: file), "the Markdown parser could not start")])
        }
        defer { cmark_parser_free(parser) }
        for name in MarkdownRenderer.extensionNames {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        guard let document = InlineParsing.finish(parser) else {
            return RenderedMarkdown(html: "", headings: [], diagnostics: [.error(SourceLocation(file: file), "the Markdown could not be parsed")])
        }
        defer { cmark_node_free(document) }

        var walk = DocumentWalk(file: file, firstLine: firstLine, allowRawHTML: allowRawHTML, ids: HeadingIDs(reserved: reservedIDs))
        walk.trimAutolinks(document)
        walk.visit(document, rewriteLink: rewriteLink)
        walk.applyHeadingIDs(options: options, extensions: cmark_parser_get_syntax_extensions(parser))

        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return RenderedMarkdown(html: "", headings: walk.headings, diagnostics: walk.diagnostics)
        }
        defer { free(rendered) }
        var html = String(cString: rendered)
        if let footnoteBackLabel, html.contains(MarkdownRenderer.footnoteBackAttribute) {
            html = html.replacingOccurrences(of: MarkdownRenderer.footnoteBackAttribute, with: "aria-label=\"\(escapeAttribute(footnoteBackLabel))\"")
        }
        return RenderedMarkdown(html: html, headings: walk.headings, diagnostics: walk.diagnostics)
    }
}

/// cmark-gfm keeps the special characters of its inline extensions (`~`, `w`, `:`…) in one global
/// table that `cmark_parser_finish` fills before parsing inlines and empties after. Two parsers
/// finishing at once on two threads would race on it, and an autolink or a strikethrough would
/// come and go from one build to the next (upstream: github/cmark-gfm PR #176, "SPECIAL_CHARS").
/// So inline parsing, and only it, runs one document at a time; block parsing, the link and heading
/// pass and HTML rendering stay parallel.
public enum InlineParsing {
    private static let lock = NSLock()

    public static func finish(_ parser: OpaquePointer) -> OpaquePointer? {
        lock.lock()
        defer { lock.unlock() }
        return cmark_parser_finish(parser)
    }
}

/// cmark-gfm's core extensions must be registered once per process before any parser looks them up.
public enum CoreExtensions {
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    public static func registerOnce() { _ = registered }
}
