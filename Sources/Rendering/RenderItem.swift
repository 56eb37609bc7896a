import ContentLoading

/// One file the renderer writes.
public enum RenderItem: Sendable {
    /// A page of Content, by its index in `SiteContent.pages`.
    case page(Int)
    /// A page of the registry of generated pages (audience pages, site map, search, 404, chooser).
    case generated(GeneratedPage)
    /// A redirect page, by its index in `SiteContent.aliases`.
    case alias(Int)
    case sitemapXML
    case robotsTxt
}

extension GeneratedTemplate {
    /// The theme's template of the pages, under `templates/`, without `.mustache`.
    public var templateName: String {
        switch self {
        case .audienceIndex: "audiences"
        case .audience: "audience"
        case .siteMap: "sitemap"
        case .search: "search"
        case .notFound: "404"
        case .chooser: "chooser"
        }
    }
}
