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
        // The chooser, the x-default of every page, is a page to index too, with the home pages as its versions.
        if renderer.buildsChooser {
            let homes = content.configuration.languages.map { (language: $0, url: renderer.absolute(content.homeURL(language: $0), language: $0)) }
            xml += entry(location: renderer.chooserURL, lastmod: nil, versions: homes)
        }
        for (index, page) in content.pages.enumerated() where renderer.builtLanguages.contains(page.language) {
            let versions = content.versions(of: index).map { (content.pages[$0].language, content.pages[$0].url) }
            xml += entry(url: page.url, language: page.language, lastmod: page.lastUpdated?.isoDay, versions: versions)
        }
        for language in renderer.builtLanguages {
            let generated: [(String) -> String] = [{ content.audienceIndexURL(language: $0) }]
                + content.configuration.audiences.map { audience in { content.audienceURL(audience, language: $0) } }
                + [{ content.sitemapPageURL(language: $0) }]
            for urlFor in generated {
                xml += entry(url: urlFor(language), language: language, lastmod: nil,
                             versions: content.configuration.languages.map { ($0, urlFor($0)) })
            }
        }
        return xml + "</urlset>\n"
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
