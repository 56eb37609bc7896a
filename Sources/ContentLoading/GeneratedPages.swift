import Configuration

/// A page the build makes itself rather than from a file of Content/: the registry of them.
///
/// Everything that must agree about a generated page reads it here: the URL claims of `SiteContent`
/// (no content page may take its URL), the duplicate-title check, sitemap.xml, the theme's required
/// templates and strings, and the renderer's list of files. Adding a generated page is one new case,
/// listed by `all(in:search:)`: the compiler then asks for each of its declarations below, and for its
/// rendering in `SiteRenderer` (GeneratedPagesTests checks that every template kind is listed).
public enum GeneratedPage: Sendable, Equatable {
    /// The list of the site's audiences, with their landing pages.
    case audienceIndex(language: String)
    /// An audience's landing page: the pages dedicated to it.
    case audience(Audience, language: String)
    /// The site map for people (sitemap.xml is for search engines).
    case siteMap(language: String)
    /// Pagefind's search interface: written only when the build runs Pagefind.
    case search(language: String)
    /// What a server shows for a URL of the language that leads nowhere.
    case notFound(language: String)
    /// `index.html` at the root: the bilingual language chooser, every page's `x-default`.
    case chooser

    /// Every generated page of a site, in a fixed order: the chooser, then each language's pages in
    /// site.yml's order. `search`: with the search page, which exists only when Pagefind runs.
    public static func all(in configuration: SiteConfiguration, search: Bool) -> [GeneratedPage] {
        var pages: [GeneratedPage] = [.chooser]
        for language in configuration.languages {
            pages.append(.audienceIndex(language: language))
            pages += configuration.audiences.map { .audience($0, language: language) }
            pages += [.siteMap(language: language), .search(language: language), .notFound(language: language)]
        }
        return search ? pages : pages.filter { !$0.template.needsSearch }
    }

    /// The language of the page; nil for the chooser, which is every language's.
    public var language: String? {
        switch self {
        case .audienceIndex(let language), .audience(_, let language), .siteMap(let language), .search(let language), .notFound(let language):
            language
        case .chooser: nil
        }
    }

    public var template: GeneratedTemplate {
        switch self {
        case .audienceIndex: .audienceIndex
        case .audience: .audience
        case .siteMap: .siteMap
        case .search: .search
        case .notFound: .notFound
        case .chooser: .chooser
        }
    }

    /// The page's root-relative URL, percent-encoded: `/fr/publics/`.
    public func url(in configuration: SiteConfiguration) -> String {
        switch self {
        case .audienceIndex(let language): URLPaths.url([language, Self.audiencesSegment(configuration, language)])
        case .audience(let audience, let language):
            URLPaths.url([language, Self.audiencesSegment(configuration, language), audience.slug[language] ?? audience.id])
        case .siteMap(let language): URLPaths.url([language, configuration.sitemapPath[language] ?? "sitemap"])
        case .search(let language): URLPaths.url([language, configuration.searchPath[language] ?? "search"])
        // Where servers look for it (nginx's `error_page`, the live preview), not a folder of its own.
        case .notFound(let language): "/\(language)/404.html"
        case .chooser: "/"
        }
    }

    /// The file the page is written to, relative to the output folder: `fr/publics/index.html`.
    public func outputPath(in configuration: SiteConfiguration) -> String {
        URLPaths.outputPath(forURL: url(in: configuration))
    }

    /// The page's versions, as `<link rel="alternate">` and sitemap.xml list them: the same page in every
    /// language; the home pages for the chooser; none for a 404 page, which answers any missing URL.
    public func versions(in configuration: SiteConfiguration) -> [(language: String, url: String)] {
        switch self {
        case .chooser: configuration.languages.map { ($0, URLPaths.url([$0])) }
        case .notFound: []
        default: configuration.languages.map { ($0, inLanguage($0).url(in: configuration)) }
        }
    }

    /// The same page in another language (the chooser is every language's).
    public func inLanguage(_ other: String) -> GeneratedPage {
        switch self {
        case .audienceIndex: .audienceIndex(language: other)
        case .audience(let audience, _): .audience(audience, language: other)
        case .siteMap: .siteMap(language: other)
        case .search: .search(language: other)
        case .notFound: .notFound(language: other)
        case .chooser: .chooser
        }
    }

    /// An audience's landing page is titled by its label, the chooser by the site's title and the
    /// language names, every other page by its template's theme string.
    public var title: GeneratedTitle {
        if case .audience(let audience, _) = self { return .audienceLabel(audience) }
        if let key = template.titleString { return .themeString(key) }
        return .siteTitleAndLanguages
    }

    /// What claims the page's URL, for messages: "the audience index (fr)".
    public var claimant: String {
        switch self {
        case .audienceIndex(let language): "the audience index (\(language))"
        case .audience(let audience, let language): "the landing page of audience '\(audience.id)' (\(language))"
        case .siteMap(let language): "the site map page (\(language))"
        case .search(let language): "the search page (\(language))"
        case .notFound(let language): "the 404 page (\(language))"
        case .chooser: "the language chooser"
        }
    }

    private static func audiencesSegment(_ configuration: SiteConfiguration, _ language: String) -> String {
        configuration.audiencesPath[language] ?? "audiences"
    }
}

/// What a generated page is titled with.
public enum GeneratedTitle: Sendable, Equatable {
    /// A string of the theme's table of the page's language (`i18n/fr.yml`), by key.
    case themeString(String)
    /// The audience's label in site.yml, in the page's language.
    case audienceLabel(Audience)
    /// The chooser's `<title>`: the site's title and the language names, unlike any page's title, so
    /// not compared with theirs.
    case siteTitleAndLanguages

    public var isThemeString: Bool {
        if case .themeString = self { true } else { false }
    }
}

/// The template a generated page is rendered with, and what holds for every page of that kind.
public enum GeneratedTemplate: String, Sendable, CaseIterable {
    case audience, audienceIndex, siteMap, search, notFound, chooser

    /// Whether sitemap.xml lists the pages: the search page and the 404 pages are not destinations.
    public var isInSitemap: Bool {
        switch self {
        case .audienceIndex, .audience, .siteMap, .chooser: true
        case .search, .notFound: false
        }
    }

    /// Whether the search indexes the pages (`data-pagefind-body`): the audience lists, which say what
    /// the site has for whom. The site map is only links: a search would find every title twice.
    public var isSearchable: Bool {
        switch self {
        case .audienceIndex, .audience: true
        case .siteMap, .search, .notFound, .chooser: false
        }
    }

    /// Whether the pages exist only in a site with a search (when the build runs Pagefind).
    public var needsSearch: Bool { self == .search }

    /// The key of the theme string that titles the pages, if one does.
    public var titleString: String? {
        switch self {
        case .audienceIndex: "audiencesTitle"
        case .siteMap: "sitemap"
        case .search: "searchTitle"
        case .notFound: "notFoundTitle"
        case .audience, .chooser: nil
        }
    }

    /// The key of the theme string that describes the pages (`<meta name="description">`), if one does.
    public var descriptionString: String? {
        switch self {
        case .audienceIndex: "audiencesDescription"
        case .siteMap: "sitemapDescription"
        case .search: "searchDescription"
        case .notFound: "notFoundDescription"
        case .audience, .chooser: nil
        }
    }

    /// The theme strings the pages show, which every string table of the theme must have.
    public var themeStrings: [String] { [titleString, descriptionString].compactMap { $0 } }
}
