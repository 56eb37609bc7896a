import Configuration
import ContentLoading
import Diagnostics
import Foundation
import PageModel
import Templates

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
        content.generatedPages(search: search).filter { page in
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

    /// The output path and bytes of one item; an error names the template that failed.
    public func render(_ item: RenderItem) throws(DiagnosticsError) -> (path: String, data: Data) {
        (path(of: item), try rendered(item, unlessFingerprint: nil).data!)
    }

    /// What a template renders for an item: its kind and record. Nil for sitemap.xml and robots.txt.
    public func record(of item: RenderItem) -> (kind: TemplateKind, record: any TemplateModel)? {
        switch item {
        case .page(let index): return contentRecord(index)
        case .generated(let page): return (TemplateKind(page.template), record(of: page))
        case .alias(let index): return (.alias, aliasRecord(content.aliases[index]))
        case .sitemapXML, .robotsTxt: return nil
        }
    }

    /// An item's fingerprint and bytes. The fingerprint (of a template's program and the values it reads,
    /// see `CompiledTemplate.fingerprint`) says when two renders give the same bytes; when it is
    /// `previous`, the bytes are not made (nil). Files made without a template have no fingerprint and are always made;
    /// without `fingerprinting` (a build that no other follows), none is computed.
    public func rendered(_ item: RenderItem, unlessFingerprint previous: Int?, fingerprinting: Bool = true) throws(DiagnosticsError) -> (fingerprint: Int?, data: Data?) {
        guard let (kind, record) = record(of: item) else {
            return (nil, item.isSitemapXML ? Data(SitemapXML(renderer: self).text().utf8) : Data(robotsText().utf8))
        }
        guard let template = theme.template(kind) else {
            throw DiagnosticsError(.error(SourceLocation(file: theme.templateFile(kind)),
                                          "the template '\(kind.templateName)' is missing", hint: "create it (see Themes/default for an example)"))
        }
        let value = record.templateValue
        let fingerprint = fingerprinting ? template.fingerprint(of: value) : nil
        if let fingerprint, fingerprint == previous { return (fingerprint, nil) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(16_384)
        do throws(CompiledTemplate.RenderError) {
            try template.render(value, into: &buffer)
        } catch {
            throw DiagnosticsError(.error(SourceLocation(file: theme.templateFile(kind)),
                                          "cannot render \(path(of: item)): \(error.description)"))
        }
        return (fingerprint, Data(buffer))
    }

    /// The record of a generated page, by its kind.
    func record(of page: GeneratedPage) -> any TemplateModel {
        switch page {
        case .audience(let audience, let language): audienceRecord(audience, language: language)
        case .audienceIndex(let language): audienceIndexRecord(language: language)
        case .siteMap(let language): siteMapRecord(language: language)
        case .search(let language): searchRecord(language: language)
        case .notFound(let language): notFoundRecord(language: language)
        case .chooser: chooserRecord()
        case .countryIndex(let language): countryIndexRecord(language: language)
        case .country(let country, let language): countryRecord(country, language: language)
        }
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
