/// One root record per template kind: what the template of that name sees at the top level.

/// `page`: an ordinary page of `Content/`.
public struct PageTemplate: TemplateModel {
    /// Language, strings, site, menus and the page.
    public var common: CommonValues
    public init(common: CommonValues) { self.common = common }

    public static let schemaName = "PageTemplate"
    public static let summary = "`page.mustache`: an ordinary page of `Content/`."
    public static let fields: [ModelField<Self>] = ModelField.inline { $0.common }
}

/// `section`: a folder's list page.
public struct SectionTemplate: TemplateModel {
    /// Language, strings, site, menus and the page (its `children` are the folder's pages).
    public var common: CommonValues
    public init(common: CommonValues) { self.common = common }

    public static let schemaName = "SectionTemplate"
    public static let summary = "`section.mustache`: a folder's list page (`Content/<lang>/<folder>/_index.md`)."
    public static let fields: [ModelField<Self>] = ModelField.inline { $0.common }
}

/// `home`: the home page of a language.
public struct HomeTemplate: TemplateModel {
    /// Language, strings, site, menus and the page (its `children` are the sections).
    public var common: CommonValues
    /// Every audience of site.yml.
    public var audienceList: [AudienceCard]
    public init(common: CommonValues, audienceList: [AudienceCard]) { self.common = common; self.audienceList = audienceList }

    public static let schemaName = "HomeTemplate"
    public static let summary = "`home.mustache`: the home page of a language (`Content/<lang>/_index.md`)."
    public static let fields: [ModelField<Self>] = ModelField.inline { $0.common } + [
        .init("audienceList", "every audience of site.yml, with the number of its pages in this language") { $0.audienceList },
    ]
}

/// `audience`: the generated landing page of one audience.
public struct AudienceTemplate: TemplateModel {
    /// Language, strings, site, menus and the page (its `children` are the audience's pages).
    public var common: CommonValues
    /// The audience.
    public var audience: AudienceValues
    /// The directory of countries, when site.yml links it from this audience (`countries.audiences`).
    public var countryDirectory: Link?
    public init(common: CommonValues, audience: AudienceValues, countryDirectory: Link? = nil) {
        self.common = common
        self.audience = audience
        self.countryDirectory = countryDirectory
    }

    public static let schemaName = "AudienceTemplate"
    public static let summary = "`audience.mustache`: the landing page of one audience (generated); `page.children` are its pages."
    public static let fields: [ModelField<Self>] = ModelField.inline { $0.common } + [
        .init("audience", "the audience this page is about") { $0.audience },
        .init("countryDirectory", "the directory of countries made from `Data/countries.yml`, when site.yml's `countries.audiences` names this audience; absent otherwise") { $0.countryDirectory },
    ]
}

/// `audiences`: the generated index of audiences.
public struct AudienceIndexTemplate: TemplateModel {
    /// Language, strings, site, menus and the page.
    public var common: CommonValues
    /// Every audience of site.yml.
    public var audienceList: [AudienceCard]
    public init(common: CommonValues, audienceList: [AudienceCard]) { self.common = common; self.audienceList = audienceList }

    public static let schemaName = "AudienceIndexTemplate"
    public static let summary = "`audiences.mustache`: the index of audiences (generated)."
    public static let fields: [ModelField<Self>] = ModelField.inline { $0.common } + [
        .init("audienceList", "every audience of site.yml, with the number of its pages in this language") { $0.audienceList },
    ]
}

/// `sitemap`: the generated site-map page.
public struct SiteMapTemplate: TemplateModel {
    /// Language, strings, site, menus and the page.
    public var common: CommonValues
    /// The tree of pages, then the audiences.
    public var sitemapTree: [TreeNode]
    public init(common: CommonValues, sitemapTree: [TreeNode]) { self.common = common; self.sitemapTree = sitemapTree }

    public static let schemaName = "SiteMapTemplate"
    public static let summary = "`sitemap.mustache`: the site-map page (generated)."
    public static let fields: [ModelField<Self>] = ModelField.inline { $0.common } + [
        .init("sitemapTree", "the home page with its descendants, then the index of audiences with each audience") { $0.sitemapTree },
    ]
}

/// `search`: the generated search page.
public struct SearchTemplate: TemplateModel {
    /// Language, strings, site, menus and the page.
    public var common: CommonValues
    /// Where Pagefind's bundle is published.
    public var pagefindURL: String
    public init(common: CommonValues, pagefindURL: String) { self.common = common; self.pagefindURL = pagefindURL }

    public static let schemaName = "SearchTemplate"
    public static let summary = "`search.mustache`: the search page (generated when the search is built), Pagefind's interface."
    public static let fields: [ModelField<Self>] = ModelField.inline { $0.common } + [
        .init("pagefindURL", "where Pagefind's bundle is published (`/pagefind/`)") { $0.pagefindURL },
    ]
}

/// `404`: the generated "page not found" page of a language.
public struct NotFoundTemplate: TemplateModel {
    /// Language, strings, site, menus and the page.
    public var common: CommonValues
    public init(common: CommonValues) { self.common = common }

    public static let schemaName = "NotFoundTemplate"
    public static let summary = "`404.mustache`: the \"page not found\" page of a language (generated)."
    public static let fields: [ModelField<Self>] = ModelField.inline { $0.common }
}

/// A language of the chooser.
public struct LanguageBlock: TemplateModel {
    /// The language's code.
    public var lang: String
    /// Its own name.
    public var name: String
    /// Its home page.
    public var url: String
    /// The site's title in it.
    public var title: String
    /// The site's description in it.
    public var description: String
    /// Its string table.
    public var t: ThemeStrings
    /// Its footer's links.
    public var footerLinks: [Link]
    public init(lang: String, name: String, url: String, title: String, description: String, t: ThemeStrings, footerLinks: [Link]) {
        self.lang = lang
        self.name = name
        self.url = url
        self.title = title
        self.description = description
        self.t = t
        self.footerLinks = footerLinks
    }

    public static let schemaName = "LanguageBlock"
    public static let summary = "A language of the site, as the chooser shows it."
    public static let fields: [ModelField<Self>] = [
        .init("lang", "the language's code") { $0.lang },
        .init("name", "its own name") { $0.name },
        .init("url", "its home page") { $0.url },
        .init("title", "the site's title in it") { $0.title },
        .init("description", "the site's description in it (may be empty)") { $0.description },
        .init("t", "its string table") { $0.t },
        .init("footerLinks", "its footer's links (the chooser's footer shows each language's)") { $0.footerLinks },
    ]
}

/// The site as the chooser sees it.
public struct ChooserSite: TemplateModel {
    /// The default language's site title.
    public var title: String
    /// Where assets are published.
    public var assetsURL: String
    /// The chooser's absolute URL.
    public var baseURL: String
    public init(title: String, assetsURL: String, baseURL: String) { self.title = title; self.assetsURL = assetsURL; self.baseURL = baseURL }

    public static let schemaName = "ChooserSite"
    public static let summary = "The site, as the chooser sees it."
    public static let fields: [ModelField<Self>] = [
        .init("title", "the site's title in the default language") { $0.title },
        .init("assetsURL", "where assets are published (`/assets/`)") { $0.assetsURL },
        .init("baseURL", "the chooser's absolute URL") { $0.baseURL },
    ]
}

/// `chooser`: `Site/index.html`, the language chooser.
public struct ChooserTemplate: TemplateModel {
    /// Every language.
    public var languages: [LanguageBlock]
    /// The default language.
    public var lang: String
    /// The default language's strings.
    public var t: ThemeStrings
    /// Asset URLs.
    public var assets: AssetURLs
    /// The site.
    public var site: ChooserSite
    /// The chooser's absolute URL.
    public var canonical: String
    /// Each home page, then x-default.
    public var alternates: [Alternate]
    public init(languages: [LanguageBlock], lang: String, t: ThemeStrings, assets: AssetURLs, site: ChooserSite, canonical: String, alternates: [Alternate]) {
        self.languages = languages
        self.lang = lang
        self.t = t
        self.assets = assets
        self.site = site
        self.canonical = canonical
        self.alternates = alternates
    }

    public static let schemaName = "ChooserTemplate"
    public static let summary = "`chooser.mustache`: `Site/index.html`, the bilingual language chooser (generated)."
    public static let fields: [ModelField<Self>] = [
        .init("languages", "every language of the site, in site.yml's order") { $0.languages },
        .init("lang", "the default language") { $0.lang },
        .init("t", "the default language's string table") { $0.t },
        .init("assets", "the published URL of each asset, as on every page") { $0.assets },
        .init("site", "the site") { $0.site },
        .init("canonical", "the chooser's absolute URL") { $0.canonical },
        .init("alternates", "each language's home page, then `x-default`") { $0.alternates },
    ]
}

/// The site as a redirect page sees it.
public struct AliasSite: TemplateModel {
    /// The page's language's site title.
    public var title: String
    /// Where assets are published.
    public var assetsURL: String
    public init(title: String, assetsURL: String) { self.title = title; self.assetsURL = assetsURL }

    public static let schemaName = "AliasSite"
    public static let summary = "The site, as a redirect page sees it."
    public static let fields: [ModelField<Self>] = [
        .init("title", "the site's title in the target's language") { $0.title },
        .init("assetsURL", "where assets are published (`/assets/`)") { $0.assetsURL },
    ]
}

/// The target page as a redirect page sees it.
public struct AliasPage: TemplateModel {
    /// The target's title.
    public var title: String
    public init(title: String) { self.title = title }

    public static let schemaName = "AliasPage"
    public static let summary = "The page a redirect leads to."
    public static let fields: [ModelField<Self>] = [
        .init("title", "the target page's title") { $0.title },
    ]
}

/// `alias`: a redirect page written at each alias URL.
public struct AliasTemplate: TemplateModel {
    /// The target's absolute URL.
    public var target: String
    /// The target's language.
    public var lang: String
    /// Its strings.
    public var t: ThemeStrings
    /// Asset URLs.
    public var assets: AssetURLs
    /// Its footer's links.
    public var footerLinks: [Link]
    /// The site.
    public var site: AliasSite
    /// The target page.
    public var page: AliasPage
    public init(target: String, lang: String, t: ThemeStrings, assets: AssetURLs, footerLinks: [Link], site: AliasSite, page: AliasPage) {
        self.target = target
        self.lang = lang
        self.t = t
        self.assets = assets
        self.footerLinks = footerLinks
        self.site = site
        self.page = page
    }

    public static let schemaName = "AliasTemplate"
    public static let summary = "`alias.mustache`: a redirect page written at each alias URL (generated)."
    public static let fields: [ModelField<Self>] = [
        .init("target", "the absolute URL of the page redirected to") { $0.target },
        .init("lang", "the target's language") { $0.lang },
        .init("t", "the target language's string table") { $0.t },
        .init("assets", "the published URL of each asset, as on every page") { $0.assets },
        .init("footerLinks", "the footer's links of the target's language") { $0.footerLinks },
        .init("site", "the site") { $0.site },
        .init("page", "the target page") { $0.page },
    ]
}
