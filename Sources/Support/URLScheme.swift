/// The scheme of a URL as a browser reads it, to refuse those that run code or carry a document:
/// in Markdown links and raw HTML (Markdown) and in aliases and slugs (ContentLoading).
public enum URLScheme {
    /// Schemes a link written in raw HTML may use; a URL with no scheme (relative) is fine too.
    public static let allowedInRawHTML: Set<String> = ["http", "https", "mailto", "tel"]
    /// Schemes refused everywhere: they run script or carry a whole document in the link.
    public static let refused: Set<String> = ["javascript", "vbscript", "data"]

    /// `url` as the URL parser of a browser takes it: ASCII tabs and newlines removed anywhere,
    /// control characters and spaces trimmed at both ends (WHATWG URL standard).
    public static func normalised(_ url: String) -> String {
        var scalars = String.UnicodeScalarView(url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        return String(scalars)
    }

    /// The scheme of a normalised URL in lower case, or nil when the URL is relative.
    public static func scheme(of url: String) -> String? {
        var scheme = ""
        for scalar in url.unicodeScalars {
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            let isOther = ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "."
            guard isLetter || (!scheme.isEmpty && isOther) else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// Whether a URL written in raw HTML may be published: http(s), mailto, tel or relative, without control characters.
    public static func isAllowedInRawHTML(_ url: String) -> Bool {
        let url = normalised(url)
        if url.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return false }
        guard let scheme = scheme(of: url) else { return true }
        return allowedInRawHTML.contains(scheme)
    }

    /// The refused scheme of a link or image destination written in Markdown, if it has one.
    public static func refusedScheme(of url: String) -> String? {
        scheme(of: normalised(url)).flatMap { refused.contains($0) ? $0 : nil }
    }
}
