import PageModel
import Templates
import Testing

/// A typed value turns into a `TemplateValue` that matches its kind's schema, field for field.
@Suite struct ModelValueTests {
    static let vocabulary = ThemeVocabulary(stringKeys: ["home", "sitemap"], assetPaths: ["cleiss.css", "img/logo.png", "favicon.svg"])

    static func page(title: String, body: String?) -> PageValues {
        PageValues(title: title, documentTitle: "\(title) — Cleiss", url: "/fr/a/", canonical: "https://example.org/fr/a/", description: nil,
                   contentHTML: body.map(RenderedHTML.init), lastUpdated: "1 mars 2026", lastUpdatedISO: "2026-03-01",
                   breadcrumb: [Link(title: "Accueil", url: "/fr/")], alternates: [Alternate(hreflang: "x-default", href: "https://example.org/")],
                   audiences: [], hasAudiences: false, children: [], hasChildren: false, searchable: true, noindex: nil, outdatedTranslation: nil)
    }

    static let assets = AssetURLs(["cleiss.css": "/assets/cleiss.1.css", "img/logo.png": "/assets/img/logo.2.png", "favicon.svg": "/assets/favicon.svg"],
                                  vocabulary: vocabulary)

    static func common(_ page: PageValues, vocabulary: ThemeVocabulary = vocabulary, assets: AssetURLs = assets) -> CommonValues {
        CommonValues(lang: "fr", t: ThemeStrings(["home": "Accueil", "sitemap": "Plan"], vocabulary: vocabulary),
                     site: SiteValues(title: "Cleiss", description: "", homeURL: "/fr/", assetsURL: "/assets/", baseURL: "https://example.org/",
                                      sitemapURL: "/fr/plan/", audiencesURL: "/fr/publics/", searchURL: nil),
                     assets: assets,
                     nav: [NavItem(title: "Accueil", url: "/fr/", isCurrent: true)], hasNav: true, footerLinks: [], hasFooterLinks: false,
                     switcher: [], page: page)
    }

    @Test func aSiteMapValueMatchesItsSchema() throws {
        let tree = [TreeNode(title: "Accueil", url: "/fr/", children: [TreeNode(title: "A", url: "/fr/a/", children: [])])]
        let model = SiteMapTemplate(common: Self.common(Self.page(title: "Plan", body: nil)), sitemapTree: tree)
        let catalog = try TemplateKind.siteMap.catalog(Self.vocabulary)
        #expect(catalog.mismatches(in: model.templateValue) == [])
    }

    @Test func aPageRendersItsTypedValues() throws {
        let model = PageTemplate(common: Self.common(Self.page(title: "A & B", body: "<p>x</p>")))
        let library = try TemplateLibrary(sources: [("page", "page.mustache",
            "{{lang}} {{page.title}} {{{page.contentHTML}}} {{t.home}} {{assets.img.logo.png}} {{#nav}}{{title}}{{/nav}}")])
        let compiled = try library.compile("page", against: try TemplateKind.page.catalog(Self.vocabulary))
        var buffer: [UInt8] = []
        try compiled.render(model.templateValue, into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "fr A &amp; B <p>x</p> Accueil /assets/img/logo.2.png Accueil")
    }

    /// As the build's `AssetNames.templateValue`: a name that is also the start of a longer one keeps its URL.
    @Test func anAssetNameThatStartsALongerOneKeepsItsURL() throws {
        let vocabulary = ThemeVocabulary(stringKeys: [], assetPaths: ["a.css", "a.css.map", "img/b.png"])
        let assets = AssetURLs(["a.css": "/assets/a.1.css", "a.css.map": "/assets/a.css.2.map", "img/b.png": "/assets/img/b.3.png"], vocabulary: vocabulary)
        let library = try TemplateLibrary(sources: [("page", "page.mustache", "{{assets.a.css}} {{assets.img.b.png}}"),
                                                    ("map", "map.mustache", "{{assets.a.css.map}}")])
        let model = PageTemplate(common: Self.common(Self.page(title: "A", body: nil), vocabulary: vocabulary, assets: assets))
        let catalog = try TemplateKind.page.catalog(vocabulary)
        var buffer: [UInt8] = []
        try library.compile("page", against: catalog).render(model.templateValue, into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "/assets/a.1.css /assets/img/b.3.png")
        #expect(throws: TemplateErrors.self) { try library.compile("map", against: catalog) }
    }
}
