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
    /// The A–Z directory of countries by regime, made from `Data/countries.yml`.
    case countryIndex(language: String)
    /// One country of `Data/countries.yml`: its regime, what its agreement covers, each fact's source.
    case country(Country, language: String)

    /// Every generated page of a site, in a fixed order: the chooser, then each language's pages in
    /// site.yml's order. `search`: with the search page, which exists only when Pagefind runs.
    /// `countries`: the data of the country pages, nil when the site has no `Data/countries.yml`.
    public static func all(in configuration: SiteConfiguration, countries: CountryData?, search: Bool) -> [GeneratedPage] {
        var pages: [GeneratedPage] = [.chooser]
        for language in configuration.languages {
            pages.append(.audienceIndex(language: language))
            pages += configuration.audiences.map { .audience($0, language: language) }
            pages += [.siteMap(language: language), .search(language: language), .notFound(language: language)]
            if let countries {
                pages.append(.countryIndex(language: language))
                pages += countries.countries.map { .country($0, language: language) }
            }
        }
        return search ? pages : pages.filter { !$0.template.needsSearch }
    }

    /// The language of the page; nil for the chooser, which is every language's.
    public var language: String? {
        switch self {
        case .audienceIndex(let language), .audience(_, let language), .siteMap(let language), .search(let language), .notFound(let language),
             .countryIndex(let language), .country(_, let language):
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
        case .countryIndex: .countryIndex
        case .country: .country
        }
    }

    /// Whether the page is made from a data file (`Data/`): the inventory says so, and IS.II.B.1
    /// counts it only when site.yml asks (`indicators: {countDataPages: true}`).
    public var isFromData: Bool { template.isFromData }

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
        case .countryIndex(let language): URLPaths.url([language, Self.countriesSegment(configuration, language)])
        case .country(let country, let language):
            URLPaths.url([language, Self.countriesSegment(configuration, language), country.slug[language] ?? country.id])
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
        case .countryIndex: .countryIndex(language: other)
        case .country(let country, _): .country(country, language: other)
        }
    }

    /// An audience's landing page is titled by its label, the chooser by the site's title and the
    /// language names, every other page by its template's theme string.
    public var title: GeneratedTitle {
        if case .audience(let audience, _) = self { return .audienceLabel(audience) }
        if case .country(let country, let language) = self, let name = country.name[language] { return .dataText(name) }
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
        case .countryIndex(let language): "the directory of countries (\(language))"
        case .country(let country, let language): "the page of country '\(country.id)' (\(language), \(CountryData.file))"
        }
    }

    private static func countriesSegment(_ configuration: SiteConfiguration, _ language: String) -> String {
        configuration.countriesPath[language] ?? "countries"
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
    /// A text of a data file (a country's name), where it is written.
    case dataText(DataText)
    /// The chooser's `<title>`: the site's title and the language names, unlike any page's title, so
    /// not compared with theirs.
    case siteTitleAndLanguages

    public var isThemeString: Bool {
        if case .themeString = self { true } else { false }
    }
}

/// The template a generated page is rendered with, and what holds for every page of that kind.
public enum GeneratedTemplate: String, Sendable, CaseIterable {
    case audience, audienceIndex, siteMap, search, notFound, chooser, countryIndex, country

    /// Whether sitemap.xml lists the pages: the search page and the 404 pages are not destinations.
    public var isInSitemap: Bool {
        switch self {
        case .audienceIndex, .audience, .siteMap, .chooser, .countryIndex, .country: true
        case .search, .notFound: false
        }
    }

    /// Whether the search indexes the pages (`data-pagefind-body`): the audience lists, which say what
    /// the site has for whom. The site map is only links: a search would find every title twice.
    public var isSearchable: Bool {
        switch self {
        case .audienceIndex, .audience, .countryIndex, .country: true
        case .siteMap, .search, .notFound, .chooser: false
        }
    }

    /// Whether the pages are made from a data file of `Data/`.
    public var isFromData: Bool { self == .countryIndex || self == .country }

    /// Whether the pages exist only in a site with a search (when the build runs Pagefind).
    public var needsSearch: Bool { self == .search }

    /// The key of the theme string that titles the pages, if one does.
    public var titleString: String? {
        switch self {
        case .audienceIndex: "audiencesTitle"
        case .siteMap: "sitemap"
        case .search: "searchTitle"
        case .notFound: "notFoundTitle"
        case .countryIndex: "countriesTitle"
        case .audience, .chooser, .country: nil
        }
    }

    /// The key of the theme string that describes the pages (`<meta name="description">`), if one does.
    public var descriptionString: String? {
        switch self {
        case .audienceIndex: "audiencesDescription"
        case .siteMap: "sitemapDescription"
        case .search: "searchDescription"
        case .notFound: "notFoundDescription"
        case .countryIndex: "countriesDescription"
        case .audience, .chooser, .country: nil
        }
    }

    /// The theme strings the pages show, which every string table of the theme must have.
    public var themeStrings: [String] { [titleString, descriptionString].compactMap { $0 } + dataStrings }

    /// The strings the build puts into the pages made from data: the regimes, branches and labels of facts.
    var dataStrings: [String] {
        switch self {
        case .country:
            Regime.allCases.map(\.stringKey) + Branch.allCases.map(\.stringKey)
                + ["countryDescription", "countryMonths", "countryNoExtension", "countryExtensionUntilWorkEnds", "countryExtensionByAgreement"]
        case .countryIndex: DataPageSettings.regimeGroups.map(Regime.groupStringKey)
        default: []
        }
    }
}

extension Regime {
    /// The theme string that says the regime in plain words (`regimeBilateral`).
    public var stringKey: String { "regime" + rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// The theme string that heads a group of the directory (`countryGroupCoordination`).
    public static func groupStringKey(_ group: String) -> String { "countryGroup" + group.prefix(1).uppercased() + group.dropFirst() }
}

extension Branch {
    /// The theme string that names the branch (`branchOldAge`).
    public var stringKey: String {
        "branch" + rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
