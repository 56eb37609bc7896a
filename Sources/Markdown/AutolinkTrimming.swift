import CCmarkGFM
import Foundation

extension DocumentWalk {
    /// cmark-gfm's extended autolinks stop only at ASCII spaces, so in French
    /// "www.cleiss.fr » ;" (with no-break spaces) becomes one link to `www.cleiss.fr%C2%A0%C2%BB`
    /// (upstream: github/cmark-gfm issue #377). This cuts such a link at the first Unicode space or
    /// punctuation that is not ASCII, then drops trailing punctuation as the extension does for
    /// ASCII, and gives the rest back to the text.
    func trimAutolinks(_ document: OpaquePointer) {
        var links: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_LINK {
                links.append(node)
            }
        }
        cmark_iter_free(iterator)
        for link in links { trim(link) }
    }

    private func trim(_ link: OpaquePointer) {
        guard let child = cmark_node_first_child(link), cmark_node_next(child) == nil, cmark_node_get_type(child) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(child), let url = cmark_node_get_url(link) else { return }
        let text = String(cString: literal), destination = String(cString: url)
        // Only the links the extension made: their text is their URL, give or take the scheme it adds.
        guard let prefix = ["", "http://", "mailto:"].first(where: { $0 + text == destination }) else { return }
        guard let cut = text.unicodeScalars.firstIndex(where: { !$0.isASCII && DocumentWalk.endsAutolink($0) }) else { return }
        var kept = String(text.unicodeScalars[..<cut])
        while let last = kept.unicodeScalars.last, "?!.,:;*_~'\"".unicodeScalars.contains(last) { kept.unicodeScalars.removeLast() }
        let rest = String(text.dropFirst(kept.count))
        guard let restNode = cmark_node_new(CMARK_NODE_TEXT) else { return }
        cmark_node_set_literal(restNode, rest)
        if kept.isEmpty {
            cmark_node_insert_before(link, restNode)
            cmark_node_unlink(link)
            cmark_node_free(link)
            return
        }
        cmark_node_set_literal(child, kept)
        cmark_node_set_url(link, prefix + kept)
        cmark_node_insert_after(link, restNode)
    }

    static func endsAutolink(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory.isPunctuation
    }
}

extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}
