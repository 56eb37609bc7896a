import PageModel
@testable import Templates

/// Sample values of the typed page model for Themes/default's templates, with texts that need escaping and
/// values both present and absent, so that every branch of the templates is rendered by the differential test.
extension ThemeSchemas {
    static func strings(of vocabulary: ThemeVocabulary) throws -> ThemeStrings {
        ThemeStrings(Dictionary(try strings(), uniquingKeysWith: { first, _ in first }), vocabulary: vocabulary)
    }

    static func common(_ page: PageValues, search: Bool, rich: Bool) throws -> CommonValues {
        let vocabulary = try vocabulary()
        return CommonValues(
            lang: "fr", t: try strings(of: vocabulary),
            site: SiteValues(title: "Cleiss & co", description: "Le site \"officiel\"", homeURL: "/fr/", assetsURL: "/assets/",
                             baseURL: "https://example.org/", sitemapURL: "/fr/plan/", audiencesURL: "/fr/publics/",
                             searchURL: search ? "/fr/recherche/" : nil),
            assets: AssetURLs(["cleiss.css": "/assets/cleiss.1a2b.css", "favicon.svg": "/assets/favicon.svg", "search.js": "/assets/search.js"],
                              vocabulary: vocabulary),
            nav: [NavItem(title: "Accueil", url: "/fr/", isCurrent: false), NavItem(title: "Travail", url: "/fr/travail/", isCurrent: true)],
            hasNav: true,
            footerLinks: [Link(title: "Accessibilité : non conforme", url: "/fr/accessibilite/"), Link(title: "Plan <du> site", url: "/fr/plan/")],
            hasFooterLinks: true,
            switcher: [SwitcherItem(lang: "en", name: "English", url: "/en/work/", hasTranslation: rich)],
            page: page)
    }

    static func entry(_ title: String, description: String?, date: Bool) -> ListEntry {
        ListEntry(title: title, url: "/fr/\(title.count)/", description: description,
                  lastUpdated: date ? "3 mars 2026" : nil, lastUpdatedISO: date ? "2026-03-03" : nil)
    }

    static func node(_ title: String, _ children: [TreeNode]) -> TreeNode { TreeNode(title: title, url: "/fr/\(title)/", children: children) }

    /// A page of `kind`; `rich` fills every optional value and list, otherwise they are absent or empty.
    static func pageContext(_ kind: TemplateKind, rich: Bool) throws -> TemplateValue {
        let children = rich ? [entry("Détachement d'un salarié", description: "Règles <2026>", date: true), entry("Pensions", description: nil, date: false)] : []
        let audiences = rich ? [AudienceTag(label: "Employeurs", url: "/fr/publics/employeurs/")] : []
        let page = PageValues(
            title: "Travailler à l'étranger", documentTitle: "Travailler à l'étranger — Cleiss", url: "/fr/travail/",
            canonical: "https://example.org/fr/travail/", description: rich ? "Ce qu'il faut \"savoir\"" : nil,
            contentHTML: rich ? RenderedHTML("<p>Corps &amp; <em>texte</em></p>\n") : nil,
            lastUpdated: rich ? "1 février 2026" : nil, lastUpdatedISO: rich ? "2026-02-01" : nil,
            breadcrumb: rich ? [Link(title: "Accueil", url: "/fr/"), Link(title: "Section & sous-section", url: "/fr/s/")] : [],
            alternates: [Alternate(hreflang: "en", href: "https://example.org/en/work/")],
            audiences: audiences, hasAudiences: !audiences.isEmpty, children: children, hasChildren: !children.isEmpty, searchable: rich,
            noindex: rich ? nil : true,
            outdatedTranslation: rich ? OutdatedTranslation(url: "/en/work/", lang: "en", languageName: "English") : nil)
        let common = try common(page, search: rich, rich: rich)
        let audienceList = rich ? [AudienceCard(id: "employeurs", label: "Employeurs", description: "Vous \"employez\"", url: "/fr/publics/employeurs/", count: 12)] : []
        switch kind {
        case .home: return HomeTemplate(common: common, audienceList: audienceList).templateValue
        case .section: return SectionTemplate(common: common).templateValue
        case .page: return PageTemplate(common: common).templateValue
        case .audience:
            let audience = AudienceValues(id: "assures", label: "Assurés", description: "Vous êtes <assuré>", url: "/fr/publics/assures/")
            return AudienceTemplate(common: common, audience: audience, countryDirectory: rich ? Link(title: "Pays", url: "/fr/pays/") : nil).templateValue
        case .audienceIndex: return AudienceIndexTemplate(common: common, audienceList: audienceList).templateValue
        case .siteMap:
            let tree = [node("accueil", [node("travail", [node("détachement", []), node("pensions", [])]), node("contact", [])]), node("publics", [])]
            return SiteMapTemplate(common: common, sitemapTree: tree).templateValue
        case .search: return SearchTemplate(common: common, pagefindURL: "/pagefind/").templateValue
        case .notFound: return NotFoundTemplate(common: common).templateValue
        case .chooser: return try chooserContext()
        case .alias: return try aliasContext()
        case .country: return CountryTemplate(common: common, country: country(rich: rich)).templateValue
        case .countryIndex:
            let groups = [CountryGroup(id: "bilateral", heading: "Accords <bilatéraux>", countries: rich ? [Link(title: "Algérie & co", url: "/fr/pays/algerie/")] : [],
                                       hasCountries: rich, guide: rich ? Link(title: "Accords", url: "/fr/accords/") : nil)]
            return CountryIndexTemplate(common: common, countryGroups: groups).templateValue
        }
    }

    /// A country page's country: with an agreement, its posting and a note when `rich`, none otherwise.
    static func country(rich: Bool) -> CountryValues {
        let source = SourceLink(title: "Cleiss – \"accords\"", url: "https://www.cleiss.fr/?a=1&b=2")
        let agreement = AgreementValues(branches: ["Maladie", "Vieillesse <retraite>"], hasBranches: true, branchesSource: source,
                                        posting: PostingValues(initialMonths: 36, extensionMonths: 24, extensionText: "jusqu'à <la fin>", noExtension: true, source: source),
                                        note: "Une note & demie")
        return CountryValues(id: "algerie", name: "Algérie", regime: rich ? "bilateral" : "none", regimeText: "Une \"convention\"",
                             regimeSource: source, agreement: rich ? agreement : nil, note: "Une note <pays>", checked: "5 décembre 2026", checkedISO: "2026-12-05",
                             guide: rich ? Link(title: "Accords", url: "/fr/accords/") : nil, directory: Link(title: "Pays", url: "/fr/pays/"))
    }

    static func chooserContext() throws -> TemplateValue {
        let vocabulary = try vocabulary()
        let languages = try ["fr", "en"].map { language in
            LanguageBlock(lang: language, name: language == "fr" ? "Français" : "English", url: "/\(language)/", title: "Cleiss '\(language)'",
                          description: "Description <\(language)>", t: try strings(of: vocabulary),
                          footerLinks: [Link(title: "Accessibilité", url: "/\(language)/a11y/")])
        }
        return ChooserTemplate(languages: languages, lang: "fr", t: try strings(of: vocabulary), assets: try common(anyPage, search: false, rich: false).assets,
                               site: ChooserSite(title: "Cleiss & co", assetsURL: "/assets/", baseURL: "https://example.org/"),
                               canonical: "https://example.org/", alternates: [Alternate(hreflang: "fr", href: "https://example.org/fr/")]).templateValue
    }

    static func aliasContext() throws -> TemplateValue {
        let common = try common(anyPage, search: false, rich: false)
        return AliasTemplate(target: "https://example.org/fr/travail/?a=1&b=2", lang: "fr", t: common.t, assets: common.assets,
                             footerLinks: common.footerLinks, site: AliasSite(title: "Cleiss & co", assetsURL: "/assets/"),
                             page: AliasPage(title: "Travailler")).templateValue
    }

    /// The chooser and redirects have no page record; their common values are taken from any page.
    static let anyPage = PageValues(title: "Travailler", documentTitle: "", url: "", canonical: "", description: nil, contentHTML: nil,
                                        lastUpdated: nil, lastUpdatedISO: nil, breadcrumb: [], alternates: [], audiences: [], hasAudiences: false,
                                        children: [], hasChildren: false, searchable: false, noindex: nil, outdatedTranslation: nil)
}
