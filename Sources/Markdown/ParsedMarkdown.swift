import CCmarkGFM
import Foundation

/// A page's Markdown parsed once by cmark-gfm, with the GFM extensions, for every stage that reads it:
/// the charter walks it (`withRoot`), then `MarkdownRenderer.render` consumes it, changing the tree as
/// it writes the HTML. A build thus parses each page once, where the charter and the renderer each
/// parsed it before.
///
/// Noncopyable: it has one owner, which frees the tree once, at its end; it is not `Sendable`, so the
/// thread that made it is the only one to use it. The nodes `withRoot` hands out live as long as it.
public struct ParsedMarkdown: ~Copyable {
    /// Nil when cmark-gfm could not parse (out of memory); each stage then reports it its own way.
    let parser: OpaquePointer?
    let root: OpaquePointer?

    /// What the parse and the HTML renderer share: a single `~` is text (GitHub's `~~` only strikes
    /// through), footnotes are on. Table cells get style attributes, not the obsolete `align`.
    static let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
    /// The parse also counts the lines inside code spans, inline HTML and links that span lines: without it,
    /// every inline after one is placed on too early a line. (Only the parse: in the HTML it would add
    /// `data-sourcepos` attributes.)
    static let parseOptions = options | CMARK_OPT_SOURCEPOS
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    public init(_ markdown: String) {
        CoreExtensions.registerOnce()
        guard let parser = cmark_parser_new(Self.parseOptions) else {
            (self.parser, root) = (nil, nil)
            return
        }
        for name in Self.extensionNames {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        self.parser = parser
        root = InlineParsing.finish(parser, text: markdown)
    }

    deinit {
        if let root { cmark_node_free(root) }
        if let parser { cmark_parser_free(parser) }
    }

    /// Whether cmark-gfm made a tree.
    public var isParsed: Bool { root != nil }

    /// Runs `body` with the document's root node; nil when there is no tree. The nodes must not outlive
    /// the call, nor the tree be changed.
    public borrowing func withRoot<T>(_ body: (MarkdownNode) throws -> T) rethrows -> T? {
        guard let root else { return nil }
        return try body(MarkdownNode(root))
    }

    /// Lends the parser (its extensions render the HTML) and the root to the renderer, which may change the tree.
    borrowing func withParts<T>(_ body: (OpaquePointer?, OpaquePointer?) -> T) -> T {
        body(parser, root)
    }
}
