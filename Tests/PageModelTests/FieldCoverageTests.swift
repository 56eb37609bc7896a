import PageModel
import Testing

/// Every stored property of a record is offered to templates by its `fields` (a property added to a struct but
/// not to its field list would be invisible to themes and missing from the reference). Reflection is used here
/// only, in a test, because the model itself must not read its values by name at render time.
@Suite struct FieldCoverageTests {
    /// The stored properties of `value` and of every record it contains that `fields` does not offer.
    static func unoffered(in value: any TemplateModel) -> [String] {
        var problems: [String] = []
        var pending: [Any] = [value]
        while let next = pending.popLast() {
            let mirror = Mirror(reflecting: next)
            // An optional record casts to the record, but its mirror is the optional's: look inside it first.
            if mirror.displayStyle != .optional, let record = next as? any TemplateModel {
                let offered = Set(type(of: record).schema.fields.map(\.name))
                let inlined = Set(type(of: record).inlinedRecords.flatMap { $0.schema.fields.map(\.name) })
                for child in mirror.children {
                    guard let label = child.label else { continue }
                    // An inlined record's own fields are checked when its value is reached below.
                    if !offered.contains(label), !(child.value is any TemplateModel && !inlined.isEmpty) {
                        problems.append("\(type(of: record).schemaName).\(label)")
                    }
                }
            }
            pending += mirror.children.map(\.value)
        }
        return problems
    }

    @Test func everyPropertyOfTheSampleRecordsIsOffered() {
        let page = PageValues(
            title: "A", documentTitle: "A — C", url: "/fr/a/", canonical: "https://e.org/fr/a/", description: "d", contentHTML: RenderedHTML("<p/>"),
            lastUpdated: "1 mars 2026", lastUpdatedISO: "2026-03-01", breadcrumb: [Link(title: "Accueil", url: "/fr/")],
            alternates: [Alternate(hreflang: "fr", href: "https://e.org/fr/a/")], audiences: [AudienceTag(label: "L", url: "/fr/p/l/")],
            hasAudiences: true, children: [ListEntry(title: "B", url: "/fr/b/", description: nil, lastUpdated: nil, lastUpdatedISO: nil)],
            hasChildren: true, searchable: true, noindex: true, outdatedTranslation: OutdatedTranslation(url: "/en/a/", lang: "en", languageName: "English"))
        let vocabulary = ThemeVocabulary(stringKeys: ["home"], assetPaths: ["a.css"])
        let common = CommonValues(
            lang: "fr", t: ThemeStrings(["home": "Accueil"], vocabulary: vocabulary),
            site: SiteValues(title: "C", description: "", homeURL: "/fr/", assetsURL: "/assets/", baseURL: "https://e.org/", sitemapURL: "/fr/plan/",
                             audiencesURL: "/fr/publics/", searchURL: "/fr/recherche/"),
            assets: AssetURLs(["a.css": "/assets/a.1.css"], vocabulary: vocabulary), nav: [NavItem(title: "A", url: "/fr/a/", isCurrent: true)],
            hasNav: true, footerLinks: [], hasFooterLinks: false, switcher: [SwitcherItem(lang: "en", name: "English", url: "/en/", hasTranslation: false)],
            page: page)
        let card = AudienceCard(id: "l", label: "L", description: "", url: "/fr/p/l/", count: 1)
        let samples: [any TemplateModel] = [
            HomeTemplate(common: common, audienceList: [card]),
            AudienceTemplate(common: common, audience: AudienceValues(id: "l", label: "L", description: "", url: "/fr/p/l/"),
                             countryDirectory: Link(title: "Pays", url: "/fr/pays/")),
            CountryTemplate(common: common, country: CountryValues(
                id: "algeria", name: "Algérie", regime: "bilateral", regimeText: "Un accord.", regimeSource: SourceLink(title: "S", url: "https://e.org/s"),
                agreement: AgreementValues(branches: ["Maladie"], hasBranches: true, branchesSource: SourceLink(title: "S", url: "https://e.org/s"),
                                           posting: PostingValues(initialMonths: 36, extensionMonths: 24, extensionText: "T", noExtension: false,
                                                                  source: SourceLink(title: "S", url: "https://e.org/s")),
                                           note: "Une note."),
                note: "Une note <pays>", checked: "5 décembre 2026", checkedISO: "2026-12-05", guide: Link(title: "G", url: "/fr/g/"), directory: Link(title: "Pays", url: "/fr/pays/"))),
            CountryIndexTemplate(common: common, countryGroups: [CountryGroup(id: "none", heading: "Sans accord", countries: [Link(title: "Chine", url: "/fr/pays/chine/")],
                                                                              hasCountries: true, guide: Link(title: "G", url: "/fr/g/"))]),
            SiteMapTemplate(common: common, sitemapTree: [TreeNode(title: "A", url: "/fr/", children: [])]),
            SearchTemplate(common: common, pagefindURL: "/pagefind/"),
            ChooserTemplate(languages: [LanguageBlock(lang: "fr", name: "Français", url: "/fr/", title: "C", description: "", t: common.t, footerLinks: [])],
                            lang: "fr", t: common.t, assets: common.assets, site: ChooserSite(title: "C", assetsURL: "/assets/", baseURL: "https://e.org/"),
                            canonical: "https://e.org/", alternates: []),
            AliasTemplate(target: "https://e.org/fr/a/", lang: "fr", t: common.t, assets: common.assets, footerLinks: [],
                          site: AliasSite(title: "C", assetsURL: "/assets/"), page: AliasPage(title: "A")),
        ]
        for sample in samples { #expect(Self.unoffered(in: sample) == []) }
    }
}
