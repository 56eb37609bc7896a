import CCmarkGFM
import Diagnostics
import Foundation

/// One pass over the parsed document: rewrites links, reports links left as text and gives headings
/// their anchor ids (raw HTML is filtered before, by `filterForeignMarkup`).
struct DocumentWalk {
    let file: String
    let firstLine: Int
    let allowRawHTML: Bool
    var ids: HeadingIDs
    var headings: [Heading] = []
    var diagnostics: [Diagnostic] = []
    private var headingNodes: [OpaquePointer] = []

    init(file: String, firstLine: Int, allowRawHTML: Bool, ids: HeadingIDs) {
        self.file = file
        self.firstLine = firstLine
        self.allowRawHTML = allowRawHTML
        self.ids = ids
    }

    func location(of node: OpaquePointer) -> SourceLocation {
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        return SourceLocation(file: file, line: firstLine + max(line, 1) - 1, column: column > 0 ? column : nil)
    }

    mutating func visit(_ document: OpaquePointer, rewriteLink: (String) -> LinkRewrite) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                switch rewriteLink(destination) {
                case .keep: break
                case .replace(let url): cmark_node_set_url(node, url)
                case .broken(let reason):
                    let what = type == CMARK_NODE_IMAGE ? "image" : "link"
                    diagnostics.append(.error(location(of: node), "broken \(what) '\(destination)': \(reason)",
                                              hint: type == CMARK_NODE_IMAGE
                                                  ? "put the image file beside this page and write its name, like photo.png, or the path to it from this page, like ../images/photo.png"
                                                  : "point it to an existing file with a path relative to this page, like ../section/page.md"))
                }
            case CMARK_NODE_HEADING:
                headingNodes.append(node)
            case CMARK_NODE_TEXT:
                reportLinksLeftAsText(inRunFrom: node)
            default:
                break
            }
        }
    }

    /// Replaces each heading by a custom block that writes `<hN id="…">…</hN>`, since cmark's HTML
    /// renderer has no attributes for headings. The heading's inside is rendered by cmark itself.
    mutating func applyHeadingIDs(options: Int32, extensions: UnsafeMutablePointer<cmark_llist>?) {
        for node in headingNodes {
            let level = Int(cmark_node_get_heading_level(node))
            let text = DocumentWalk.plainText(of: node)
            let id = ids.id(for: text)
            headings.append(Heading(level: level, text: text, id: id, line: location(of: node).line ?? firstLine))
            guard let rendered = cmark_render_html(node, options, extensions), let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            var html = String(cString: rendered)
            free(rendered)
            // cmark wrote `<hN>inside</hN>\n`: keep the inside, give the tag its id.
            let open = "<h\(level)>"
            if html.hasPrefix(open) { html.removeFirst(open.count) }
            while html.last == "\n" { html.removeLast() }
            cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">" + html)
            cmark_node_set_on_exit(block, "")
            cmark_node_insert_before(node, block)
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        headingNodes = []
    }

    /// The text of a node's descendants, as a reader sees it.
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return trimmingSpaces(text)
    }

    /// `text.trimmingCharacters(in: .whitespaces)` (spaces of any width and tabs), without
    /// Foundation's bridging, which took a quarter of the time spent on heading ids.
    static func trimmingSpaces(_ text: String) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }
}
