/// The records several template kinds share. Each property's meaning for theme authors is in its
/// type's `fields`, which the theme reference (Themes/default/REFERENCE.md) is generated from.

/// A titled link (breadcrumb, footer).
public struct Link: TemplateModel {
    /// The link's text.
    public var title: String
    /// Its root-relative URL.
    public var url: String
    public init(title: String, url: String) { self.title = title; self.url = url }

    public static let schemaName = "Link"
    public static let summary = "A titled link."
    public static let fields: [ModelField<Self>] = [
        .init("title", "the link's text") { $0.title },
        .init("url", "its root-relative URL") { $0.url },
    ]
}

/// A legal or official text a page relies on, outside the site: an item of a page's `sources:`, or the
/// source of a fact of `Data/countries.yml`.
public struct SourceLink: TemplateModel {
    /// The text's name, the link's text.
    public var title: String
    /// Its absolute URL.
    public var url: String
    public init(title: String, url: String) { self.title = title; self.url = url }

    public static let schemaName = "SourceLink"
    public static let summary = "A legal or official text a page relies on: an item of `sources:` in its front matter, or the source of a fact of `Data/countries.yml`."
    public static let fields: [ModelField<Self>] = [
        .init("title", "the text's name in the page's language (as the front matter or the data file gives it): the link's text") { $0.title },
        .init("url", "its absolute http or https URL") { $0.url },
    ]
}

/// The site as every page of a language sees it.
public struct SiteValues: TemplateModel {
    /// The site's title in this language.
    public var title: String
    /// The site's description in this language (may be empty).
    public var description: String
    /// This language's home page (`/fr/`).
    public var homeURL: String
    /// Where the theme's assets are published (`/assets/`).
    public var assetsURL: String
    /// This language's base URL.
    public var baseURL: String
    /// The site-map page of this language.
    public var sitemapURL: String
    /// The index of audiences of this language.
    public var audiencesURL: String
    /// The search page of this language, only when the search is built.
    public var searchURL: String?
    public init(title: String, description: String, homeURL: String, assetsURL: String, baseURL: String, sitemapURL: String, audiencesURL: String, searchURL: String?) {
        self.title = title
        self.description = description
        self.homeURL = homeURL
        self.assetsURL = assetsURL
        self.baseURL = baseURL
        self.sitemapURL = sitemapURL
        self.audiencesURL = audiencesURL
        self.searchURL = searchURL
    }

    public static let schemaName = "Site"
    public static let summary = "The site, in the page's language."
    public static let fields: [ModelField<Self>] = [
        .init("title", "the site's title in this language") { $0.title },
        .init("description", "the site's description in this language (may be empty)") { $0.description },
        .init("homeURL", "this language's home page (`/fr/`)") { $0.homeURL },
        .init("assetsURL", "where assets are published (`/assets/`); link assets with `assets`, not with this") { $0.assetsURL },
        .init("baseURL", "this language's base URL (site.yml)") { $0.baseURL },
        .init("sitemapURL", "this language's site-map page") { $0.sitemapURL },
        .init("audiencesURL", "this language's index of audiences") { $0.audiencesURL },
        .init("searchURL", "this language's search page; absent when the site is built without search") { $0.searchURL },
    ]
}

/// An entry of the main menu.
public struct NavItem: TemplateModel {
    /// The page's title.
    public var title: String
    /// The page's URL.
    public var url: String
    /// Whether it is the page being rendered.
    public var isCurrent: Bool
    public init(title: String, url: String, isCurrent: Bool) { self.title = title; self.url = url; self.isCurrent = isCurrent }

    public static let schemaName = "NavItem"
    public static let summary = "An entry of the main menu (a page with `menus: main`)."
    public static let fields: [ModelField<Self>] = [
        .init("title", "the page's title") { $0.title },
        .init("url", "the page's URL") { $0.url },
        .init("isCurrent", "whether it is the page being rendered (for `aria-current`)") { $0.isCurrent },
    ]
}

/// An entry of the language switcher: another language.
public struct SwitcherItem: TemplateModel {
    /// The language's code (`en`).
    public var lang: String
    /// The language's own name (`English`).
    public var name: String
    /// The translation of the page, or that language's home page.
    public var url: String
    /// Whether `url` is a translation of this page.
    public var hasTranslation: Bool
    public init(lang: String, name: String, url: String, hasTranslation: Bool) { self.lang = lang; self.name = name; self.url = url; self.hasTranslation = hasTranslation }

    public static let schemaName = "SwitcherItem"
    public static let summary = "One *other* language of the site."
    public static let fields: [ModelField<Self>] = [
        .init("lang", "the language's code (`en`), for `lang` and `hreflang`") { $0.lang },
        .init("name", "the language's own name (`English`, `Français`: its string `languageName`)") { $0.name },
        .init("url", "the page's translation when there is one, otherwise that language's home page") { $0.url },
        .init("hasTranslation", "whether `url` is a translation of this page") { $0.hasTranslation },
    ]
}

/// A `<link rel="alternate">` entry.
public struct Alternate: TemplateModel {
    /// The language of the version, or `x-default`.
    public var hreflang: String
    /// The version's absolute URL.
    public var href: String
    public init(hreflang: String, href: String) { self.hreflang = hreflang; self.href = href }

    public static let schemaName = "Alternate"
    public static let summary = "A language version, for `<link rel=\"alternate\">`."
    public static let fields: [ModelField<Self>] = [
        .init("hreflang", "the version's language, or `x-default` (the language chooser)") { $0.hreflang },
        .init("href", "the version's absolute URL") { $0.href },
    ]
}

/// An audience a page is dedicated to.
public struct AudienceTag: TemplateModel {
    /// The audience's label in the page's language.
    public var label: String
    /// The audience's page in this language.
    public var url: String
    public init(label: String, url: String) { self.label = label; self.url = url }

    public static let schemaName = "AudienceTag"
    public static let summary = "An audience the page is dedicated to."
    public static let fields: [ModelField<Self>] = [
        .init("label", "the audience's label in this language") { $0.label },
        .init("url", "the audience's page in this language") { $0.url },
    ]
}

/// An audience of site.yml with its number of pages.
public struct AudienceCard: TemplateModel {
    /// The audience's id in site.yml.
    public var id: String
    /// Its label in this language.
    public var label: String
    /// Its description in this language (may be empty).
    public var description: String
    /// Its page in this language.
    public var url: String
    /// How many pages of this language are dedicated to it.
    public var count: Int
    public init(id: String, label: String, description: String, url: String, count: Int) { self.id = id; self.label = label; self.description = description; self.url = url; self.count = count }

    public static let schemaName = "AudienceCard"
    public static let summary = "An audience of site.yml, with the number of its pages in this language."
    public static let fields: [ModelField<Self>] = [
        .init("id", "the audience's id in site.yml") { $0.id },
        .init("label", "its label in this language") { $0.label },
        .init("description", "its description in this language (may be empty)") { $0.description },
        .init("url", "its page in this language") { $0.url },
        .init("count", "how many pages of this language are dedicated to it") { $0.count },
    ]
}

/// The audience an audience page is about.
public struct AudienceValues: TemplateModel {
    /// The audience's id in site.yml.
    public var id: String
    /// Its label in this language.
    public var label: String
    /// Its description in this language (may be empty).
    public var description: String
    /// Its page in this language.
    public var url: String
    public init(id: String, label: String, description: String, url: String) { self.id = id; self.label = label; self.description = description; self.url = url }

    public static let schemaName = "Audience"
    public static let summary = "The audience of an audience page."
    public static let fields: [ModelField<Self>] = [
        .init("id", "the audience's id in site.yml") { $0.id },
        .init("label", "its label in this language") { $0.label },
        .init("description", "its description in this language (may be empty)") { $0.description },
        .init("url", "its page in this language") { $0.url },
    ]
}

/// A page in a list (a section's or an audience's pages).
public struct ListEntry: TemplateModel {
    /// The page's title.
    public var title: String
    /// The page's URL.
    public var url: String
    /// Its front matter's description, absent when empty.
    public var description: String?
    /// Its last update as a date of its language, absent when unknown.
    public var lastUpdated: String?
    /// The same day as `2026-11-28`.
    public var lastUpdatedISO: String?
    public init(title: String, url: String, description: String?, lastUpdated: String?, lastUpdatedISO: String?) { self.title = title; self.url = url; self.description = description; self.lastUpdated = lastUpdated; self.lastUpdatedISO = lastUpdatedISO }

    public static let schemaName = "ListEntry"
    public static let summary = "A page in a list, ordered by `weight`, then title."
    public static let fields: [ModelField<Self>] = [
        .init("title", "the page's title") { $0.title },
        .init("url", "the page's URL") { $0.url },
        .init("description", "its front matter's description; absent when empty") { $0.description },
        .init("lastUpdated", "its last update (`28 novembre 2026`); absent when unknown") { $0.lastUpdated },
        .init("lastUpdatedISO", "the same day as `2026-11-28`, for `<time datetime>`") { $0.lastUpdatedISO },
    ]
}

/// The original of a translation that is older than it.
public struct OutdatedTranslation: TemplateModel {
    /// The original's URL.
    public var url: String
    /// The original's language code.
    public var lang: String
    /// The original language's own name.
    public var languageName: String
    public init(url: String, lang: String, languageName: String) { self.url = url; self.lang = lang; self.languageName = languageName }

    public static let schemaName = "Outdated"
    public static let summary = "The original (default-language) version of a translation that changed after it."
    public static let fields: [ModelField<Self>] = [
        .init("url", "the original's URL") { $0.url },
        .init("lang", "its language code") { $0.lang },
        .init("languageName", "its language's own name") { $0.languageName },
    ]
}

/// A node of the site-map tree.
public struct TreeNode: TemplateModel {
    /// The page's title.
    public var title: String
    /// The page's URL.
    public var url: String
    /// Its children, empty on leaves.
    public var children: [TreeNode]
    public init(title: String, url: String, children: [TreeNode]) { self.title = title; self.url = url; self.children = children }

    public static let schemaName = "TreeNode"
    public static let summary = "A node of the site-map tree: render it with a partial that includes itself (`partials/tree`)."
    public static let fields: [ModelField<Self>] = [
        .init("title", "the page's title") { $0.title },
        .init("url", "the page's URL") { $0.url },
        .init("children", "its children, always present, empty on leaves") { $0.children },
    ]
}
