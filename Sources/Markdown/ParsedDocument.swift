import CCmarkGFM
import Foundation

/// A parsed cmark-gfm document for stages that read the tree itself (the charter checker),
/// parsed with the same extensions and options as the HTML renderer. Frees the tree when released.
public final class ParsedDocument: @unchecked Sendable {
    /// The root `CMARK_NODE_DOCUMENT`; valid as long as this object lives. Read it from one thread at a time.
    public let root: OpaquePointer
    private let parser: OpaquePointer

    public init?(_ markdown: String) {
        CoreExtensions.registerOnce()
        guard let parser = cmark_parser_new(CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS) else { return nil }
        for name in MarkdownRenderer.extensionNames {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        guard let root = InlineParsing.finish(parser, text: markdown) else {
            cmark_parser_free(parser)
            return nil
        }
        self.parser = parser
        self.root = root
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }
}
