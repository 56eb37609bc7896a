import Configuration
import Diagnostics
import Foundation

/// The whole site as the stages after loading see it: pages with URLs, translations, sections,
/// audiences and the generated pages' URLs. Built once, read by every later stage.
public struct SiteContent: Sendable {
    public let configuration: SiteConfiguration
    /// Ordered by language (site.yml order), then path: the same order on every run.
    public private(set) var pages: [Page]
    public let aliases: [AliasRoute]
    public let resources: [ResourceRoute]
    /// The data of the country pages (`Data/countries.yml`), nil when the site has none.
    public let countries: CountryData?

    private let pageBySourcePath: [String: Int]
    private let pagesByGroup: [String: [Int]]
    let resourceBySourcePath: [String: Int]
    /// Section page of each folder, by language then folder relative to the language folder (`""` = home).
    private let sectionByFolder: [String: [String: Int]]
    private let parents: [Int?]
    private let childrenByPage: [Int: [Int]]
    /// Menu name → language → pages, in list order: computed once, read by every page.
    private let menus: [String: [String: [Int]]]
    /// Audience id → language → pages, in list order: computed once, read by every page that counts or lists them.
    private let audiencePages: [String: [String: [Int]]]
    /// Every output file claimed by a page, generated page, alias or resource.
    public let claimedOutputPaths: Set<String>
    /// Markdown files that could not be read or whose front matter is wrong: links to them are not
    /// reported as broken (the file's own errors say what is wrong).
    let unloadedSourcePaths: Set<String>
    /// Warnings about the site's structure (file names changed to make URLs); with `withProblems`, its errors too.
    public let diagnostics: [Diagnostic]

    /// Gives URLs and checks that no two things claim one URL and that nothing escapes the output.
    /// `includeDrafts` keeps draft pages; otherwise they are left out of the site entirely.
    public init(configuration: SiteConfiguration, loaded: ContentLoader.Result, includeDrafts: Bool) throws(DiagnosticsError) {
        self.init(building: configuration, loaded: loaded, includeDrafts: includeDrafts)
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics) }
    }

    /// The site as far as it can be made, its errors in `diagnostics` instead of thrown: the later
    /// stages then report their problems (broken links, raw HTML) in the same run.
    public static func withProblems(configuration: SiteConfiguration, loaded: ContentLoader.Result, includeDrafts: Bool) -> SiteContent {
        SiteContent(building: configuration, loaded: loaded, includeDrafts: includeDrafts)
    }

    private init(building configuration: SiteConfiguration, loaded: ContentLoader.Result, includeDrafts: Bool) {
        var diagnostics: [Diagnostic] = []
        var names = URLSegmentNames()
        let sources = loaded.pages
            .filter { includeDrafts || !$0.frontMatter.draft }
            .sorted { (configuration.languages.firstIndex(of: $0.language) ?? 0, $0.relativePath) < (configuration.languages.firstIndex(of: $1.language) ?? 0, $1.relativePath) }

        // A folder's URL segment is the slug of its _index.md, or the folder's name.
        // A file's or folder's name is made a tidy URL segment unless a slug names it (see `TidyNames`).
        var folderSegments: [String: [String: String]] = [:]
        for page in sources where page.kind == .section {
            if let slug = page.frontMatter.slug { folderSegments[page.language, default: [:]][page.folder] = slug }
        }
        let sectionPaths = Set(sources.filter { $0.kind == .section }.map(\.path))
        func folderURLSegments(language: String, folder: String) -> [String] {
            var segments = [language]
            var prefix = ""
            for name in folder.split(separator: "/").map(String.init) {
                prefix = prefix.isEmpty ? name : prefix + "/" + name
                segments.append(folderSegments[language]?[prefix]
                    ?? names.folderSegment(name, path: "\(ContentLoader.contentFolder)/\(language)/\(prefix)", sections: sectionPaths))
            }
            return segments
        }

        var claims = OutputClaims()
        func claim(_ outputPath: String, by claimant: String, at location: SourceLocation) {
            claims.claim(outputPath, by: claimant, at: location)
        }

        // Generated pages first, so that a content page that collides with one is the one reported. The
        // search page's URL is claimed with or without Pagefind, so that a URL is not an error on one machine only.
        let siteFile = SourceLocation(file: ConfigurationLoader.fileName)
        for page in GeneratedPage.all(in: configuration, countries: loaded.countries, search: true) {
            claim(page.outputPath(in: configuration), by: page.claimant, at: siteFile)
        }
        for (path, what) in BuildFiles.files.sorted(by: { $0.key < $1.key }) { claim(path, by: what, at: siteFile) }

        var pages: [Page] = []
        var groupUse: [String: [String: String]] = [:]
        for source in sources {
            var segments = folderURLSegments(language: source.language, folder: source.folder)
            if source.kind == .page && source.baseName != "index" {
                segments.append(source.frontMatter.slug ?? names.pageSegment(source))
            }
            let outputPath = URLPaths.outputPath(segments)
            claim(outputPath, by: source.path, at: source.frontMatter.location(of: "slug") ?? SourceLocation(file: source.path, line: 1))
            let group = source.frontMatter.translationKey.map { "key:" + $0 } ?? "path:" + source.relativePath
            if let other = groupUse[source.language]?[group], let key = source.frontMatter.translationKey {
                diagnostics.append(.error(source.frontMatter.location(of: "translationKey") ?? SourceLocation(file: source.path, line: 1),
                                          "translationKey '\(key)' is already used by \(other) in the same language",
                                          hint: "each version of a page has its own language; give this page another translationKey"))
            }
            groupUse[source.language, default: [:]][group] = source.path
            pages.append(Page(source: source, url: URLPaths.url(segments), outputPath: outputPath, translationGroup: group))
        }
        let unloaded = Set(loaded.files.filter { if case .failure = $0.value.result { true } else { false } }.keys)
        for language in configuration.languages where !pages.contains(where: { $0.language == language && $0.kind == .home })
            && !unloaded.contains("\(ContentLoader.contentFolder)/\(language)/_index.md") {
            diagnostics.append(.error(SourceLocation(file: "\(ContentLoader.contentFolder)/\(language)/_index.md"), "the home page of '\(language)' is missing",
                                      hint: "create \(ContentLoader.contentFolder)/\(language)/_index.md with a title and a description"))
        }

        var aliases: [AliasRoute] = []
        for (index, page) in pages.enumerated() {
            let location = page.frontMatter.location(of: "aliases") ?? SourceLocation(file: page.source.path, line: 1)
            for alias in page.frontMatter.aliases {
                guard let outputPath = SiteContent.aliasOutputPath(alias) else {
                    diagnostics.append(.error(location, "alias '\(alias)' is not a path inside the site",
                                              hint: "write an old URL of this site as a path, like /fr/ancienne-page/, without '..' or a host"))
                    continue
                }
                claim(outputPath, by: "alias '\(alias)' of \(page.source.path)", at: location)
                aliases.append(AliasRoute(outputPath: outputPath, page: index, location: location))
            }
        }

        var resources: [ResourceRoute] = []
        for resource in loaded.resources {
            let folder = resource.relativePath.split(separator: "/").dropLast().joined(separator: "/")
            let name = String(resource.relativePath.split(separator: "/").last ?? "")
            let segments = folderURLSegments(language: resource.language, folder: folder)
            let segment = names.fileSegment(name, path: resource.path)
            let outputPath = (segments + [segment]).joined(separator: "/")
            claim(outputPath, by: resource.path, at: SourceLocation(file: resource.path))
            resources.append(ResourceRoute(resource: resource, url: String(URLPaths.url(segments + [segment]).dropLast()), outputPath: outputPath))
        }
        claims.reportFilesInTheWay(reservedFolders: BuildFiles.folders)
        diagnostics += pages.flatMap { SourcesField.problems(of: $0.source, configuration: configuration) }

        self.configuration = configuration
        self.pages = pages
        self.aliases = aliases
        self.resources = resources
        countries = loaded.countries
        claimedOutputPaths = claims.outputPaths
        unloadedSourcePaths = unloaded
        self.diagnostics = diagnostics + names.diagnostics + claims.diagnostics
        pageBySourcePath = Dictionary(uniqueKeysWithValues: pages.enumerated().map { ($1.source.path, $0) })
        resourceBySourcePath = Dictionary(uniqueKeysWithValues: resources.enumerated().map { ($1.resource.path, $0) })
        pagesByGroup = Dictionary(grouping: pages.indices, by: { pages[$0].translationGroup })
        var sections: [String: [String: Int]] = [:]
        for (index, page) in pages.enumerated() where page.kind != .page {
            sections[page.language, default: [:]][page.source.folder] = index
        }
        sectionByFolder = sections
        let parents = pages.map { page -> Int? in SiteContent.parentSection(of: page, sections: sections[page.language] ?? [:]) }
        self.parents = parents
        var children: [Int: [Int]] = [:]
        for (index, parent) in parents.enumerated() {
            if let parent { children[parent, default: []].append(index) }
        }
        childrenByPage = children.mapValues { SiteContent.listOrder($0, pages: pages) }
        menus = SiteContent.lists(of: pages) { $0.frontMatter.menus }
        audiencePages = SiteContent.lists(of: pages) { $0.frontMatter.audiences }
    }

    /// Name → language → pages, in list order, for the names each page's front matter gives (its menus, its audiences).
    static func lists(of pages: [Page], names: (Page) -> [String]) -> [String: [String: [Int]]] {
        var lists: [String: [String: [Int]]] = [:]
        for (index, page) in pages.enumerated() {
            for name in names(page) { lists[name, default: [:]][page.language, default: []].append(index) }
        }
        return lists.mapValues { $0.mapValues { SiteContent.listOrder($0, pages: pages) } }
    }

    /// The same site with the pages' texts of `sources`, when only texts changed: every page has a
    /// source at the same path with the same front matter and kind. Nil otherwise (build it anew).
    /// URLs, translations, lists and menus depend on paths and front matter only, so they stay.
    /// Pages whose path is in `unchanged` are known to be the same file and are not compared.
    /// A source that is no page of the site is a draft left out: it stays out only while it is a draft.
    public func replacingTexts(with sources: [String: SourcePage], unchanged: Set<String> = []) -> SiteContent? {
        guard sources.values.allSatisfy({ pageBySourcePath[$0.path] != nil || $0.frontMatter.draft }) else { return nil }
        var updated = self
        for index in pages.indices where !unchanged.contains(pages[index].source.path) {
            guard let source = sources[pages[index].source.path], updated.replaceText(of: index, with: source) else { return nil }
        }
        return updated
    }

    /// Gives one page another text; false, and nothing changed, when `source` is not the same file
    /// with the same kind and front matter (which could change the site's structure).
    public mutating func replaceText(of index: Int, with source: SourcePage) -> Bool {
        let page = pages[index]
        guard source.path == page.source.path, source.kind == page.source.kind, source.frontMatter == page.source.frontMatter else { return false }
        pages[index] = Page(source: source, url: page.url, outputPath: page.outputPath, translationGroup: page.translationGroup)
        return true
    }

    // MARK: - Structure

    public func page(sourcePath: String) -> Int? { pageBySourcePath[sourcePath] }

    public func home(language: String) -> Int? { sectionByFolder[language]?[""] }

    /// Every version of the page's group, in site.yml's language order, including the page itself.
    public func versions(of index: Int) -> [Int] {
        let group = pagesByGroup[pages[index].translationGroup] ?? [index]
        return group.sorted { (configuration.languages.firstIndex(of: pages[$0].language) ?? 0) < (configuration.languages.firstIndex(of: pages[$1].language) ?? 0) }
    }

    /// The version of the page in `language`, if it exists.
    public func translation(of index: Int, in language: String) -> Int? {
        versions(of: index).first { pages[$0].language == language }
    }

    /// The section (or home) page the page belongs to.
    public func parent(of index: Int) -> Int? { parents[index] }

    /// Ancestors from the home page down to the parent.
    public func ancestors(of index: Int) -> [Int] {
        var chain: [Int] = []
        var current = parents[index]
        while let section = current, !chain.contains(section) {
            chain.insert(section, at: 0)
            current = parents[section]
        }
        return chain
    }

    /// The pages and sections listed on a home or section page.
    public func children(of index: Int) -> [Int] { childrenByPage[index] ?? [] }

    /// The pages of `language` dedicated to an audience, in list order.
    public func pages(forAudience id: String, language: String) -> [Int] {
        audiencePages[id]?[language] ?? []
    }

    /// The pages of `language` in a menu (`main`, `footer`), in list order.
    public func menu(_ name: String, language: String) -> [Int] {
        menus[name]?[language] ?? []
    }

    // MARK: - URLs of generated pages

    public func homeURL(language: String) -> String { URLPaths.url([language]) }

    // The registry (`GeneratedPage`) says where each generated page is; these read it.

    public func audienceIndexURL(language: String) -> String { GeneratedPage.audienceIndex(language: language).url(in: configuration) }

    public func audienceURL(_ audience: Audience, language: String) -> String {
        GeneratedPage.audience(audience, language: language).url(in: configuration)
    }

    public func sitemapPageURL(language: String) -> String { GeneratedPage.siteMap(language: language).url(in: configuration) }

    /// The search page, written when the build runs Pagefind.
    public func searchPageURL(language: String) -> String { GeneratedPage.search(language: language).url(in: configuration) }

    public func notFoundOutputPath(language: String) -> String { GeneratedPage.notFound(language: language).outputPath(in: configuration) }

    /// Every generated page of the site (see `GeneratedPage.all`), its country pages too.
    public func generatedPages(search: Bool) -> [GeneratedPage] {
        GeneratedPage.all(in: configuration, countries: countries, search: search)
    }

    /// The directory of countries, when the site has `Data/countries.yml`.
    public func countryIndexURL(language: String) -> String? {
        countries.map { _ in GeneratedPage.countryIndex(language: language).url(in: configuration) }
    }

    public func countryURL(_ country: Country, language: String) -> String {
        GeneratedPage.country(country, language: language).url(in: configuration)
    }

    /// The page of `language` whose translationKey is `key`, if there is one.
    public func page(translationKey key: String, language: String) -> Int? {
        pagesByGroup["key:" + key]?.first { pages[$0].language == language }
    }

    // MARK: - Helpers

    /// Lists are ordered by weight (pages without one last), then title, then path, so the order never depends on the file system.
    static func listOrder(_ indices: [Int], pages: [Page]) -> [Int] {
        // Each title lowercased once, not at every comparison.
        let keys = Dictionary(uniqueKeysWithValues: indices.map { ($0, (pages[$0].frontMatter.weight ?? Int.max, pages[$0].title.lowercased(), pages[$0].source.path)) })
        return indices.sorted { keys[$0]! < keys[$1]! }
    }

    static func parentSection(of page: Page, sections: [String: Int]) -> Int? {
        if page.kind == .home { return nil }
        var folder = page.source.folder
        if page.kind == .section || (page.kind == .page && page.source.baseName == "index") {
            folder = folder.split(separator: "/").dropLast().joined(separator: "/")
        }
        while true {
            if let section = sections[folder] { return section }
            if folder.isEmpty { return nil }
            folder = folder.split(separator: "/").dropLast().joined(separator: "/")
        }
    }

    /// `/fr/ancienne-page/` → `fr/ancienne-page/index.html`; nil when the alias is not a path inside the site.
    static func aliasOutputPath(_ alias: String) -> String? {
        if alias.contains("://") || alias.hasPrefix("//") || alias.contains("\\") || alias.contains("?") || alias.contains("#") { return nil }
        let components = alias.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !components.isEmpty, !components.contains(where: { $0 == ".." || $0 == "." || URLSegment.problem(with: $0) != nil }) else {
            return nil
        }
        if let last = components.last, last.hasSuffix(".html") { return components.joined(separator: "/") }
        return URLPaths.outputPath(components)
    }
}
