import Mustache
import Support

/// The HTML escaping of `{{variable}}` tags: the same five characters as swift-mustache's own
/// (`< > & " '`), by `MarkupEscaping.anywhere` (Support), read as UTF-8 bytes.
///
/// Why not swift-mustache's: it walks every string Character by Character, with a dictionary lookup
/// for each, and was 7 % of a whole 10,000-page build; it also lets a quote followed by a combining
/// mark (one Character) through unescaped.
struct HTMLEscaping: MustacheContentType {
    /// The name under which templates select it, see `Theme.withEscaping`.
    static let name = "CLEISS_SITE_HTML"

    /// Registered once, before any template is parsed.
    static let registered: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        MarkupEscaping.anywhere(text)
    }
}
