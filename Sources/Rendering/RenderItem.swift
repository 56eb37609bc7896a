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
