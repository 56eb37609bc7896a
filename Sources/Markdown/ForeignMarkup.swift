import CCmarkGFM
import Diagnostics
import Support
import Foundation

extension DocumentWalk {
    /// What a page may carry that is not Markdown, checked before links are resolved:
    /// raw HTML goes through `RawHTMLFilter` (what is published is written by the filter, never by
    /// cmark from the source), links and images whose address runs code (`javascript:`…) become
    /// their text, and template tags of other generators are reported. Each loss is a warning.
    mutating func filterForeignMarkup(_ document: OpaquePointer, reservedIDs: Set<String>) {
        var htmlNodes: [OpaquePointer] = []
        var refusedLinks: [(node: OpaquePointer, scheme: String)] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                htmlNodes.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if let url = cmark_node_get_url(node), let scheme = URLScheme.refusedScheme(of: String(cString: url)) {
                    refusedLinks.append((node, scheme))
                }
            case CMARK_NODE_TEXT:
                reportTemplateTags(in: node)
            default:
                break
            }
        }
        cmark_iter_free(iterator)
        filterRawHTML(htmlNodes, in: document, reservedIDs: reservedIDs)
        for (node, scheme) in refusedLinks { replaceByItsText(node, refusedScheme: scheme) }
    }

    private mutating func filterRawHTML(_ nodes: [OpaquePointer], in document: OpaquePointer, reservedIDs: Set<String>) {
        guard !nodes.isEmpty else { return }
        var filter = RawHTMLFilter(allowsHTML: allowRawHTML, reservedIDs: reservedIDs)
        var paragraph: OpaquePointer?
        for node in nodes {
            let inline = cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE
            let container = inline ? Self.enclosingBlock(of: node) : nil
            if container != paragraph, let paragraph {
                Self.close(paragraph, with: filter.closeInlineElements())
            }
            paragraph = container
            let source = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            let (html, problems) = filter.filter(source, inline: inline)
            let place = location(of: node)
            for problem in problems {
                let line = (place.line ?? firstLine) + problem.line - 1
                let where_ = SourceLocation(file: file, line: line, column: problem.line == 1 ? place.column : nil)
                diagnostics.append(.warning(where_, problem.message, hint: problem.hint))
            }
            let replacement = Self.replace(node, by: html, inline: inline)
            if inline && filter.isSkippingInline { Self.removeTextAfter(replacement) }
        }
        if let paragraph { Self.close(paragraph, with: filter.closeInlineElements()) }
        Self.append(filter.closeBlockElements(), to: document)
    }

    /// The paragraph, heading or table cell an inline node is in.
    private static func enclosingBlock(of node: OpaquePointer) -> OpaquePointer? {
        var current = cmark_node_parent(node)
        while let candidate = current, Int32(cmark_node_get_type(candidate).rawValue) & CMARK_NODE_TYPE_MASK != CMARK_NODE_TYPE_BLOCK {
            current = cmark_node_parent(candidate)
        }
        return current
    }

    /// Puts `html` where `node` was, as a node cmark writes out as it is (the filter wrote it).
    private static func replace(_ node: OpaquePointer, by html: String, inline: Bool) -> OpaquePointer? {
        // A block left with nothing but line breaks would still write one.
        let isBlank = !html.contains(where: { !$0.isWhitespace })
        let replacement = inline || !isBlank ? cmark_node_new(inline ? CMARK_NODE_CUSTOM_INLINE : CMARK_NODE_CUSTOM_BLOCK) : nil
        if let replacement {
            cmark_node_set_on_enter(replacement, html)
            cmark_node_set_on_exit(replacement, "")
            cmark_node_insert_before(node, replacement)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
        return replacement
    }

    /// The plain text after an inline `<script>` (or `<svg>`…) up to the next tag: what the element
    /// held, left out with it. Only text, line breaks and code are taken, never a node that may hold raw HTML.
    private static func removeTextAfter(_ node: OpaquePointer?) {
        let held: Set<UInt32> = [CMARK_NODE_TEXT.rawValue, CMARK_NODE_SOFTBREAK.rawValue, CMARK_NODE_LINEBREAK.rawValue, CMARK_NODE_CODE.rawValue]
        while let node, let next = cmark_node_next(node), held.contains(cmark_node_get_type(next).rawValue) {
            cmark_node_unlink(next)
            cmark_node_free(next)
        }
    }

    /// Ends a paragraph whose inline HTML is filtered: closes what it left open, and removes it
    /// when nothing is left of it (a paragraph that held only a `<script>`).
    private static func close(_ paragraph: OpaquePointer, with endTags: String) {
        append(endTags, to: paragraph)
        var child = cmark_node_first_child(paragraph)
        while let current = child {
            let isEmptyHTML = cmark_node_get_type(current) == CMARK_NODE_CUSTOM_INLINE && cmark_node_get_on_enter(current).map { $0.pointee == 0 } != false
            guard isEmptyHTML else { return }
            child = cmark_node_next(current)
        }
        guard cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH else { return }
        cmark_node_unlink(paragraph)
        cmark_node_free(paragraph)
    }

    private static func append(_ html: String, to parent: OpaquePointer) {
        guard !html.isEmpty else { return }
        let isDocument = cmark_node_get_type(parent) == CMARK_NODE_DOCUMENT
        guard let node = cmark_node_new(isDocument ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE) else { return }
        cmark_node_set_on_enter(node, html)
        cmark_node_set_on_exit(node, "")
        if cmark_node_append_child(parent, node) == 0 { cmark_node_free(node) }
    }

    /// A link or image to a `javascript:`, `vbscript:` or `data:` address: its text stays, the link goes.
    private mutating func replaceByItsText(_ node: OpaquePointer, refusedScheme scheme: String) {
        let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
        var place = location(of: node)
        // cmark-gfm gives an autolink (`<javascript:…>`) a wrong column; its text's is right.
        if let child = cmark_node_first_child(node), let column = place.column {
            let textColumn = Int(cmark_node_get_start_column(child)) - 1
            if textColumn > 0 { place.column = min(column, textColumn) }
        }
        let what = isImage ? "image" : "link"
        diagnostics.append(.warning(place, "the \(what) to a '\(scheme):' address is not published (only its text is)",
                                    hint: scheme == "data" ? "put the file in the page's folder and point to it, like ![description](picture.png)"
                                        : "link to a web page (https://…) or to a file of the site; an address that runs code is never published"))
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_insert_before(node, child)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}
