import ContentLoading
import Support

/// `sitemap.xml` with `xhtml:link` alternates and x-default, as search engines read multilingual sites.
struct SitemapXML {
    let renderer: SiteRenderer

    func text() -> String {
        let content = renderer.content
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

        """
        // The registry's pages of this output that sitemap.xml lists: the chooser, the x-default of every
        // page, first (with the home pages as its versions), each language's after the pages of content.
        let generated = renderer.generatedPages.filter(\.template.isInSitemap)
        for page in generated where page.language == nil { xml += entry(page) }
        for (index, page) in content.pages.enumerated() where renderer.builtLanguages.contains(page.language) {
            let versions = content.versions(of: index).map { (content.pages[$0].language, content.pages[$0].url) }
            xml += entry(url: page.url, language: page.language, lastmod: page.lastUpdated?.isoDay, versions: versions)
        }
        for page in generated where page.language != nil { xml += entry(page) }
        return xml + "</urlset>\n"
    }

    private func entry(_ page: GeneratedPage) -> String {
        let configuration = renderer.content.configuration
        return entry(url: page.url(in: configuration), language: page.language ?? configuration.defaultLanguage, lastmod: nil,
                     versions: page.versions(in: configuration).map { ($0.language, $0.url) })
    }

    private func entry(url: String, language: String, lastmod: String?, versions: [(String, String)]) -> String {
        entry(location: renderer.absolute(url, language: language), lastmod: lastmod,
              versions: versions.map { (language: $0.0, url: renderer.absolute($0.1, language: $0.0)) })
    }

    /// One `<url>`: `location` and the `versions` are absolute URLs, escaped for XML text and
    /// double-quoted attributes (the `attribute` set: XML has no HTML named entities, and needs none).
    private func entry(location: String, lastmod: String?, versions: [(language: String, url: String)]) -> String {
        var text = "  <url>\n    <loc>\(MarkupEscaping.attribute(location))</loc>\n"
        if let lastmod { text += "    <lastmod>\(lastmod)</lastmod>\n" }
        for version in versions {
            text += "    <xhtml:link rel=\"alternate\" hreflang=\"\(version.language)\" href=\"\(MarkupEscaping.attribute(version.url))\"/>\n"
        }
        text += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(MarkupEscaping.attribute(renderer.chooserURL))\"/>\n  </url>\n"
        return text
    }
}
