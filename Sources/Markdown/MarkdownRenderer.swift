import CCmarkGFM
import Diagnostics
import Foundation
import Support

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

    static let footnoteBackAttribute = "aria-label=\"Back to content\""

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
        render(ParsedMarkdown(markdown), file: file, firstLine: firstLine, rewriteLink: rewriteLink)
    }

    /// Renders a page parsed before (the charter may have read it first). The tree is changed as it is
    /// rendered (links rewritten, raw HTML filtered, headings given ids), so it is consumed.
    public func render(_ parsed: consuming ParsedMarkdown, file: String, firstLine: Int = 1,
                       rewriteLink: (String) -> LinkRewrite = { _ in .keep }) -> RenderedMarkdown {
        // The tree lives as long as the call that lends it: it is freed after the HTML is written.
        parsed.withParts { parser, document in render(parser: parser, document: document, file: file, firstLine: firstLine, rewriteLink: rewriteLink) }
    }

    private func render(parser: OpaquePointer?, document: OpaquePointer?, file: String, firstLine: Int,
                        rewriteLink: (String) -> LinkRewrite) -> RenderedMarkdown {
        // Never CMARK_OPT_UNSAFE: the raw HTML that is published is the one `RawHTMLFilter` wrote.
        let options = ParsedMarkdown.options
        guard let parser else {
            return RenderedMarkdown(html: "", headings: [], diagnostics: [.error(SourceLocation(file: file), "the Markdown parser could not start")])
        }
        guard let document else {
            return RenderedMarkdown(html: "", headings: [], diagnostics: [.error(SourceLocation(file: file), "the Markdown could not be parsed")])
        }
        let extensions = cmark_parser_get_syntax_extensions(parser)

        var walk = DocumentWalk(file: file, firstLine: firstLine, allowRawHTML: allowRawHTML, ids: HeadingIDs(reserved: reservedIDs))
        walk.trimAutolinks(document)
        walk.filterForeignMarkup(document, reservedIDs: reservedIDs)
        walk.visit(document, rewriteLink: rewriteLink)
        walk.applyHeadingIDs(options: options, extensions: extensions)

        guard let rendered = cmark_render_html(document, options, extensions) else {
            return RenderedMarkdown(html: "", headings: walk.headings, diagnostics: walk.diagnostics)
        }
        defer { free(rendered) }
        var html = String(cString: rendered)
        if let footnoteBackLabel, html.containsBytes(MarkdownRenderer.footnoteBackAttribute) {
            html = html.replacingOccurrences(of: MarkdownRenderer.footnoteBackAttribute, with: "aria-label=\"\(MarkupEscaping.attribute(footnoteBackLabel))\"")
        }
        return RenderedMarkdown(html: html, headings: walk.headings, diagnostics: walk.diagnostics)
    }
}

/// cmark-gfm keeps the special characters of its inline extensions (`~`, `w`, `:`…) in one global
/// table that `cmark_parser_finish` fills before parsing inlines and empties after. Two parsers
/// finishing at once on two threads would race on it, and an autolink or a strikethrough would
/// come and go from one build to the next (upstream: github/cmark-gfm PR #176, "SPECIAL_CHARS").
///
/// The autolink characters are put in the table once, for good, and taken out of the extension's
/// list, so that no parser adds or removes them again. Strikethrough's `~` cannot be treated so:
/// cmark finds the extension that closes a `~~` run through that list. A document without `~`
/// does not care whether `~` is in the table, so such documents finish in parallel; one with `~`
/// finishes alone (a readers–writer lock: shared for the first, exclusive for the second).
public enum InlineParsing {
    public static func finish(_ parser: OpaquePointer, text: String) -> OpaquePointer? {
        CoreExtensions.registerOnce()
        if text.containsByte(UInt8(ascii: "~")) {
            return TildeLock.shared.exclusively { cmark_parser_finish(parser) }
        }
        return TildeLock.shared.shared { cmark_parser_finish(parser) }
    }
}

/// The readers–writer lock of `InlineParsing`.
final class TildeLock: @unchecked Sendable {
    static let shared = TildeLock()
    private let lock = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)

    private init() { pthread_rwlock_init(lock, nil) }

    func exclusively<T>(_ body: () -> T) -> T {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return body()
    }

    func shared<T>(_ body: () -> T) -> T {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return body()
    }
}

/// cmark-gfm's core extensions must be registered once per process before any parser looks them up.
public enum CoreExtensions {
    /// The extension whose special-character list cmark reads while parsing (to close `~~` runs).
    static let listReadWhileParsing = "strikethrough"

    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return true }
        defer { cmark_parser_free(parser) }
        for name in ParsedMarkdown.extensionNames {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        // Fill the global table with every inline extension's characters, once…
        cmark_manage_extensions_special_characters(parser, 1)
        // …and leave the other extensions nothing to add or remove when a parser finishes.
        for name in ParsedMarkdown.extensionNames where name != listReadWhileParsing {
            if let syntax = cmark_find_syntax_extension(name) { cmark_syntax_extension_set_special_inline_chars(syntax, nil) }
        }
        return true
    }()

    public static func registerOnce() { _ = registered }
}
