import Diagnostics
import Foundation

/// Reads and checks `site.yml` at the root of a site.
public enum ConfigurationLoader {
    public static let fileName = "site.yml"

    static let knownKeys = ["title", "description", "baseURL", "languages", "theme", "allowRawHTML", "paths", "audiences", "charter", "limits", "legalNotice", "links", "countries", "indicators", "editor"]
    static let knownAudienceKeys = ["id", "label", "description", "slug", "cog"]
    /// The generated pages whose URL segment site.yml may set, with the segment each takes otherwise (French, other languages).
    static let generatedPaths: [(key: String, french: String, other: String)] = [
        ("audiences", "publics", "audiences"), ("sitemap", "plan-du-site", "sitemap"), ("search", "recherche", "search"),
        ("countries", "pays", "countries"),
    ]

    /// Loads `site.yml` from `root`. Every problem is reported at once, each with its line.
    public static func load(root: URL) throws(DiagnosticsError) -> SiteConfiguration {
        let url = root.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DiagnosticsError(.error(SourceLocation(file: fileName), "no site.yml in \(root.path)",
                                          hint: "run the command from the site's root folder or give it with --source DIR"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticsError(.error(SourceLocation(file: fileName, line: 1), "site.yml is not valid UTF-8", hint: "save it as UTF-8"))
        }
        return try parse(text, file: fileName)
    }

    public static func parse(_ text: String, file: String = fileName) throws(DiagnosticsError) -> SiteConfiguration {
        let reader = YAMLReader(file: file)
        var diagnostics: [Diagnostic] = []
        guard let root = try reader.parse(text),
              var site = YAMLMappingReader(root, reader: reader, diagnostics: &diagnostics, what: "site.yml") else {
            throw DiagnosticsError(diagnostics.isEmpty
                ? [.error(SourceLocation(file: file, line: 1), "site.yml is empty", hint: "give at least title, baseURL, languages and audiences")]
                : diagnostics)
        }
        site.reportUnknownKeys(known: knownKeys, severity: .error, what: "site.yml")

        let languages = readLanguages(&site)
        let title = site.localized("title", languages: languages, required: true) ?? [:]
        let description = site.localized("description", languages: languages) ?? title
        let baseURL = readBaseURL(&site)
        let theme = site.string("theme") ?? "default"
        if let problem = URLSegment.problem(with: theme) {
            site.diagnostics.append(.error(site.location("theme"), "theme '\(theme)' is not a folder name: \(problem)",
                                          hint: "give the name of a folder of Themes/"))
        }
        let allowRawHTML = site.bool("allowRawHTML") ?? false
        let paths = readPaths(&site, languages: languages)
        let audiences = readAudiences(&site, languages: languages)
        let limits = InputLimits.read(&site)
        let legalNotice = readLegalNotice(&site)
        let servedElsewhere = readLinks(&site, languages: languages)
        let dataPages = DataPageSettings.read(&site, audiences: audiences)
        let editor = readEditor(&site)

        diagnostics += site.diagnostics
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics) }
        var configuration = SiteConfiguration(title: title, description: description, baseURL: baseURL, languages: languages, theme: theme,
                                              allowRawHTML: allowRawHTML, audiencesPath: paths["audiences"] ?? [:], sitemapPath: paths["sitemap"] ?? [:],
                                              searchPath: paths["search"] ?? [:], audiences: audiences, limits: limits)
        configuration.legalNotice = legalNotice
        configuration.servedElsewhere = servedElsewhere
        configuration.countriesPath = paths["countries"] ?? [:]
        configuration.dataPages = dataPages
        configuration.editor = editor
        return configuration
    }

    private static func readLanguages(_ site: inout YAMLMappingReader) -> [String] {
        guard let entries = site.strings("languages") else {
            site.diagnostics.append(.error(site.reader.location(of: site.node), "missing required key 'languages'",
                                          hint: "add 'languages: [fr, en]' (the first one is the default language)"))
            return ["fr"]
        }
        var languages: [String] = []
        for (code, location) in entries {
            if code.range(of: "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$", options: .regularExpression) == nil {
                site.diagnostics.append(.error(location, "'\(code)' is not a language code", hint: "use a code such as fr or en"))
            } else if languages.contains(code) {
                site.diagnostics.append(.error(location, "language '\(code)' is listed twice"))
            } else {
                languages.append(code)
            }
        }
        if languages.isEmpty {
            site.diagnostics.append(.error(site.location("languages"), "'languages' is empty", hint: "list at least one language, like [fr, en]"))
            return ["fr"]
        }
        return languages
    }

    private static func readBaseURL(_ site: inout YAMLMappingReader) -> String {
        guard let raw = site.string("baseURL", required: true) else { return "/" }
        guard let url = URL(string: raw), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            site.diagnostics.append(.error(site.location("baseURL"), "baseURL '\(raw)' is not an absolute http(s) URL",
                                          hint: "write it like https://www.cleiss.fr/"))
            return "/"
        }
        return normalizedBaseURL(raw)
    }

    /// `https://host/path` → `https://host/path/`, so that URLs are joined the same way everywhere.
    public static func normalizedBaseURL(_ raw: String) -> String {
        raw.hasSuffix("/") ? raw : raw + "/"
    }

    /// The URL segment of each generated page of `generatedPaths`, per language.
    private static func readPaths(_ site: inout YAMLMappingReader, languages: [String]) -> [String: SiteConfiguration.Localized] {
        var result = Dictionary(uniqueKeysWithValues: generatedPaths.map { path in
            (path.key, Dictionary(uniqueKeysWithValues: languages.map { ($0, $0 == "fr" ? path.french : path.other) }))
        })
        guard let node = site.value("paths") else { return result }
        var diagnostics = site.diagnostics
        guard var paths = YAMLMappingReader(node, reader: site.reader, diagnostics: &diagnostics, what: "'paths'") else {
            site.diagnostics = diagnostics
            return result
        }
        paths.reportUnknownKeys(known: generatedPaths.map(\.key), severity: .error, what: "'paths'")
        for key in generatedPaths.map(\.key) {
            if let value = paths.localized(key, languages: languages) { result[key] = value }
            for (language, segment) in (result[key] ?? [:]).sorted(by: { $0.key < $1.key }) {
                if let problem = URLSegment.problem(with: segment) {
                    paths.diagnostics.append(.error(paths.location(key), "paths.\(key).\(language) '\(segment)' is not a URL segment: \(problem)",
                                                   hint: "use lowercase letters, digits and hyphens"))
                }
            }
        }
        site.diagnostics = diagnostics + paths.diagnostics
        return result
    }

    private static func readAudiences(_ site: inout YAMLMappingReader, languages: [String]) -> [Audience] {
        guard let node = site.value("audiences") else { return [] }
        guard let items = node.sequence else {
            site.diagnostics.append(.error(site.location("audiences"), "'audiences' must be a list of entries starting with '- id:'"))
            return []
        }
        var audiences: [Audience] = []
        var diagnostics = site.diagnostics
        for item in items {
            guard var entry = YAMLMappingReader(item, reader: site.reader, diagnostics: &diagnostics, what: "an audience") else { continue }
            entry.reportUnknownKeys(known: knownAudienceKeys, severity: .error, what: "audience")
            guard let id = entry.string("id", required: true) else {
                diagnostics += entry.diagnostics
                continue
            }
            if !URLSegment.isLowercaseWords(id) {
                entry.diagnostics.append(.error(entry.location("id"), "audience id '\(id)' must be lowercase letters and digits joined by hyphens"))
            }
            if audiences.contains(where: { $0.id == id }) {
                entry.diagnostics.append(.error(entry.location("id"), "audience '\(id)' is defined twice", hint: "keep one entry per audience"))
            }
            let label = entry.localized("label", languages: languages, required: true) ?? [:]
            let description = entry.localized("description", languages: languages) ?? label
            let slug = entry.localized("slug", languages: languages) ?? Dictionary(uniqueKeysWithValues: languages.map { ($0, id) })
            for (language, segment) in slug.sorted(by: { $0.key < $1.key }) {
                if let problem = URLSegment.problem(with: segment) {
                    entry.diagnostics.append(.error(entry.location("slug"), "slug '\(segment)' of audience '\(id)' (\(language)) is not a URL segment: \(problem)"))
                }
            }
            let cog = entry.int("cog")
            if let cog, !(2000...2100).contains(cog) {
                entry.diagnostics.append(.error(entry.location("cog"), "cog \(cog) is not a plausible year", hint: "give the year of the contract's calendar, like 2026"))
            }
            diagnostics += entry.diagnostics
            audiences.append(Audience(id: id, label: label, description: description, slug: slug, cog: cog))
        }
        site.diagnostics = diagnostics
        return audiences
    }
}
