import Configuration
import Diagnostics
import Support

/// What front matter may write as `aliases` and `slug`, checked when the front matter is read, so
/// that a bad value is reported at its line instead of failing when files are written.
enum SitePathRules {
    /// The problems of the aliases, each at its own line. An alias is an old path of this site:
    /// `/fr/ancienne-page/` (a folder) or `/fr/ancienne-page.html` (a file).
    static func problems(ofAliases aliases: [(String, SourceLocation)]) -> [Diagnostic] {
        aliases.compactMap { alias, location in
            problem(ofAlias: alias).map { message, hint in .error(location, "alias '\(alias)' \(message)", hint: hint) }
        }
    }

    static let aliasExample = "write an old address of this site from its root, like /fr/ancienne-page/"

    /// What is wrong with an alias and what to do, or nil.
    static func problem(ofAlias alias: String) -> (message: String, hint: String)? {
        if let scheme = URLScheme.scheme(of: alias) {
            if URLScheme.refused.contains(scheme) {
                return ("is a '\(scheme):' address, which runs code in the browser: it is refused", "remove it; " + aliasExample)
            }
            return ("is a full address ('\(scheme):'), not a path of this site", aliasExample + ", without the host")
        }
        guard alias.hasPrefix("/"), !alias.hasPrefix("//") else {
            return alias.hasPrefix("//") ? ("names another host", aliasExample) : ("does not start with '/'", aliasExample)
        }
        if alias.contains("?") || alias.contains("#") {
            return ("has a query or an anchor ('?' or '#'), which a redirect page cannot answer", aliasExample + ", without '?' or '#'")
        }
        let components = alias.split(separator: "/").map(String.init)
        guard let first = components.first else {
            return ("is the root of the site, which is the language chooser", aliasExample)
        }
        for component in components {
            if let problem = URLSegment.problem(with: component) { return ("cannot be a path of the site: \(problem)", aliasExample + ", without '..'") }
        }
        if components.count == 1, let what = BuildFiles.files[first.lowercased()] {
            return ("is \(what), which the build writes itself", "remove it from aliases")
        }
        if let what = BuildFiles.folders[first.lowercased()] {
            return ("is inside /\(first)/, which holds \(what)", "choose an old address outside /\(first)/")
        }
        return nil
    }

    /// What is wrong with a slug beyond `URLSegment.problem`, or nil: a slug names a folder, and one
    /// ending in `.html` (`index.html`) would be a folder named like a page's file.
    static func problem(ofSlug slug: String, at location: SourceLocation) -> Diagnostic? {
        guard URLSegment.problem(with: slug) == nil else { return nil }
        let lowercased = slug.lowercased()
        if lowercased.hasSuffix(".html") || lowercased.hasSuffix(".htm") {
            return .error(location, "slug '\(slug)' ends in .html, but a slug names the folder of the page",
                          hint: "write the slug without .html, like \(String(slug[..<slug.lastIndex(of: ".")!]))")
        }
        if let scheme = URLScheme.scheme(of: slug), URLScheme.refused.contains(scheme) {
            return .error(location, "slug '\(slug)' is a '\(scheme):' address, which runs code in the browser",
                          hint: "a slug is one URL segment: lowercase letters, digits and hyphens")
        }
        return nil
    }
}
