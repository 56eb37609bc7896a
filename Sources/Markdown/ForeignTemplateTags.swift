import CCmarkGFM
import Diagnostics
import Foundation

/// A template tag of another static site generator, found in the text of a page imported from it:
/// Hugo shortcodes (`{{< ref "x.md" >}}`, `{{% notice %}}`), Jekyll and Liquid tags
/// (`{% include x.html %}`), template expressions (`{{ .Title }}`, `{{ page.title }}`,
/// `{{ get_url(path="x") }}`) and comments (`{# … #}`). This site has no templates in pages, so
/// each would be published as it is written.
struct TemplateTag: Equatable {
    /// Byte offset in the text.
    var offset: Int
    var text: String
    /// What the message calls it: "Hugo shortcode 'ref'".
    var kind: String
    /// The word after the delimiter: `ref`, `include`, `.Title`.
    var name: String

    /// Opening delimiters, longest first, with their closing one and whether a tag without it still counts.
    private static let delimiters: [(open: String, close: String, closeRequired: Bool, kind: String)] = [
        ("{{<", ">}}", false, "Hugo shortcode"), ("{{%", "%}}", false, "Hugo shortcode"),
        ("{{", "}}", true, "template expression"), ("{%", "%}", false, "Jekyll or Liquid tag"), ("{#", "#}", true, "template comment"),
    ]

    /// The tags in `text` (the text of one Markdown text node, never code).
    static func find(in text: String) -> [TemplateTag] {
        let bytes = Array(text.utf8)
        var tags: [TemplateTag] = []
        // Where a closing delimiter was looked for in vain: it is not after that either, so that
        // a text of 100,000 "{{" is read once, not once per "{{".
        var missingCloseFrom: [String: Int] = [:]
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"),
                  let delimiter = delimiters.first(where: { bytes[index...].starts(with: $0.open.utf8) }) else {
                index += 1
                continue
            }
            let inside = index + delimiter.open.utf8.count
            var closing: Range<Int>?
            if let missing = missingCloseFrom[delimiter.close], missing <= inside {
                closing = nil
            } else {
                closing = Self.range(of: Array(delimiter.close.utf8), in: bytes, from: inside)
                if closing == nil { missingCloseFrom[delimiter.close] = inside }
            }
            if closing == nil && delimiter.closeRequired {
                index += 1
                continue
            }
            let end = closing?.upperBound ?? bytes.count
            let name = Self.firstWord(bytes[inside..<(closing?.lowerBound ?? end)])
            let kind = name.isEmpty ? delimiter.kind : "\(delimiter.kind) '\(name)'"
            tags.append(TemplateTag(offset: index, text: String(decoding: bytes[index..<end], as: UTF8.self), kind: kind, name: name))
            index = end
        }
        return tags
    }

    private static func range(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Range<Int>? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        for position in start...(bytes.count - needle.count) where bytes[position..<(position + needle.count)].elementsEqual(needle) {
            return position..<(position + needle.count)
        }
        return nil
    }

    /// `ref` of ` ref "x.md" `, `.Title` of `- .Title `, `/notice` of ` /notice `.
    private static func firstWord(_ bytes: ArraySlice<UInt8>) -> String {
        let word = bytes.drop(while: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "\t") })
            .prefix(while: { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/")
            })
        return String(decoding: word, as: UTF8.self)
    }

    /// What to write instead, in one sentence.
    var hint: String {
        switch name.trimmingCharacters(in: CharacterSet(charactersIn: "/")) {
        case "ref", "relref", "get_url", "link":
            return "rewrite it in Markdown: a link to the page's file, like [text](../section/page.md)"
        case "include", "include_relative", "readfile":
            return "rewrite it in Markdown: copy the included text into the page"
        case "figure", "img", "image", "resize_image":
            return "rewrite it in Markdown: an image, like ![description](picture.png)"
        case "highlight", "endhighlight", "raw", "endraw", "code":
            return "rewrite it in Markdown: a fenced code block (```) for code"
        default:
            return "rewrite it in Markdown (this site has no shortcodes or template variables), or put it in `code` if it is an example"
        }
    }
}

extension DocumentWalk {
    /// Warns about each template tag of another generator in a text node.
    mutating func reportTemplateTags(in node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node), strchr(literal, Int32(UInt8(ascii: "{"))) != nil else { return }
        let place = location(of: node)
        for tag in TemplateTag.find(in: String(cString: literal)) {
            var at = place
            at.column = place.column.map { $0 + tag.offset }
            diagnostics.append(.warning(at, "a template tag of another generator (\(tag.kind)) is published as text: \(RawHTMLFilter.shortened(tag.text))",
                                        hint: tag.hint))
        }
    }
}
