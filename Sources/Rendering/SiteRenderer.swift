import Configuration
import ContentLoading
import Foundation

/// Turns the content model and the rendered Markdown bodies into the files of the site.
///
/// A value shared by every rendering thread: it holds no mutable state, so pages render in
/// parallel without locks.
public struct SiteRenderer: Sendable {
    public private(set) var content: SiteContent
    public let theme: Theme
    /// The HTML of each page's Markdown body, by page index.
    public private(set) var bodies: [String]
    /// The languages written in this output (`--lang`); links to the others are absolute.
    public let builtLanguages: [String]
    /// The base URL of each language: site.yml's, or `--base-url` for the languages built.
    public let baseURLs: [String: String]
    /// "28 novembre 2026" for each `language|date` of the site, computed once.
    let dateLabels: [String: String]
    /// Translations older than their source-language version: they show a notice.
    public let outdatedTranslations: Set<Int>
    /// Whether the site has a search (Pagefind ran): a search page, and a search field in every page.
    public let search: Bool

    public init(content: SiteContent, theme: Theme, bodies: [String], builtLanguages: [String], baseURLs: [String: String],
                outdatedTranslations: Set<Int> = [], search: Bool = false) {
        self.outdatedTranslations = outdatedTranslations
        self.search = search
        self.content = content
        self.theme = theme
        self.bodies = bodies
        self.builtLanguages = builtLanguages
        self.baseURLs = baseURLs
        var labels: [String: String] = [:]
        let labellers = Dictionary(uniqueKeysWithValues: content.configuration.languages.map { ($0, DateLabels(language: $0)) })
        for page in content.pages {
            guard let date = page.lastUpdated, labels["\(page.language)|\(date.isoDay)"] == nil else { continue }
            labels["\(page.language)|\(date.isoDay)"] = (labellers[page.language] ?? DateLabels(language: page.language)).label(date)
        }
        dateLabels = labels
    }

    /// Gives one page another text and rendered body, under the same front matter (the live
    /// preview's rebuild of an edited text): its dates, and so their labels, are the same. False, and
    /// nothing changed, when the front matter or the kind differ.
    public mutating func replaceText(of index: Int, with source: SourcePage, body: String) -> Bool {
        guard content.replaceText(of: index, with: source) else { return false }
        bodies[index] = body
        return true
    }

    /// The pages of Content in the languages built, by index in `content.pages`.
    public var builtPageIndices: [Int] {
        content.pages.indices.filter { builtLanguages.contains(content.pages[$0].language) }
    }

    /// Everything this output holds, in a fixed order.
    public func items() -> [RenderItem] {
        var items: [RenderItem] = builtPageIndices.map { .page($0) }
        items += generatedPages.map { .generated($0) }
        for (index, alias) in content.aliases.enumerated() where builtLanguages.contains(content.pages[alias.page].language) {
            items.append(.alias(index))
        }
        items.append(.sitemapXML)
        items.append(.robotsTxt)
        return items
    }

    /// The generated pages of this output, from the registry: those of the languages built, the search
    /// page when the site has a search, the chooser when every language is built.
    public var generatedPages: [GeneratedPage] {
        GeneratedPage.all(in: content.configuration, search: search).filter { page in
            page.language.map(builtLanguages.contains) ?? buildsChooser
        }
    }

    /// The folder of the output that holds the search index (Pagefind's bundle).
    public static let searchBundleFolder = "pagefind"

    /// The language chooser is written when every language is built: it is their `x-default`.
    var buildsChooser: Bool { builtLanguages.count == content.configuration.languages.count }

    /// Where an item is written, relative to the output folder.
    public func path(of item: RenderItem) -> String {
        switch item {
        case .page(let index): return content.pages[index].outputPath
        case .generated(let page): return page.outputPath(in: content.configuration)
        case .alias(let index): return content.aliases[index].outputPath
        case .sitemapXML: return "sitemap.xml"
        case .robotsTxt: return "robots.txt"
        }
    }

    /// The output path and bytes of one item.
    public func render(_ item: RenderItem) -> (path: String, data: Data) {
        (path(of: item), data(of: item))
    }

    func data(of item: RenderItem) -> Data {
        switch item {
        case .page(let index):
            let page = content.pages[index]
            return html(page.kind == .home ? "home" : (page.kind == .section ? "section" : "page"), pageContext(index))
        case .generated(let page): return html(page.template.templateName, context(of: page))
        case .alias(let index): return html("alias", aliasContext(content.aliases[index]))
        case .sitemapXML: return Data(SitemapXML(renderer: self).text().utf8)
        case .robotsTxt: return Data(robotsText().utf8)
        }
    }

    /// The context of a generated page, by its kind.
    func context(of page: GeneratedPage) -> [String: Any] {
        switch page {
        case .audience(let audience, let language): audienceContext(audience, language: language)
        case .audienceIndex(let language): audienceIndexContext(language: language)
        case .siteMap(let language): sitemapPageContext(language: language)
        case .search(let language): searchPageContext(language: language)
        case .notFound(let language): notFoundContext(language: language)
        case .chooser: chooserContext()
        }
    }

    func html(_ template: String, _ context: [String: Any]) -> Data {
        Data(theme.render(template, context: context).utf8)
    }

    func robotsText() -> String {
        let base = baseURLs[builtLanguages.first ?? content.configuration.defaultLanguage] ?? content.configuration.baseURL
        return "User-agent: *\nAllow: /\n\nSitemap: \(base)sitemap.xml\n"
    }

    // MARK: - URLs

    /// The absolute URL of a root-relative URL of `language`.
    public func absolute(_ url: String, language: String) -> String {
        URLPaths.absolute(url, baseURL: baseURLs[language] ?? content.configuration.baseURL)
    }

    /// A link from a page of this output: root-relative when the target is in it, absolute otherwise.
    public func link(_ url: String, language: String) -> String {
        builtLanguages.contains(language) ? url : absolute(url, language: language)
    }

    /// Where `x-default` points: the language chooser at the root of the default language's host.
    public var chooserURL: String { absolute("/", language: content.configuration.defaultLanguage) }

    func dateLabel(_ date: PageDate?, language: String) -> String? {
        guard let date else { return nil }
        return dateLabels["\(language)|\(date.isoDay)"] ?? DateLabels.label(date, language: language)
    }
}
