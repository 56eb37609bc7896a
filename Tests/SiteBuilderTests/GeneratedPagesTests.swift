import ContentLoading
import Diagnostics
import Foundation
import Rendering
import Testing
@testable import SiteBuilder

/// The registry of generated pages (`GeneratedPage`) is the one source of what the build generates:
/// the output, the URL claims, sitemap.xml, the search's pages, the duplicate-title check and the
/// theme's requirements all agree with it. Each test loops over the registry, never over a list of its own.
@Suite struct GeneratedPagesTests {
    /// A build of the test site (with an alias and pages made from data), and its renderer.
    func built(_ site: TestSite) throws -> SiteRenderer {
        try site.addCountries()
        try site.write("Content/fr/travailler/mission.md", TestSite.page(title: "Journaliste en mission", description: "Partir en mission.",
                                                                        extra: "translationKey: mission\naudiences: [journalistes]\naliases: [/fr/ancienne-mission/]"))
        let session = BuildSession()
        try session.build(BuildOptions(source: site.root, output: site.output))
        return try #require(session.memory?.renderer)
    }

    /// The same site rendered with or without a search, and for some languages only.
    func renderer(_ renderer: SiteRenderer, search: Bool, languages: [String]? = nil) -> SiteRenderer {
        SiteRenderer(content: renderer.content, theme: renderer.theme, bodies: renderer.bodies, builtLanguages: languages ?? renderer.builtLanguages,
                     baseURLs: renderer.baseURLs, search: search)
    }

    @Test func theRegistryHasEveryTemplateAndTheSearchPageOnlyWithASearch() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        let content = try built(site).content
        let configuration = content.configuration
        let countries = try #require(content.countries)
        #expect(Set(content.generatedPages(search: true).map(\.template)) == Set(GeneratedTemplate.allCases))
        #expect(content.generatedPages(search: false) == content.generatedPages(search: true).filter { !$0.template.needsSearch })
        // One chooser, and per language: the audience index, a page per audience, the site map, the search page, the 404 page,
        // the directory of countries and a page per country.
        #expect(content.generatedPages(search: true).count == 1 + 2 * (1 + configuration.audiences.count + 3 + 1 + countries.countries.count))
        // Without data, no page made from data.
        #expect(GeneratedPage.all(in: configuration, countries: nil, search: true).filter(\.isFromData).isEmpty)
    }

    /// Every HTML file of the output is a page of content, an alias's redirect or a registered page, and
    /// every registered page of the build is there; the renderer lists nothing else.
    @Test func theOutputHoldsExactlyThePagesTheAliasesAndTheRegisteredPages() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        let renderer = try built(site)
        let content = renderer.content
        let registered = content.generatedPages(search: renderer.search)
        let expected = content.pages.map(\.outputPath) + content.aliases.map(\.outputPath) + registered.map { $0.outputPath(in: content.configuration) }
        let written = site.snapshot().keys.filter { $0.hasSuffix(".html") && !$0.hasPrefix(SiteRenderer.searchBundleFolder + "/") }
        #expect(Set(written) == Set(expected))
        #expect(expected.count == Set(expected).count)
        #expect(content.aliases.count == 1)
        for search in [false, true] {
            let items = self.renderer(renderer, search: search).items()
            for item in items {
                switch item {
                case .generated(let page): #expect(content.generatedPages(search: search).contains(page), "\(page) is not registered")
                case .page, .alias, .sitemapXML, .robotsTxt: break
                }
            }
            #expect(items.count { if case .generated = $0 { true } else { false } } == content.generatedPages(search: search).count)
        }
    }

    /// Every registered page's URL is claimed, the search page's too without Pagefind: an alias that
    /// takes one is an error that names the page by the registry's words.
    @Test func everyRegisteredPageIsClaimed() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        let content = try built(site).content
        let configuration = content.configuration
        let registered = content.generatedPages(search: true)
        let aliases = registered.map { "/" + $0.outputPath(in: configuration) }
        let path = "Content/fr/travailler/squatteur.md"
        try site.write(path, TestSite.page(title: "Squatteur", description: "Prend les URL des autres.", extra: "aliases: [\(aliases.joined(separator: ", "))]"))
        let errors = try buildErrors(site)
        for (page, alias) in zip(registered, aliases) {
            let message = "alias '\(alias)' of \(path) and \(page.claimant) both want the URL of \(page.outputPath(in: configuration))"
            #expect(errors.contains { $0.message == message }, "not claimed: \(page)")
        }
    }

    /// sitemap.xml lists the pages of content and the registered pages that say they are in it, in the
    /// languages built (the chooser when all are), with or without a search.
    @Test func sitemapXMLListsTheRegisteredPagesThatSaySo() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        let built = try built(site)
        let configuration = built.content.configuration
        for search in [false, true] {
            for languages in [configuration.languages, ["fr"]] {
                let renderer = renderer(built, search: search, languages: languages)
                let xml = String(decoding: try renderer.render(.sitemapXML).data, as: UTF8.self)
                let listed = xml.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
                let generated = built.content.generatedPages(search: true).filter { page in
                    page.template.isInSitemap && (page.language.map(languages.contains) ?? (languages.count == configuration.languages.count))
                }
                let expected = built.content.pages.filter { languages.contains($0.language) }.map { renderer.absolute($0.url, language: $0.language) }
                    + generated.map { renderer.absolute($0.url(in: configuration), language: $0.language ?? configuration.defaultLanguage) }
                #expect(listed.sorted() == expected.sorted(), "search: \(search), languages: \(languages)")
            }
        }
    }

    /// A registered page is in the search index (`data-pagefind-body`) exactly when the registry says so.
    @Test func theSearchIndexesTheRegisteredPagesThatSaySo() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        let renderer = renderer(try built(site), search: true)
        for item in renderer.items() {
            guard case .generated(let page) = item else { continue }
            let html = String(decoding: try renderer.render(item).data, as: UTF8.self)
            #expect(html.contains("data-pagefind-body") == page.template.isSearchable, "\(page)")
        }
    }

    /// A page of content titled like any registered page (the search page too, without Pagefind) is an
    /// error at its title, naming the generated page; only the chooser's title is unlike any page's.
    @Test func theDuplicateTitleCheckCoversEveryRegisteredPage() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        let renderer = try built(site)
        var expected: [(file: String, title: String)] = []
        for (number, page) in renderer.content.generatedPages(search: true).enumerated() {
            guard let language = page.language else {
                #expect(page.title == .siteTitleAndLanguages)
                continue
            }
            let title: String
            switch page.title {
            case .themeString(let key): title = try #require(renderer.theme.strings[language]?[key])
            case .audienceLabel(let audience): title = try #require(audience.label[language])
            case .dataText(let name): title = name.text
            case .siteTitleAndLanguages: Issue.record("\(page) has a title that is not checked"); continue
            }
            let file = "Content/\(language)/doublon-\(number).md"
            try site.write(file, TestSite.page(title: title, description: "Une page de test."))
            expected.append((file, title))
        }
        let errors = try buildErrors(site)
        for (file, title) in expected {
            #expect(errors.contains { $0.location.file == file && $0.location.line == 2 && $0.message.hasPrefix("the title '\(title)' is already the title of ") },
                    "\(file) titled '\(title)' is not reported")
        }
    }

    /// The theme must have every registered template and the strings that title and describe its pages
    /// (those of the search page when the site has a search): without one, it does not load.
    @Test func theThemeMustHaveWhatEveryRegisteredPageNeeds() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        let theme = site.root.appendingPathComponent("Themes/default")
        for template in GeneratedTemplate.allCases {
            let file = theme.appendingPathComponent("templates/\(template.templateName).mustache")
            let text = try Data(contentsOf: file)
            try FileManager.default.removeItem(at: file)
            #expect(try themeErrors(site, search: template.needsSearch).contains { $0.message == "the template '\(template.templateName)' is missing" })
            if template.needsSearch { #expect(try themeErrors(site, search: false).isEmpty) }
            try text.write(to: file)
            for key in template.themeStrings {
                let tables = try ["fr", "en"].map { language in
                    let table = theme.appendingPathComponent("i18n/\(language).yml")
                    let text = try String(contentsOf: table, encoding: .utf8)
                    try text.split(separator: "\n").filter { !$0.hasPrefix(key + ":") }.joined(separator: "\n").write(to: table, atomically: true, encoding: .utf8)
                    return (table, text)
                }
                #expect(try themeErrors(site, search: template.needsSearch).contains { $0.message == "the string '\(key)' is missing in 'fr'" }, "\(key)")
                for (table, text) in tables { try text.write(to: table, atomically: true, encoding: .utf8) }
            }
        }
        #expect(try themeErrors(site, search: true).isEmpty)
    }

    func themeErrors(_ site: TestSite, search: Bool) throws -> [Diagnostic] {
        do {
            _ = try Theme.load(root: site.root, name: "default", languages: ["fr", "en"], fingerprintAssets: false, search: search)
            return []
        } catch {
            return error.diagnostics.errors
        }
    }

    func buildErrors(_ site: TestSite) throws -> [Diagnostic] {
        do {
            try site.build()
        } catch let error as DiagnosticsError {
            return error.diagnostics.errors
        }
        Issue.record("the build should have failed")
        return []
    }
}
