import PageModel
@testable import Templates

/// Sample values for Themes/default's templates, with texts that need escaping and values both present
/// and absent, so that every branch of the templates is rendered by the differential test.
extension ThemeSchemas {
    typealias S = ThemeSchemas

    static func link(_ title: String, _ url: String) -> TemplateValue { .object(S.link, ["title": .text(title), "url": .text(url)]) }

    static func shortSite(_ schema: Schema) -> TemplateValue {
        .object(schema, ["title": .text("Cleiss & co"), "assetsURL": .text("/assets/"), "baseURL": .text("https://example.org/")])
    }

    static func stringsValue() throws -> TemplateValue {
        ThemeStrings(Dictionary(try strings(), uniquingKeysWith: { first, _ in first }), vocabulary: try vocabulary()).templateValue
    }

    static func common(search: Bool) throws -> [String: TemplateValue] {
        [
            "lang": .text("fr"), "t": try stringsValue(),
            "site": .object(site, ["title": .text("Cleiss & co"), "description": .text("Le site \"officiel\""), "homeURL": .text("/fr/"),
                                   "assetsURL": .text("/assets/"), "baseURL": .text("https://example.org/"), "sitemapURL": .text("/fr/plan/"),
                                   "audiencesURL": .text("/fr/publics/"), "searchURL": search ? .text("/fr/recherche/") : .absent]),
            "assets": AssetURLs(["cleiss.css": "/assets/cleiss.1a2b.css", "favicon.svg": "/assets/favicon.svg", "search.js": "/assets/search.js"],
                                vocabulary: try vocabulary()).templateValue,
            "hasNav": .flag(true), "hasFooterLinks": .flag(true),
            "footerLinks": .list([link("Accessibilité : non conforme", "/fr/accessibilite/"), link("Plan <du> site", "/fr/plan/")]),
        ]
    }

    static func entry(_ title: String, description: String?, date: Bool) -> TemplateValue {
        .object(listEntry, ["title": .text(title), "url": .text("/fr/\(title.count)/"), "description": description.map { .text($0) } ?? .absent,
                            "lastUpdated": date ? .text("3 mars 2026") : .absent, "lastUpdatedISO": date ? .text("2026-03-03") : .absent])
    }

    static func node(_ title: String, _ children: [TemplateValue]) -> TemplateValue {
        .object(treeNode, ["title": .text(title), "url": .text("/fr/\(title)/"), "children": .list(children)])
    }

    /// A page context; `rich` fills every optional value and list, otherwise they are absent or empty.
    static func pageContext(_ kind: TemplateKind, rich: Bool) throws -> TemplateValue {
        let children = rich ? [entry("Détachement d'un salarié", description: "Règles <2026>", date: true), entry("Pensions", description: nil, date: false)] : []
        let page = TemplateValue.object(Self.page, [
            "title": .text("Travailler à l'étranger"), "documentTitle": .text("Travailler à l'étranger — Cleiss"), "url": .text("/fr/travail/"),
            "canonical": .text("https://example.org/fr/travail/"), "description": rich ? .text("Ce qu'il faut \"savoir\"") : .absent,
            "contentHTML": rich ? .html("<p>Corps &amp; <em>texte</em></p>\n") : .absent,
            "lastUpdated": rich ? .text("1 février 2026") : .absent, "lastUpdatedISO": rich ? .text("2026-02-01") : .absent,
            "breadcrumb": .list(rich ? [link("Accueil", "/fr/"), link("Section & sous-section", "/fr/s/")] : []),
            "alternates": .list([.object(alternate, ["hreflang": .text("en"), "href": .text("https://example.org/en/work/")])]),
            "audiences": .list(rich ? [.object(audienceTag, ["label": .text("Employeurs"), "url": .text("/fr/publics/employeurs/")])] : []),
            "hasAudiences": .flag(rich), "children": .list(children), "hasChildren": .flag(!children.isEmpty), "searchable": .flag(rich),
            "noindex": rich ? .absent : .flag(true),
            "outdatedTranslation": rich ? .object(outdated, ["url": .text("/en/work/"), "lang": .text("en"), "languageName": .text("English")]) : .absent,
        ])
        var values = try common(search: rich)
        values["page"] = page
        values["nav"] = .list([.object(navItem, ["title": .text("Accueil"), "url": .text("/fr/"), "isCurrent": .flag(false)]),
                               .object(navItem, ["title": .text("Travail"), "url": .text("/fr/travail/"), "isCurrent": .flag(true)])])
        values["switcher"] = .list([.object(switcherItem, ["lang": .text("en"), "name": .text("English"), "url": .text("/en/work/"), "hasTranslation": .flag(rich)])])
        values["audienceList"] = rich ? .list([.object(audienceCard, ["id": .text("employeurs"), "label": .text("Employeurs"), "description": .text("Vous \"employez\""),
                                                                       "url": .text("/fr/publics/employeurs/"), "count": .text("12")])]) : .list([])
        values["audience"] = .object(audience, ["id": .text("assures"), "label": .text("Assurés"), "description": .text("Vous êtes <assuré>"), "url": .text("/fr/publics/assures/")])
        values["sitemapTree"] = .list([node("accueil", [node("travail", [node("détachement", []), node("pensions", [])]), node("contact", [])]), node("publics", [])])
        values["pagefindURL"] = .text("/pagefind/")
        return .object(kind.model.schema, values)
    }

    static func chooserContext() throws -> TemplateValue {
        var values = try common(search: false)
        values["site"] = shortSite(chooserSite)
        values["footerLinks"] = nil
        values["canonical"] = .text("https://example.org/")
        values["alternates"] = .list([.object(alternate, ["hreflang": .text("fr"), "href": .text("https://example.org/fr/")])])
        values["languages"] = .list(try ["fr", "en"].map { language in
            .object(languageBlock, ["lang": .text(language), "name": .text(language == "fr" ? "Français" : "English"), "url": .text("/\(language)/"),
                                    "title": .text("Cleiss '\(language)'"), "description": .text("Description <\(language)>"), "t": try stringsValue(),
                                    "hasNav": .flag(true), "hasFooterLinks": .flag(true),
            "footerLinks": .list([link("Accessibilité", "/\(language)/a11y/")])])
        })
        return .object(ChooserTemplate.schema, values)
    }

    static func aliasContext() throws -> TemplateValue {
        var values = try common(search: false)
        values["target"] = .text("https://example.org/fr/travail/?a=1&b=2")
        values["site"] = shortSite(aliasSite)
        values["page"] = .object(aliasPage, ["title": .text("Travailler")])
        return .object(AliasTemplate.schema, values)
    }
}
