/// The rules for one segment of a URL path written by a person (a slug, a folder name, a path in site.yml).
public enum URLSegment {
    /// Why `segment` cannot be one URL segment, or nil when it can.
    ///
    /// A segment never contains `/`, `\`, `..` or control characters: the output path is made of
    /// segments, so this check is what keeps every written file inside the output folder.
    public static func problem(with segment: String) -> String? {
        if segment.isEmpty { return "it is empty" }
        if segment == "." || segment == ".." { return "'\(segment)' would leave its folder" }
        if segment.contains("/") || segment.contains("\\") { return "it contains a '/' or '\\'" }
        if segment.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "it contains a control character"
        }
        if segment.hasPrefix(".") { return "it starts with '.', which makes a hidden file" }
        if segment.contains(" ") { return "it contains a space" }
        return nil
    }

    /// Lowercase ASCII letters and digits joined by single hyphens (`pays-ni-ni`): the shape of the
    /// identifiers of site.yml and the data file, and of the addresses `cleiss-site new` writes.
    public static func isLowercaseWords(_ text: String) -> Bool {
        text.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil
    }
}
