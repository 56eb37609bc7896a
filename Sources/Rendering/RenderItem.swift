import ContentLoading
import PageModel
import Templates

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
    public var templateName: String { TemplateKind(self).templateName }
}

extension RenderItem {
    var isSitemapXML: Bool {
        if case .sitemapXML = self { return true }
        return false
    }
}

extension TemplateKind {
    /// The typed template kind of a generated page's template.
    init(_ generated: GeneratedTemplate) {
        switch generated {
        case .audience: self = .audience
        case .audienceIndex: self = .audienceIndex
        case .siteMap: self = .siteMap
        case .search: self = .search
        case .notFound: self = .notFound
        case .chooser: self = .chooser
        case .countryIndex: self = .countryIndex
        case .country: self = .country
        }
    }
}
