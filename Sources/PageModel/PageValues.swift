/// `page`: the page being rendered, on the eight page kinds (not the chooser nor redirects).
public struct PageValues: TemplateModel {
    /// The page's title.
    public var title: String
    /// The text of `<title>`.
    public var documentTitle: String
    /// Root-relative URL.
    public var url: String
    /// Absolute URL.
    public var canonical: String
    /// The description, absent when empty.
    public var description: String?
    /// The Markdown body rendered; absent when empty and on generated pages.
    public var contentHTML: RenderedHTML?
    /// Last update as a date of the page's language.
    public var lastUpdated: String?
    /// The same day in ISO form.
    public var lastUpdatedISO: String?
    /// Ancestors from the home page.
    public var breadcrumb: [Link]
    /// Every language version, then x-default.
    public var alternates: [Alternate]
    /// The audiences the page is dedicated to.
    public var audiences: [AudienceTag]
    /// Whether `audiences` is not empty.
    public var hasAudiences: Bool
    /// The pages listed.
    public var children: [ListEntry]
    /// Whether `children` is not empty.
    public var hasChildren: Bool
    /// Whether the search indexes the page.
    public var searchable: Bool
    /// Present (true) on pages that search engines must not index.
    public var noindex: Bool?
    /// The original of an outdated translation.
    public var outdatedTranslation: OutdatedTranslation?
    /// On the legal notice page only: site.yml's `legalNotice:` settings.
    public var legalNotice: LegalNoticeValues? = nil
    /// The legal and official texts the page relies on.
    public var sources: [SourceLink] = []
    /// Whether `sources` is not empty.
    public var hasSources = false
    public init(title: String, documentTitle: String, url: String, canonical: String, description: String?, contentHTML: RenderedHTML?, lastUpdated: String?, lastUpdatedISO: String?, breadcrumb: [Link], alternates: [Alternate], audiences: [AudienceTag], hasAudiences: Bool, children: [ListEntry], hasChildren: Bool, searchable: Bool, noindex: Bool?, outdatedTranslation: OutdatedTranslation?) {
        self.title = title
        self.documentTitle = documentTitle
        self.url = url
        self.canonical = canonical
        self.description = description
        self.contentHTML = contentHTML
        self.lastUpdated = lastUpdated
        self.lastUpdatedISO = lastUpdatedISO
        self.breadcrumb = breadcrumb
        self.alternates = alternates
        self.audiences = audiences
        self.hasAudiences = hasAudiences
        self.children = children
        self.hasChildren = hasChildren
        self.searchable = searchable
        self.noindex = noindex
        self.outdatedTranslation = outdatedTranslation
    }

    public static let schemaName = "Page"
    public static let summary = "The page being rendered."
    public static let fields: [ModelField<Self>] = [
        .init("title", "the page's title") { $0.title },
        .init("documentTitle", "the text of `<title>`: `title — site title` (the site title alone on a home page of that title; `name — directory title — site title` on a country page), unique per page") { $0.documentTitle },
        .init("url", "the page's root-relative URL") { $0.url },
        .init("canonical", "its absolute URL") { $0.canonical },
        .init("description", "its description (front matter, or the theme string of a generated page); absent when empty") { $0.description },
        .init("contentHTML", "the Markdown body rendered, for `{{{page.contentHTML}}}`; absent when empty, and always on generated pages (audience, audiences, sitemap, search, 404), which have no body: a theme may still render it there") { $0.contentHTML },
        .init("lastUpdated", "the last update (`28 novembre 2026`) on `home`, `section`, `page`; absent when unknown") { $0.lastUpdated },
        .init("lastUpdatedISO", "the same day as `2026-11-28`") { $0.lastUpdatedISO },
        .init("breadcrumb", "the ancestors from the home page, without the page itself; empty on home pages") { $0.breadcrumb },
        .init("alternates", "every language version including this one, then `x-default`; empty on `404`") { $0.alternates },
        .init("audiences", "the audiences the page is dedicated to (`audiences:` in its front matter); empty on generated pages") { $0.audiences },
        .init("hasAudiences", "whether `audiences` is not empty") { $0.hasAudiences },
        .init("children", "the pages listed on `home` (its sections), `section` and `audience`; empty elsewhere") { $0.children },
        .init("hasChildren", "whether `children` is not empty") { $0.hasChildren },
        .init("searchable", "whether the search indexes the page (`data-pagefind-body`): false on `sitemap`, `search`, `404`") { $0.searchable },
        .init("noindex", "present and true on `search`, which search engines must not index; absent elsewhere") { $0.noindex },
        .init("outdatedTranslation", "on a translation whose original changed after it: the original, for a notice (string `outdatedTranslation`)") { $0.outdatedTranslation },
        .init("legalNotice", "on the legal notice page (site.yml `legalNotice.page`, a translationKey) only: the publication director and host of site.yml") { $0.legalNotice },
        .init("sources", "the legal and official texts the page relies on (`sources:` in its front matter), in their order; empty on generated pages") { $0.sources },
        .init("hasSources", "whether `sources` is not empty") { $0.hasSources },
    ]
}

/// What every page kind offers at the top level, besides its own values.
public struct CommonValues: TemplateModel {
    /// The page's language.
    public var lang: String
    /// The string table of the page's language.
    public var t: ThemeStrings
    /// The site.
    public var site: SiteValues
    /// The published URL of each asset.
    public var assets: AssetURLs
    /// The main menu.
    public var nav: [NavItem]
    /// Whether `nav` is not empty.
    public var hasNav: Bool
    /// The footer's links.
    public var footerLinks: [Link]
    /// Whether `footerLinks` is not empty.
    public var hasFooterLinks: Bool
    /// The other languages.
    public var switcher: [SwitcherItem]
    /// The page being rendered.
    public var page: PageValues
    public init(lang: String, t: ThemeStrings, site: SiteValues, assets: AssetURLs, nav: [NavItem], hasNav: Bool, footerLinks: [Link], hasFooterLinks: Bool, switcher: [SwitcherItem], page: PageValues) {
        self.lang = lang
        self.t = t
        self.site = site
        self.assets = assets
        self.nav = nav
        self.hasNav = hasNav
        self.footerLinks = footerLinks
        self.hasFooterLinks = hasFooterLinks
        self.switcher = switcher
        self.page = page
    }

    public static let schemaName = "Common"
    public static let summary = "The values of every page kind."
    public static let fields: [ModelField<Self>] = [
        .init("lang", "the page's language (`fr`), for `<html lang>`") { $0.lang },
        .init("t", "the string table of the page's language (`{{t.skipToContent}}`): every key of `i18n/<lang>.yml`") { $0.t },
        .init("site", "the site, in this language") { $0.site },
        .init("assets", "the published URL of each file of `assets/`, each `.` or `/` of its path a step: `{{assets.cleiss.css}}`, `{{assets.img.logo.png}}`") { $0.assets },
        .init("nav", "the main menu: the pages with `menus: main`") { $0.nav },
        .init("hasNav", "whether `nav` is not empty") { $0.hasNav },
        .init("footerLinks", "the footer's links: pages with `menus: footer`, then the site map") { $0.footerLinks },
        .init("hasFooterLinks", "whether `footerLinks` is not empty (always true: the site map is there)") { $0.hasFooterLinks },
        .init("switcher", "one entry per *other* language of the site") { $0.switcher },
        .init("page", "the page being rendered") { $0.page },
    ]
}
