import Configuration
import ContentLoading

/// The values each template sees: the typed page model (Sources/PageModel, Themes/default/REFERENCE.md) says
/// what they are; RealSiteDifferentialTests checks that these dictionaries offer exactly its values.
extension SiteRenderer {
    typealias Context = [String: Any]

    func strings(_ language: String) -> [String: String] { theme.strings[language] ?? [:] }

    func siteTitle(_ language: String) -> String { content.configuration.title[language] ?? "" }

    /// `{{assets.cleiss.css}}`: the URL of each asset under the name it is published with.
    var assetURLs: Context { theme.assetNames.templateValue(assetsURL: "/assets/") }

    /// What every page of a language shares: language, strings, site, menus.
    func commonContext(language: String, currentURL: String) -> Context {
        var site: Context = [
            "title": siteTitle(language),
            "description": content.configuration.description[language] ?? "",
            "homeURL": content.homeURL(language: language),
            "assetsURL": "/assets/",
            "baseURL": baseURLs[language] ?? content.configuration.baseURL,
            "sitemapURL": content.sitemapPageURL(language: language),
            "audiencesURL": content.audienceIndexURL(language: language),
        ]
        if search { site["searchURL"] = content.searchPageURL(language: language) }
        let nav: [Context] = content.menu("main", language: language).map {
            ["title": content.pages[$0].title, "url": content.pages[$0].url, "isCurrent": content.pages[$0].url == currentURL]
        }
        let footer = footerLinks(language)
        return ["lang": language, "t": strings(language), "site": site, "assets": assetURLs, "nav": nav, "hasNav": !nav.isEmpty,
                "footerLinks": footer, "hasFooterLinks": !footer.isEmpty]
    }

    /// The footer's links of a language: its pages with `menus: footer` (the accessibility statement,
    /// the legal notice…), then the site map. The chooser shows them too, so that they are on every page.
    func footerLinks(_ language: String) -> [Context] {
        content.menu("footer", language: language).map { ["title": content.pages[$0].title, "url": content.pages[$0].url] }
            + [["title": strings(language)["sitemap"] ?? "", "url": content.sitemapPageURL(language: language)]]
    }

    /// The page dictionary shared by every page kind.
    func pageDictionary(title: String, description: String, url: String, language: String, isHome: Bool = false) -> Context {
        let site = siteTitle(language)
        let documentTitle = isHome && title == site ? site : "\(title) — \(site)"
        // Mustache treats an empty text as true: leave empty values out so that `{{#description}}` works.
        var dictionary: Context = ["title": title, "documentTitle": documentTitle, "url": url,
                                   "canonical": absolute(url, language: language), "breadcrumb": [Context](),
                                   "audiences": [Context](), "hasAudiences": false, "children": [Context](), "hasChildren": false,
                                   // What the search indexes (`data-pagefind-body`): pages of content; generated pages as the registry says.
                                   "searchable": true]
        if !description.isEmpty { dictionary["description"] = description }
        return dictionary
    }

    /// `<link rel="alternate">` entries: each version, then x-default.
    func alternates(_ versions: [(language: String, url: String)]) -> [Context] {
        versions.map { ["hreflang": $0.language, "href": absolute($0.url, language: $0.language)] }
            + [["hreflang": "x-default", "href": chooserURL]]
    }

    /// One entry per other language: the translation when there is one, otherwise that language's home.
    func switcher(language: String, translations: [String: String]) -> [Context] {
        content.configuration.languages.filter { $0 != language }.map { other in
            let target = translations[other]
            return ["lang": other, "name": strings(other)["languageName"] ?? other,
                    "url": link(target ?? content.homeURL(language: other), language: other), "hasTranslation": target != nil]
        }
    }

    /// Ancestors for the breadcrumb; the home page is named by the theme's `home` string ("Accueil"), not its long title.
    func crumbs(_ indices: [Int]) -> [Context] {
        indices.map { index in
            let page = content.pages[index]
            let title = page.kind == .home ? (strings(page.language)["home"] ?? page.title) : page.title
            return ["title": title, "url": page.url]
        }
    }

    func homeCrumb(_ language: String) -> [Context] { content.home(language: language).map { crumbs([$0]) } ?? [] }

    func listEntry(_ index: Int) -> Context {
        let page = content.pages[index]
        var entry: Context = ["title": page.title, "url": page.url]
        if !page.frontMatter.description.isEmpty { entry["description"] = page.frontMatter.description }
        if let date = page.lastUpdated {
            entry["lastUpdated"] = dateLabel(date, language: page.language)
            entry["lastUpdatedISO"] = date.isoDay
        }
        return entry
    }

    func audienceList(language: String) -> [Context] {
        content.configuration.audiences.map { audience in
            ["id": audience.id, "label": audience.label[language] ?? audience.id, "description": audience.description[language] ?? "",
             "url": content.audienceURL(audience, language: language), "count": content.pages(forAudience: audience.id, language: language).count]
        }
    }

    // MARK: - Page kinds

    func pageContext(_ index: Int) -> Context {
        let page = content.pages[index]
        let language = page.language
        var dictionary = pageDictionary(title: page.title, description: page.frontMatter.description, url: page.url,
                                        language: language, isHome: page.kind == .home)
        let versions = content.versions(of: index).map { content.pages[$0] }
        if !bodies[index].isEmpty { dictionary["contentHTML"] = bodies[index] }
        dictionary["alternates"] = alternates(versions.map { ($0.language, $0.url) })
        dictionary["breadcrumb"] = crumbs(content.ancestors(of: index))
        let audiences: [Context] = page.frontMatter.audiences.compactMap { id in
            content.configuration.audience(id: id).map { ["label": $0.label[language] ?? id, "url": content.audienceURL($0, language: language)] }
        }
        dictionary["audiences"] = audiences
        dictionary["hasAudiences"] = !audiences.isEmpty
        if let date = page.lastUpdated {
            dictionary["lastUpdated"] = dateLabel(date, language: language)
            dictionary["lastUpdatedISO"] = date.isoDay
        }
        // A home page lists its sections; the pages at its level (about, legal notice…) are in the menus.
        let listed = content.children(of: index).filter { page.kind != .home || content.pages[$0].kind == .section }
        if outdatedTranslations.contains(index), let original = content.translation(of: index, in: content.configuration.defaultLanguage) {
            let source = content.pages[original]
            dictionary["outdatedTranslation"] = ["url": link(source.url, language: source.language), "lang": source.language,
                                                 "languageName": strings(source.language)["languageName"] ?? source.language] as Context
        }
        let children = listed.map(listEntry)
        dictionary["children"] = children
        dictionary["hasChildren"] = !children.isEmpty
        var context = commonContext(language: language, currentURL: page.url)
        context["page"] = dictionary
        context["switcher"] = switcher(language: language, translations: Dictionary(versions.map { ($0.language, $0.url) }, uniquingKeysWith: { a, _ in a }))
        if page.kind == .home { context["audienceList"] = audienceList(language: language) }
        return context
    }

    /// A generated page that exists in every language at `urlFor(language)`. `pageValues` are added to
    /// (or replace) its page dictionary's.
    func generatedContext(language: String, title: String, description: String, urlFor: (String) -> String, breadcrumb: [Context],
                          pageValues: Context = [:]) -> Context {
        let url = urlFor(language)
        var dictionary = pageDictionary(title: title, description: description, url: url, language: language)
        dictionary["alternates"] = alternates(content.configuration.languages.map { ($0, urlFor($0)) })
        dictionary["breadcrumb"] = breadcrumb
        dictionary.merge(pageValues) { _, new in new }
        var context = commonContext(language: language, currentURL: url)
        context["page"] = dictionary
        context["switcher"] = switcher(language: language, translations: Dictionary(uniqueKeysWithValues: content.configuration.languages.map { ($0, urlFor($0)) }))
        return context
    }

    func audienceContext(_ audience: Audience, language: String) -> Context {
        let t = strings(language)
        let indexCrumb: Context = ["title": t["audiencesTitle"] ?? "", "url": content.audienceIndexURL(language: language)]
        let children = content.pages(forAudience: audience.id, language: language).map(listEntry)
        var context = generatedContext(language: language, title: audience.label[language] ?? audience.id,
                                       description: audience.description[language] ?? "",
                                       urlFor: { content.audienceURL(audience, language: $0) }, breadcrumb: homeCrumb(language) + [indexCrumb],
                                       pageValues: ["children": children, "hasChildren": !children.isEmpty,
                                                    "searchable": GeneratedTemplate.audience.isSearchable])
        context["audience"] = ["id": audience.id, "label": audience.label[language] ?? audience.id,
                               "description": audience.description[language] ?? "", "url": content.audienceURL(audience, language: language)] as Context
        return context
    }

    func audienceIndexContext(language: String) -> Context {
        let t = strings(language)
        var context = generatedContext(language: language, title: t["audiencesTitle"] ?? "", description: t["audiencesDescription"] ?? "",
                                       urlFor: { content.audienceIndexURL(language: $0) }, breadcrumb: homeCrumb(language),
                                       pageValues: ["searchable": GeneratedTemplate.audienceIndex.isSearchable])
        context["audienceList"] = audienceList(language: language)
        return context
    }

    func sitemapPageContext(language: String) -> Context {
        let t = strings(language)
        var context = generatedContext(language: language, title: t["sitemap"] ?? "", description: t["sitemapDescription"] ?? "",
                                       urlFor: { content.sitemapPageURL(language: $0) }, breadcrumb: homeCrumb(language),
                                       pageValues: ["searchable": GeneratedTemplate.siteMap.isSearchable])
        func tree(_ index: Int) -> Context {
            ["title": content.pages[index].title, "url": content.pages[index].url, "children": content.children(of: index).map(tree)]
        }
        var top: [Context] = content.home(language: language).map { [tree($0)] } ?? []
        let audiences: [Context] = content.configuration.audiences.map {
            ["title": $0.label[language] ?? $0.id, "url": content.audienceURL($0, language: language), "children": [Context]()]
        }
        top.append(["title": t["audiencesTitle"] ?? "", "url": content.audienceIndexURL(language: language), "children": audiences])
        context["sitemapTree"] = top
        return context
    }

    /// The search page: Pagefind's interface, in the page's language. Not itself indexed or listed.
    func searchPageContext(language: String) -> Context {
        let t = strings(language)
        var context = generatedContext(language: language, title: t["searchTitle"] ?? "", description: t["searchDescription"] ?? "",
                                       urlFor: { content.searchPageURL(language: $0) }, breadcrumb: homeCrumb(language),
                                       pageValues: ["noindex": true, "searchable": GeneratedTemplate.search.isSearchable])
        context["pagefindURL"] = "/\(SiteRenderer.searchBundleFolder)/"
        return context
    }

    func notFoundContext(language: String) -> Context {
        let t = strings(language)
        let url = "/" + content.notFoundOutputPath(language: language)
        var context = commonContext(language: language, currentURL: url)
        var dictionary = pageDictionary(title: t["notFoundTitle"] ?? "", description: t["notFoundDescription"] ?? "", url: url, language: language)
        dictionary["breadcrumb"] = homeCrumb(language)
        dictionary["alternates"] = [Context]()
        dictionary["searchable"] = GeneratedTemplate.notFound.isSearchable
        context["page"] = dictionary
        context["switcher"] = switcher(language: language, translations: [:])
        return context
    }

    func chooserContext() -> Context {
        let languages: [Context] = content.configuration.languages.map { language in
            ["lang": language, "name": strings(language)["languageName"] ?? language, "url": content.homeURL(language: language),
             "title": siteTitle(language), "description": content.configuration.description[language] ?? "", "t": strings(language),
             "footerLinks": footerLinks(language)]
        }
        let language = content.configuration.defaultLanguage
        return ["languages": languages, "lang": language, "t": strings(language), "assets": assetURLs,
                "site": ["title": siteTitle(language), "assetsURL": "/assets/", "baseURL": chooserURL] as Context,
                "canonical": chooserURL,
                "alternates": alternates(content.configuration.languages.map { ($0, content.homeURL(language: $0)) })]
    }

    func aliasContext(_ alias: AliasRoute) -> Context {
        let page = content.pages[alias.page]
        return ["target": absolute(page.url, language: page.language), "lang": page.language, "t": strings(page.language), "assets": assetURLs,
                "footerLinks": footerLinks(page.language),
                "site": ["title": siteTitle(page.language), "assetsURL": "/assets/"] as Context, "page": ["title": page.title] as Context]
    }
}
