/// The one escaper of text written into HTML or XML: templates' `{{value}}`, raw HTML kept from
/// Markdown, the footnote label, `sitemap.xml`, the indicator report.
///
/// Three sets, each for where the text goes, because escaping more than needed would change the
/// published bytes of pages already out:
/// - `text`: between tags, only `&`, `<` and `>` can start markup;
/// - `attribute`: inside a double-quoted attribute value (or XML text), `"` too;
/// - `anywhere`: a template value may land in text or in a single- or double-quoted attribute,
///   so `'` too (as swift-mustache does, `&#39;`: XML 1.0 and HTML both read it; `&apos;` is not HTML 4).
///
/// It reads UTF-8 bytes: the five characters are ASCII, so they are never part of a longer
/// sequence, and a quote followed by a combining mark (one Character) is still escaped. Most values
/// (titles, URLs) need no escaping at all, and are returned as they are, without copying.
public enum MarkupEscaping {
    public static func text(_ text: String) -> String {
        escaped(text, quotes: [])
    }

    public static func attribute(_ text: String) -> String {
        escaped(text, quotes: [.double])
    }

    public static func anywhere(_ text: String) -> String {
        escaped(text, quotes: [.double, .single])
    }

    /// `anywhere` written straight into a buffer of UTF-8 bytes (the template engine's output): a value
    /// without any of the five characters is copied in one append.
    public static func appendAnywhere(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            guard bytes.contains(where: { entity(for: $0, quotes: [.double, .single]) != nil }) else {
                buffer.append(contentsOf: bytes)
                return
            }
            for byte in bytes {
                if let entity = entity(for: byte, quotes: [.double, .single]) { buffer += entity.utf8 } else { buffer.append(byte) }
            }
        }
    }

    struct Quotes: OptionSet {
        let rawValue: UInt8
        static let double = Quotes(rawValue: 1)
        static let single = Quotes(rawValue: 2)
    }

    private static func escaped(_ text: String, quotes: Quotes) -> String {
        guard text.utf8.contains(where: { entity(for: $0, quotes: quotes) != nil }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if let entity = entity(for: byte, quotes: quotes) { bytes += entity.utf8 } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always)
    private static func entity(for byte: UInt8, quotes: Quotes) -> String? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\"") where quotes.contains(.double): "&quot;"
        case UInt8(ascii: "'") where quotes.contains(.single): "&#39;"
        default: nil
        }
    }
}
