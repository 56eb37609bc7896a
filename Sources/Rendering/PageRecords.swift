import Configuration
import ContentLoading
import PageModel

/// The record each template sees, typed by the page model (Sources/PageModel, Themes/default/REFERENCE.md).
extension SiteRenderer {
    func strings(_ language: String) -> [String: String] { theme.strings[language] ?? [:] }

    func siteTitle(_ language: String) -> String { content.configuration.title[language] ?? "" }

    /// The string table of a language, as templates read it.
    func stringTable(_ language: String) -> ThemeStrings {
        theme.stringTables[language] ?? ThemeStrings([:], vocabulary: ThemeVocabulary(stringKeys: [], assetPaths: []))
    }

    /// What every page of a language shares (language, strings, site, menus), around its own `page` and switcher.
    func common(language: String, currentURL: String, switcher: [SwitcherItem], page: PageValues) -> CommonValues {
        let site = SiteValues(title: siteTitle(language), description: content.configuration.description[language] ?? "",
                              homeURL: content.homeURL(language: language), assetsURL: "/assets/",
                              baseURL: baseURLs[language] ?? content.configuration.baseURL,
                              sitemapURL: content.sitemapPageURL(language: language), audiencesURL: content.audienceIndexURL(language: language),
                              searchURL: search ? content.searchPageURL(language: language) : nil)
        let nav = content.menu("main", language: language).map {
            NavItem(title: content.pages[$0].title, url: content.pages[$0].url, isCurrent: content.pages[$0].url == currentURL)
        }
        let footer = footerLinks(language)
        return CommonValues(lang: language, t: stringTable(language), site: site, assets: theme.assetURLs, nav: nav, hasNav: !nav.isEmpty,
                            footerLinks: footer, hasFooterLinks: !footer.isEmpty, switcher: switcher, page: page)
    }

    /// The footer's links of a language: its pages with `menus: footer` (the accessibility statement,
    /// the legal notice…), then the site map. The chooser shows them too, so that they are on every page.
    func footerLinks(_ language: String) -> [Link] {
        content.menu("footer", language: language).map { Link(title: content.pages[$0].title, url: content.pages[$0].url) }
            + [Link(title: strings(language)["sitemap"] ?? "", url: content.sitemapPageURL(language: language))]
    }

    /// The values of the page being rendered that every page kind has, the others empty.
    func pageValues(title: String, description: String, url: String, language: String, isHome: Bool = false) -> PageValues {
        let site = siteTitle(language)
        let documentTitle = isHome && title == site ? site : "\(title) — \(site)"
        // An empty text shows a section: leave empty descriptions out so that `{{#description}}` works.
        return PageValues(title: title, documentTitle: documentTitle, url: url, canonical: absolute(url, language: language),
                          description: description.isEmpty ? nil : description, contentHTML: nil, lastUpdated: nil, lastUpdatedISO: nil,
                          breadcrumb: [], alternates: [], audiences: [], hasAudiences: false, children: [], hasChildren: false,
                          // What the search indexes (`data-pagefind-body`): pages of content and audience lists.
                          searchable: true, noindex: nil, outdatedTranslation: nil)
    }

    /// `<link rel="alternate">` entries: each version, then x-default.
    func alternates(_ versions: [(language: String, url: String)]) -> [Alternate] {
        versions.map { Alternate(hreflang: $0.language, href: absolute($0.url, language: $0.language)) }
            + [Alternate(hreflang: "x-default", href: chooserURL)]
    }

    /// One entry per other language: the translation when there is one, otherwise that language's home.
    func switcher(language: String, translations: [String: String]) -> [SwitcherItem] {
        content.configuration.languages.filter { $0 != language }.map { other in
            let target = translations[other]
            return SwitcherItem(lang: other, name: strings(other)["languageName"] ?? other,
                                url: link(target ?? content.homeURL(language: other), language: other), hasTranslation: target != nil)
        }
    }

    /// Ancestors for the breadcrumb; the home page is named by the theme's `home` string ("Accueil"), not its long title.
    func crumbs(_ indices: [Int]) -> [Link] {
        indices.map { index in
            let page = content.pages[index]
            return Link(title: page.kind == .home ? (strings(page.language)["home"] ?? page.title) : page.title, url: page.url)
        }
    }

    func homeCrumb(_ language: String) -> [Link] { content.home(language: language).map { crumbs([$0]) } ?? [] }

    func listEntry(_ index: Int) -> ListEntry {
        let page = content.pages[index]
        return ListEntry(title: page.title, url: page.url, description: page.frontMatter.description.isEmpty ? nil : page.frontMatter.description,
                         lastUpdated: page.lastUpdated.flatMap { dateLabel($0, language: page.language) }, lastUpdatedISO: page.lastUpdated?.isoDay)
    }

    func audienceList(language: String) -> [AudienceCard] {
        content.configuration.audiences.map { audience in
            AudienceCard(id: audience.id, label: audience.label[language] ?? audience.id, description: audience.description[language] ?? "",
                         url: content.audienceURL(audience, language: language), count: content.pages(forAudience: audience.id, language: language).count)
        }
    }

    // MARK: - Page kinds

    /// The common values of a page of Content (`home`, `section`, `page`).
    func contentPage(_ index: Int) -> CommonValues {
        let page = content.pages[index]
        let language = page.language
        var values = pageValues(title: page.title, description: page.frontMatter.description, url: page.url, language: language, isHome: page.kind == .home)
        let versions = content.versions(of: index).map { content.pages[$0] }
        if !bodies[index].isEmpty { values.contentHTML = RenderedHTML(bodies[index]) }
        values.alternates = alternates(versions.map { ($0.language, $0.url) })
        values.breadcrumb = crumbs(content.ancestors(of: index))
        values.audiences = page.frontMatter.audiences.compactMap { id in
            content.configuration.audience(id: id).map { AudienceTag(label: $0.label[language] ?? id, url: content.audienceURL($0, language: language)) }
        }
        values.hasAudiences = !values.audiences.isEmpty
        values.sources = page.frontMatter.sources.map { SourceLink(title: $0.title, url: $0.url) }
        values.hasSources = !values.sources.isEmpty
        if let date = page.lastUpdated {
            values.lastUpdated = dateLabel(date, language: language)
            values.lastUpdatedISO = date.isoDay
        }
        // A home page lists its sections; the pages at its level (about, legal notice…) are in the menus.
        let listed = content.children(of: index).filter { page.kind != .home || content.pages[$0].kind == .section }
        if outdatedTranslations.contains(index), let original = content.translation(of: index, in: content.configuration.defaultLanguage) {
            let source = content.pages[original]
            values.outdatedTranslation = OutdatedTranslation(url: link(source.url, language: source.language), lang: source.language,
                                                             languageName: strings(source.language)["languageName"] ?? source.language)
        }
        if let notice = content.configuration.legalNotice, page.frontMatter.translationKey == notice.page {
            values.legalNotice = LegalNoticeValues(publicationDirector: notice.publicationDirector.value, hostName: notice.hostName.value,
                                                   hostAddress: notice.hostAddress.value, hostPhone: notice.hostPhone.value)
        }
        values.children = listed.map(listEntry)
        values.hasChildren = !values.children.isEmpty
        let translations = Dictionary(versions.map { ($0.language, $0.url) }, uniquingKeysWith: { a, _ in a })
        return common(language: language, currentURL: page.url, switcher: switcher(language: language, translations: translations), page: values)
    }

    /// The template kind and record of a page of Content.
    func contentRecord(_ index: Int) -> (TemplateKind, any TemplateModel) {
        let common = contentPage(index)
        switch content.pages[index].kind {
        case .home: return (.home, HomeTemplate(common: common, audienceList: audienceList(language: common.lang)))
        case .section: return (.section, SectionTemplate(common: common))
        default: return (.page, PageTemplate(common: common))
        }
    }

    /// The common values of a generated page that exists in every language (see `GeneratedPage.versions`);
    /// `adjust` sets its own page values.
    func generatedPage(_ page: GeneratedPage, language: String, title: String, description: String, breadcrumb: [Link],
                       adjust: (inout PageValues) -> Void = { _ in }) -> CommonValues {
        let url = page.url(in: content.configuration)
        let versions = page.versions(in: content.configuration)
        var values = pageValues(title: title, description: description, url: url, language: language)
        values.alternates = alternates(versions)
        values.breadcrumb = breadcrumb
        values.searchable = page.template.isSearchable
        adjust(&values)
        let translations = Dictionary(versions.map { ($0.language, $0.url) }, uniquingKeysWith: { first, _ in first })
        return common(language: language, currentURL: url, switcher: switcher(language: language, translations: translations), page: values)
    }

    func audienceRecord(_ audience: Audience, language: String) -> AudienceTemplate {
        let t = strings(language)
        let indexCrumb = Link(title: t["audiencesTitle"] ?? "", url: content.audienceIndexURL(language: language))
        let children = content.pages(forAudience: audience.id, language: language).map(listEntry)
        let common = generatedPage(.audience(audience, language: language), language: language, title: audience.label[language] ?? audience.id,
                                   description: audience.description[language] ?? "", breadcrumb: homeCrumb(language) + [indexCrumb]) {
            $0.children = children
            $0.hasChildren = !children.isEmpty
        }
        return AudienceTemplate(common: common, audience: AudienceValues(id: audience.id, label: audience.label[language] ?? audience.id,
                                                                         description: audience.description[language] ?? "",
                                                                         url: content.audienceURL(audience, language: language)),
                                countryDirectory: content.configuration.dataPages.audiences.contains(audience.id) ? countryDirectoryLink(language: language) : nil)
    }

    func audienceIndexRecord(language: String) -> AudienceIndexTemplate {
        let t = strings(language)
        let common = generatedPage(.audienceIndex(language: language), language: language, title: t["audiencesTitle"] ?? "",
                                   description: t["audiencesDescription"] ?? "", breadcrumb: homeCrumb(language))
        return AudienceIndexTemplate(common: common, audienceList: audienceList(language: language))
    }

    func siteMapRecord(language: String) -> SiteMapTemplate {
        let t = strings(language)
        let common = generatedPage(.siteMap(language: language), language: language, title: t["sitemap"] ?? "",
                                   description: t["sitemapDescription"] ?? "", breadcrumb: homeCrumb(language))
        var top = content.home(language: language).map { [tree($0)] } ?? []
        let audiences = content.configuration.audiences.map {
            TreeNode(title: $0.label[language] ?? $0.id, url: content.audienceURL($0, language: language), children: [])
        }
        top.append(TreeNode(title: t["audiencesTitle"] ?? "", url: content.audienceIndexURL(language: language), children: audiences))
        if let directory = countryDirectoryLink(language: language) { top.append(TreeNode(title: directory.title, url: directory.url, children: [])) }
        return SiteMapTemplate(common: common, sitemapTree: top)
    }

    /// The tree of pages under `root`, built without recursion: children before their parents.
    func tree(_ root: Int) -> TreeNode {
        var order: [Int] = []
        var pending = [root]
        while let index = pending.popLast() {
            order.append(index)
            pending += content.children(of: index)
        }
        var nodes: [Int: TreeNode] = [:]
        for index in order.reversed() {
            nodes[index] = TreeNode(title: content.pages[index].title, url: content.pages[index].url,
                                    children: content.children(of: index).compactMap { nodes[$0] })
        }
        return nodes[root] ?? TreeNode(title: content.pages[root].title, url: content.pages[root].url, children: [])
    }

    /// The search page: Pagefind's interface, in the page's language. Not itself indexed or listed.
    func searchRecord(language: String) -> SearchTemplate {
        let t = strings(language)
        let common = generatedPage(.search(language: language), language: language, title: t["searchTitle"] ?? "",
                                   description: t["searchDescription"] ?? "", breadcrumb: homeCrumb(language)) { $0.noindex = true }
        return SearchTemplate(common: common, pagefindURL: "/\(SiteRenderer.searchBundleFolder)/")
    }

    func notFoundRecord(language: String) -> NotFoundTemplate {
        let t = strings(language)
        let url = "/" + content.notFoundOutputPath(language: language)
        var values = pageValues(title: t["notFoundTitle"] ?? "", description: t["notFoundDescription"] ?? "", url: url, language: language)
        values.breadcrumb = homeCrumb(language)
        values.searchable = GeneratedTemplate.notFound.isSearchable
        return NotFoundTemplate(common: common(language: language, currentURL: url, switcher: switcher(language: language, translations: [:]), page: values))
    }

    func chooserRecord() -> ChooserTemplate {
        let languages = content.configuration.languages.map { language in
            LanguageBlock(lang: language, name: strings(language)["languageName"] ?? language, url: content.homeURL(language: language),
                          title: siteTitle(language), description: content.configuration.description[language] ?? "", t: stringTable(language),
                          footerLinks: footerLinks(language))
        }
        let language = content.configuration.defaultLanguage
        return ChooserTemplate(languages: languages, lang: language, t: stringTable(language), assets: theme.assetURLs,
                               site: ChooserSite(title: siteTitle(language), assetsURL: "/assets/", baseURL: chooserURL), canonical: chooserURL,
                               alternates: alternates(content.configuration.languages.map { ($0, content.homeURL(language: $0)) }))
    }

    func aliasRecord(_ alias: AliasRoute) -> AliasTemplate {
        let page = content.pages[alias.page]
        return AliasTemplate(target: absolute(page.url, language: page.language), lang: page.language, t: stringTable(page.language),
                             assets: theme.assetURLs, footerLinks: footerLinks(page.language),
                             site: AliasSite(title: siteTitle(page.language), assetsURL: "/assets/"), page: AliasPage(title: page.title))
    }
}
