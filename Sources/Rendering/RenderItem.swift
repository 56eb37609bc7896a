import Configuration

/// One file the renderer writes.
public enum RenderItem: Sendable {
    /// A page of Content, by its index in `SiteContent.pages`.
    case page(Int)
    case audience(Audience, language: String)
    case audienceIndex(language: String)
    case sitemapPage(language: String)
    /// The search page, when the build runs Pagefind.
    case searchPage(language: String)
    case notFound(language: String)
    /// `index.html` at the root: the bilingual language chooser.
    case chooser
    /// A redirect page, by its index in `SiteContent.aliases`.
    case alias(Int)
    case sitemapXML
    case robotsTxt
}

extension RenderItem {
    /// The theme strings that title a language's generated pages, which a page of content must not
    /// share (`SiteBuilder.duplicateTitles`): the audience index, the site map, the search page and the
    /// 404 page. The search page counts whenever the theme titles it, with or without Pagefind, so that
    /// a title is not an error on one machine only. Audience landing pages are titled by their label in
    /// site.yml; the chooser's `<title>` is the site's title and the language names, unlike any page's;
    /// alias redirects share `redirectTitle` by design, and are never indexed.
    public static let generatedTitleStrings = ["audiencesTitle", "sitemap", "searchTitle", "notFoundTitle"]
}

extension RenderItem {
    var isSitemapXML: Bool {
        if case .sitemapXML = self { return true }
        return false
    }
}
