/// Everything site.yml says, checked: the shared starting point of every stage.
public struct SiteConfiguration: Sendable, Equatable {
    /// A text in each configured language, keyed by language code.
    public typealias Localized = [String: String]

    public var title: Localized
    public var description: Localized
    /// Always ends with `/`.
    public var baseURL: String
    /// The first one is the default language.
    public var languages: [String]
    public var theme: String
    /// Raw HTML in Markdown is dropped unless this is true.
    public var allowRawHTML: Bool
    /// URL segments of the generated audience index, site-map and search pages, per language.
    public var audiencesPath: Localized
    public var sitemapPath: Localized
    public var searchPath: Localized
    /// The closed vocabulary of target audiences, in site.yml order.
    public var audiences: [Audience]
    /// How big and deep a page may be (`limits:`).
    public var limits: InputLimits = .standard
    /// The publication director and host the legal notice names (`legalNotice:`), absent when site.yml has none.
    public var legalNotice: LegalNotice?
    /// Folders of the host that other systems serve (`links: servedElsewhere:`), like `/docs/`.
    public var servedElsewhere: [String] = []
    /// Where the preview's charter panel opens a source file (`editor:`), absent when site.yml has none.
    public var editor: EditorLink?

    /// Whether `path`, from the host's root (`/docs/a.html`), is in a folder another system serves.
    public func isServedElsewhere(path: String) -> Bool {
        servedElsewhere.contains { path.hasPrefix($0) }
    }
    /// URL segment of the country directory made from `Data/countries.yml`, per language (`paths: {countries: …}`).
    public var countriesPath: Localized = [:]
    /// The country directory's settings (`countries:`) and whether data pages count for IS.II.B.1 (`indicators:`).
    public var dataPages: DataPageSettings = DataPageSettings()

    public var defaultLanguage: String { languages[0] }

    public func audience(id: String) -> Audience? { audiences.first { $0.id == id } }

    public init(title: Localized, description: Localized, baseURL: String, languages: [String], theme: String,
                allowRawHTML: Bool, audiencesPath: Localized, sitemapPath: Localized, searchPath: Localized = [:], audiences: [Audience],
                limits: InputLimits = .standard) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.languages = languages
        self.theme = theme
        self.allowRawHTML = allowRawHTML
        self.audiencesPath = audiencesPath
        self.sitemapPath = sitemapPath
        self.searchPath = searchPath
        self.audiences = audiences
        self.limits = limits
    }
}

/// A target audience of the contract's calendar (indicator IS.II.B.1).
public struct Audience: Sendable, Equatable, Identifiable {
    public var id: String
    public var label: SiteConfiguration.Localized
    public var description: SiteConfiguration.Localized
    /// The URL segment of its landing page, per language.
    public var slug: SiteConfiguration.Localized
    /// The year the contract (COG) plans this audience's pages.
    public var cog: Int?

    public init(id: String, label: SiteConfiguration.Localized, description: SiteConfiguration.Localized,
                slug: SiteConfiguration.Localized, cog: Int?) {
        self.id = id
        self.label = label
        self.description = description
        self.slug = slug
        self.cog = cog
    }
}
