import Templates

/// The template kinds a theme provides, each with its template's name and its root record.
public enum TemplateKind: String, CaseIterable, Sendable {
    case home, section, page, audience, audienceIndex, siteMap, search, notFound, chooser, alias, countryIndex, country

    /// The template's name under `templates/`, without `.mustache`.
    public var templateName: String {
        switch self {
        case .audienceIndex: "audiences"
        case .siteMap: "sitemap"
        case .notFound: "404"
        case .countryIndex: "countries"
        default: rawValue
        }
    }

    public var model: any TemplateModel.Type {
        switch self {
        case .home: HomeTemplate.self
        case .section: SectionTemplate.self
        case .page: PageTemplate.self
        case .audience: AudienceTemplate.self
        case .audienceIndex: AudienceIndexTemplate.self
        case .siteMap: SiteMapTemplate.self
        case .search: SearchTemplate.self
        case .notFound: NotFoundTemplate.self
        case .chooser: ChooserTemplate.self
        case .alias: AliasTemplate.self
        case .countryIndex: CountryIndexTemplate.self
        case .country: CountryTemplate.self
        }
    }

    /// The records this kind's template can reach, root first, each once (iterative: records nest themselves).
    public var records: [any TemplateModel.Type] {
        var found: [any TemplateModel.Type] = []
        var seen: Set<String> = []
        var pending: [any TemplateModel.Type] = [model]
        while !pending.isEmpty {
            let record = pending.removeFirst()
            guard seen.insert(record.schemaName).inserted else { continue }
            found.append(record)
            pending += record.fieldReferences
        }
        return found
    }

    /// The schemas this kind's template is compiled against, with the theme's strings and assets.
    public func catalog(_ vocabulary: ThemeVocabulary) throws(TemplateError) -> SchemaCatalog {
        let schemas = records.map { $0.schema }
        return try SchemaCatalog(root: schemas[0], others: Array(schemas.dropFirst()) + vocabulary.schemas)
    }
}

extension TemplateModel {
    /// The records this record's fields name.
    static var fieldReferences: [any TemplateModel.Type] { fields.flatMap { $0.references() } }
}
