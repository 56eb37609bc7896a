import Foundation
import Testing
@testable import SiteBuilder

@Suite struct BuildTests {
    @Test func writesPrettyLocalizedURLsAndGeneratedPages() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        let report = try site.build()
        #expect(report.pagesPerLanguage.map(\.language) == ["fr", "en"])
        #expect(report.pagesPerLanguage.map(\.count) == [4, 3])
        for path in ["index.html", "fr/index.html", "en/index.html", "fr/travailler/mission/index.html", "en/working/assignment/index.html",
                     "fr/publics/index.html", "fr/publics/journalistes/index.html", "en/audiences/journalists/index.html",
                     "fr/plan-du-site/index.html", "en/sitemap/index.html", "fr/404.html", "en/404.html", "sitemap.xml", "robots.txt"] {
            #expect(site.read(path) != nil, "missing \(path)")
        }
        #expect(site.read("Site/.cleiss-site-output") == nil)
    }

    @Test func relativeLinksBecomeURLsAndHeadingsGetAnchors() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.build()
        let mission = try #require(site.read("fr/travailler/mission/index.html"))
        #expect(mission.contains(#"href="/fr/travailler/detachement/#duree""#))
        #expect(mission.contains(#"<h2 id="duree">"#))
    }

    @Test func alternatesAndSwitcherFollowTranslations() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.build()
        let mission = try #require(site.read("fr/travailler/mission/index.html"))
        #expect(mission.contains(#"hreflang="fr" href="https://www.example.fr/fr/travailler/mission/""#))
        #expect(mission.contains(#"hreflang="en" href="https://www.example.fr/en/working/assignment/""#))
        #expect(mission.contains(#"hreflang="x-default" href="https://www.example.fr/""#))
        #expect(mission.contains(#"href="/en/working/assignment/""#))
        // Détacher has no English version: its switcher goes to the English home, never to a missing page.
        let posting = try #require(site.read("fr/travailler/detachement/index.html"))
        #expect(!posting.contains(#"hreflang="en" href="https://www.example.fr/en/travailler"#))
        #expect(posting.contains(#"href="/en/""#))
        #expect(posting.contains("28 novembre 2026"))
        let assignment = try #require(site.read("en/working/assignment/index.html"))
        #expect(assignment.contains("1 March 2026"))
        #expect(mission.contains("1er mars 2026"))
    }

    @Test func templateValuesAreEscapedForHTML() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        // Quoted in YAML; the quote before a combining acute accent is one Character but must still be escaped.
        try site.write("Content/fr/travailler/mission.md", TestSite.page(title: #"'Sécu' & \"A1\" <2026> \"\u0301x"#, description: "Partir en mission."))
        try site.build()
        let mission = try #require(site.read("fr/travailler/mission/index.html"))
        #expect(mission.contains("<h1>&#39;Sécu&#39; &amp; &quot;A1&quot; &lt;2026&gt; &quot;\u{0301}x</h1>"))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.build()
        let first = site.snapshot()
        try site.build()
        #expect(site.snapshot() == first)
        #expect(first.count > 20)
    }

    @Test func oneLanguageWithItsOwnBaseURL() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        let report = try site.build(languages: ["en"], baseURL: "https://en.example.org")
        #expect(report.pagesPerLanguage.map(\.language) == ["en"])
        let files = site.snapshot().keys
        #expect(!files.contains { $0.hasPrefix("fr/") })
        #expect(!files.contains("index.html"))
        let assignment = try #require(site.read("en/working/assignment/index.html"))
        #expect(assignment.contains(#"rel="canonical" href="https://en.example.org/en/working/assignment/""#))
        // The French version is not in this output: the switcher points to its absolute URL.
        #expect(assignment.contains(#"href="https://www.example.fr/fr/travailler/mission/""#))
        #expect(site.read("robots.txt")?.contains("Sitemap: https://en.example.org/sitemap.xml") == true)
    }

    @Test func draftsAreLeftOutUnlessAsked() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.write("Content/fr/travailler/brouillon.md", TestSite.page(title: "Brouillon", description: "Pas fini.", extra: "draft: true"))
        try site.build()
        #expect(site.read("fr/travailler/brouillon/index.html") == nil)
        _ = try SiteBuilder.build(BuildOptions(source: site.root, output: site.output, includeDrafts: true))
        #expect(site.read("fr/travailler/brouillon/index.html") != nil)
    }

    @Test func aliasesRedirectAndResourcesAreCopiedBesideTheirPage() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.write("Content/fr/travailler/detachement.md", TestSite.page(title: "Détacher un salarié", description: "D.",
                                                                            extra: "aliases: [/fr/ancien-detachement/]", body: "[Le guide](guide.pdf)\n"))
        try site.write("Content/fr/travailler/guide.pdf", "%PDF-1.4")
        try site.build()
        let redirect = try #require(site.read("fr/ancien-detachement/index.html"))
        #expect(redirect.contains("https://www.example.fr/fr/travailler/detachement/"))
        #expect(site.read("fr/travailler/guide.pdf") == "%PDF-1.4")
        #expect(site.read("fr/travailler/detachement/index.html")?.contains(#"href="/fr/travailler/guide.pdf""#) == true)
    }

    @Test func keepsTheCommittedReadmeOfTheOutputFolder() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.write("Site/README.md", "Generated output.")
        try site.build()
        #expect(site.read("README.md") == "Generated output.")
    }
}

extension BuildTests {
    @Test func anOutdatedTranslationShowsANoticeLinkingToTheOriginal() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.build()
        #expect(site.read("en/working/assignment/index.html")?.contains(#"class="notice""#) == false)
        // Outside git, lastmod decides: the French original changed after its translation.
        try site.write("Content/fr/travailler/mission.md", TestSite.page(title: "Journaliste en mission", description: "Partir en mission.",
                                                                        extra: "translationKey: mission\naudiences: [journalistes]\ndate: 2026-03-01\nlastmod: 2026-06-01"))
        try site.build()
        let english = try #require(site.read("en/working/assignment/index.html"))
        #expect(english.contains(#"<p class="notice" role="note">"#))
        #expect(english.contains(#"<a href="/fr/travailler/mission/" hreflang="fr" lang="fr">Français</a>"#))
        #expect(site.read("fr/travailler/mission/index.html")?.contains(#"class="notice""#) == false)
    }
}
