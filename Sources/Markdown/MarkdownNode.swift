import CCmarkGFM
import Foundation

/// A node of a `ParsedMarkdown` tree, read without changing it: what the charter needs to know of the
/// page's structure, positions and text, without driving cmark-gfm itself. Valid while its tree lives.
/// Positions are cmark-gfm's: 1-based lines of the parsed text and 1-based byte columns, 0 when unknown.
/// The accessors read for every node are inlinable: the charter's walk costs what direct calls to cmark-gfm did.
public struct MarkdownNode: Hashable {
    @usableFromInline let pointer: OpaquePointer

    @usableFromInline init(_ pointer: OpaquePointer) { self.pointer = pointer }

    public enum Kind: Equatable, Sendable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading, thematicBreak
        case footnoteDefinition, tableCell
        case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong, link, image, footnoteReference
        /// Another extension's node (table, table row, strikethrough…).
        case other
    }

    @inlinable public var kind: Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: .document
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST: .list
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: .customBlock
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: .footnoteDefinition
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: .customInline
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link
        case CMARK_NODE_IMAGE: .image
        case CMARK_NODE_FOOTNOTE_REFERENCE: .footnoteReference
        // The table extension's node types are numbers it gets when registered: known by name.
        default: strcmp(cmark_node_get_type_string(pointer), "table_cell") == 0 ? .tableCell : .other
        }
    }

    @inlinable public var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    @inlinable public var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    @inlinable public var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    @inlinable public var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    @inlinable public var parent: MarkdownNode? { cmark_node_parent(pointer).map(MarkdownNode.init) }
    @inlinable public var firstChild: MarkdownNode? { cmark_node_first_child(pointer).map(MarkdownNode.init) }

    /// The bytes of a text, code, HTML or code block's literal (no copy: valid while the tree lives); empty for others.
    @inlinable public var literalBytes: UnsafeRawBufferPointer {
        guard let literal = cmark_node_get_literal(pointer) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: literal, count: strlen(literal))
    }

    public var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
    /// A link's or image's destination.
    public var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
    /// A link's or image's title.
    public var title: String { cmark_node_get_title(pointer).map { String(cString: $0) } ?? "" }
}

/// Goes over a node and its descendants in document order, entering each container and leaving it
/// after its children: a walk that needs no recursion, however deep the page nests.
public struct MarkdownWalk: ~Copyable {
    @usableFromInline let iterator: OpaquePointer?

    public enum Event { case enter, exit }

    public init(from root: MarkdownNode) {
        iterator = cmark_iter_new(root.pointer)
    }

    deinit {
        if let iterator { cmark_iter_free(iterator) }
    }

    /// The next node, and whether it is entered or left (leaves, like text, are only entered); nil at the end.
    /// The root itself comes first and last.
    @inlinable public mutating func next() -> (event: Event, node: MarkdownNode)? {
        guard let iterator else { return nil }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { return nil }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            return (event == CMARK_EVENT_EXIT ? .exit : .enter, MarkdownNode(node))
        }
    }

    /// Goes on after `node`'s end, without its descendants (the event of `node` itself is not given again).
    public mutating func skipChildren(of node: MarkdownNode) {
        guard let iterator else { return }
        cmark_iter_reset(iterator, node.pointer, CMARK_EVENT_EXIT)
    }
}
