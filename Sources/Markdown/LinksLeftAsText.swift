import CCmarkGFM
import Diagnostics

/// `[x](03-Sécuriser son env.md)` is not a link for CommonMark: a destination holds no space unless
/// written between `<` and `>`. cmark leaves it as text and the reader sees brackets instead of a
/// link, with no error. Each such text is reported with the way to write it.
/// Read in `visit`'s walk over the tree, after the raw HTML is filtered (its text is no prose then).
extension DocumentWalk {
    /// Reports the links left as text in the run of text siblings that starts at `node`, a text node.
    mutating func reportLinksLeftAsText(inRunFrom node: OpaquePointer) {
        // cmark splits text at brackets: a run of text siblings is read once, from its first node.
        if let previous = cmark_node_previous(node), cmark_node_get_type(previous) == CMARK_NODE_TEXT { return }
        var run = TextRun()
        var current: OpaquePointer? = node
        while let text = current, cmark_node_get_type(text) == CMARK_NODE_TEXT {
            run.append(text)
            current = cmark_node_next(text)
        }
        for found in run.linksLeftAsText() {
            let (text, destination) = (found.text, found.destination)
            let isImage = text.hasPrefix("!")
            let label = isImage ? String(text.dropFirst()) : text
            let what = isImage ? "an image" : "a link"
            diagnostics.append(.warning(location(of: found.node, byteOffset: found.offset),
                                        "'\(text)(\(destination))' is not \(what): its destination has spaces, so it is printed as text",
                                        hint: "write the destination between angle brackets, \(isImage ? "!" : "")\(label)(<\(destination)>), or each space as %20"))
        }
    }

    /// The place of a byte of a text node's literal (cmark's columns count bytes too).
    func location(of node: OpaquePointer, byteOffset: Int) -> SourceLocation {
        var place = location(of: node)
        if let column = place.column { place.column = column + byteOffset }
        return place
    }
}

/// Consecutive text nodes of one inline container, as one text: each byte knows its node.
struct TextRun {
    private var bytes: [UInt8] = []
    /// The nodes and the offset of their first byte in `bytes`.
    private var nodes: [(node: OpaquePointer, start: Int)] = []

    mutating func append(_ node: OpaquePointer) {
        nodes.append((node, bytes.count))
        if let literal = cmark_node_get_literal(node) {
            var pointer = literal
            while pointer.pointee != 0 {
                bytes.append(UInt8(bitPattern: pointer.pointee))
                pointer += 1
            }
        }
    }

    struct Found {
        var text: String
        var destination: String
        var node: OpaquePointer
        var offset: Int
    }

    /// Each `[text](destination)` or `![text](destination)` of the run whose destination has a space.
    func linksLeftAsText() -> [Found] {
        var found: [Found] = []
        var openings: [Int] = []
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "["):
                openings.append(index)
            case UInt8(ascii: "]"):
                guard let opening = openings.popLast(), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "("),
                      let closing = closingParenthesis(after: index + 1) else { break }
                let destination = bytes[(index + 2)..<closing]
                if destination.contains(UInt8(ascii: " ")) && destination.contains(where: { $0 != UInt8(ascii: " ") }) {
                    let start = opening > 0 && bytes[opening - 1] == UInt8(ascii: "!") ? opening - 1 : opening
                    let (node, offset) = place(of: start)
                    found.append(Found(text: String(decoding: bytes[start...index], as: UTF8.self),
                                       destination: String(decoding: destination, as: UTF8.self), node: node, offset: offset))
                    openings.removeAll()
                    index = closing
                }
            default:
                break
            }
            index += 1
        }
        return found
    }

    /// The `)` that closes the `(` at `start`, parentheses inside counted; nil when there is none
    /// before the next bracket. A destination holds no bracket, and stopping there keeps the work
    /// linear: the stretches between brackets are each read once, however many `](` have no `)`.
    private func closingParenthesis(after start: Int) -> Int? {
        var depth = 0
        for index in start..<bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return index }
            case UInt8(ascii: "["), UInt8(ascii: "]"): return nil
            default: break
            }
        }
        return nil
    }

    /// The node holding byte `index` of the run, and the byte's offset in it.
    private func place(of index: Int) -> (OpaquePointer, Int) {
        let holder = nodes.last { $0.start <= index } ?? nodes[0]
        return (holder.node, index - holder.start)
    }
}
