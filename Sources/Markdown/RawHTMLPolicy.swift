/// What raw HTML a page may carry when site.yml sets `allowRawHTML: true`: elements for text and
/// tables that Markdown lacks, with attributes that neither run code nor restyle the page.
/// Everything else is left out with a warning (README, "Raw HTML").
enum RawHTMLPolicy {
    static let elements: Set<String> = [
        "details", "summary", "abbr", "sup", "sub", "br", "wbr", "kbd", "mark", "small", "span", "div", "p", "em", "strong",
        "b", "i", "s", "u", "del", "ins", "q", "cite", "code", "samp", "var", "dfn", "time", "bdi", "bdo", "pre", "blockquote",
        "hr", "figure", "figcaption", "a", "img",
        "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
        "dl", "dt", "dd", "ul", "ol", "li",
    ]

    /// Allowed elements open at once, beyond what any real page nests.
    static let maximumDepth = 100

    /// Elements that have no end tag.
    static let voidElements: Set<String> = ["br", "wbr", "hr", "img", "col"]

    static let globalAttributes: Set<String> = ["title", "lang", "dir", "id", "class"]

    static let elementAttributes: [String: Set<String>] = [
        "a": ["href", "hreflang", "rel"],
        "img": ["src", "alt", "width", "height"],
        "td": ["colspan", "rowspan", "headers"],
        "th": ["colspan", "rowspan", "headers", "scope", "abbr"],
        "col": ["span"], "colgroup": ["span"],
        "ol": ["start", "reversed", "type"], "li": ["value"],
        "details": ["open"],
        "time": ["datetime"], "del": ["datetime", "cite"], "ins": ["datetime", "cite"],
        "q": ["cite"], "blockquote": ["cite"],
    ]

    /// Attributes holding a URL, whose scheme is checked.
    static let urlAttributes: Set<String> = ["href", "src", "cite"]

    /// Elements whose content is code, styles or embedded media rather than text for readers:
    /// left out together with them.
    static let elementsLeftOutWithTheirContent: Set<String> = [
        "script", "style", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "noembed",
        "noframes", "textarea", "title", "xmp", "plaintext", "svg", "math", "select", "head", "canvas", "audio", "video",
    ]

    static func allows(_ attribute: String, on element: String) -> Bool {
        globalAttributes.contains(attribute) || elementAttributes[element]?.contains(attribute) == true
    }

    /// What to do about an element that is left out, in one sentence.
    static func hint(forElement name: String) -> String {
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            return "write a Markdown heading (## Title) instead, so that it gets its anchor and the charter checks it"
        case "script", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button", "select", "textarea", "canvas":
            return "remove it: pages of this site carry no scripts, forms or embedded content; ask a developer if the theme needs the feature"
        case "style", "link", "font", "center":
            return "remove it: the theme's style sheet styles every page"
        case "svg", "math", "audio", "video":
            return "link to the file instead, or use a Markdown image for a picture: ![description](picture.png)"
        default:
            return "rewrite it in Markdown, or with the HTML elements the README lists under 'Raw HTML'"
        }
    }

    static func hint(forAttribute name: String, on element: String) -> String {
        if name.hasPrefix("on") { return "remove it: pages of this site carry no scripts" }
        if name == "style" { return "remove it: the theme's style sheet styles every page" }
        let allowed = (globalAttributes.union(elementAttributes[element] ?? [])).sorted().joined(separator: ", ")
        return "remove it; <\(element)> may carry \(allowed)"
    }
}
