import Diagnostics

/// `links: servedElsewhere:` — paths of the site's host that this build does not write but that stay
/// served by other systems (the Cleiss's documentary base: texts of the agreements, forms, FAQs). A link
/// or a source there is a link out of this build: not checked as one of its pages, counted with the
/// external links. Whoever runs the host must keep them served (README, "site.yml").
extension ConfigurationLoader {
    static let knownLinksKeys = ["servedElsewhere"]

    static func readLinks(_ site: inout YAMLMappingReader, languages: [String]) -> [String] {
        guard let node = site.value("links") else { return [] }
        var diagnostics = site.diagnostics
        defer { site.diagnostics = diagnostics }
        guard var links = YAMLMappingReader(node, reader: site.reader, diagnostics: &diagnostics, what: "'links'") else { return [] }
        links.reportUnknownKeys(known: knownLinksKeys, severity: .error, what: "'links'")
        var paths: [String] = []
        for (path, location) in links.strings("servedElsewhere") ?? [] {
            if let problem = problem(ofServedElsewhere: path, languages: languages) {
                links.diagnostics.append(.error(location, "links.servedElsewhere '\(path)' \(problem)",
                                                hint: "give a folder of the host that another system serves, from its root, like /docs/"))
            } else {
                paths.append(path)
            }
        }
        diagnostics += links.diagnostics
        return paths
    }

    /// A path from the root, ending with `/`, outside the folders this build writes.
    static func problem(ofServedElsewhere path: String, languages: [String]) -> String? {
        guard path.hasPrefix("/"), path.hasSuffix("/"), path.count > 1 else { return "must start and end with '/', like /docs/" }
        guard !path.contains("//"), !path.split(separator: "/").contains(where: { $0 == "." || $0 == ".." }) else { return "is not a plain folder path" }
        if let language = languages.first(where: { path.hasPrefix("/\($0)/") }) { return "is inside /\(language)/, which this build writes" }
        if path.hasPrefix("/assets/") || path.hasPrefix("/pagefind/") { return "is a folder this build writes" }
        return nil
    }
}
