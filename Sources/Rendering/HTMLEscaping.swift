import Mustache

/// The HTML escaping of `{{variable}}` tags: the same five characters as swift-mustache's own
/// (`< > & " '`), read as UTF-8 bytes.
///
/// Why not swift-mustache's: it walks every string Character by Character, with a dictionary lookup
/// for each, and was 7 % of a whole 10,000-page build; most values (titles, URLs) need no escaping
/// at all, and this returns them as they are without copying. Bytes also catch a quote followed by
/// a combining mark, which the Character walk would let through unescaped.
struct HTMLEscaping: MustacheContentType {
    /// The name under which templates select it, see `Theme.withEscaping`.
    static let name = "CLEISS_SITE_HTML"

    /// Registered once, before any template is parsed.
    static let registered: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: Self.needsEscaping) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): bytes += "&lt;".utf8
            case UInt8(ascii: ">"): bytes += "&gt;".utf8
            case UInt8(ascii: "&"): bytes += "&amp;".utf8
            case UInt8(ascii: "\""): bytes += "&quot;".utf8
            case UInt8(ascii: "'"): bytes += "&#39;".utf8
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
