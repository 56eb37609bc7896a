import Charter
import Configuration
import Foundation
import Testing
@testable import SiteBuilder

/// The build parses each page once: the charter reads the tree, then the renderer rewrites its links and
/// gives its headings ids. Were the renderer first, the charter would read URLs for `.md` links and no headings.
@Suite struct SharedParseBuildTests {
    @Test func theBuildsFindingsAreThoseOfCheckAndItsLinksAreRewritten() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.write("Content/fr/travailler/mission.md", TestSite.page(
            title: "Journaliste en mission", description: "Partir en mission.", extra: "translationKey: mission\naudiences: [journalistes]",
            body: "# Un titre de niveau un\n\nPour la durée, [cliquez ici](detachement.md#duree).\n\n## Durée\n\nVingt-quatre mois.\n"))
        let session = BuildSession()
        try session.build(BuildOptions(source: site.root, output: site.output))
        let built = try #require(session.memory?.charterReport).findings

        // `check`'s way: the loading step of every command, then the charter on every file.
        let loaded = try SiteLoading.load(root: site.root)
        let checker = try SiteLoading.charterChecker(root: site.root, configuration: loaded.configuration)
        #expect(built == loaded.charterReport(checker).findings)
        let mission = built.filter { $0.file == "Content/fr/travailler/mission.md" }
        #expect(Set(mission.map(\.rule)).isSuperset(of: [.headingOrder, .linkText]), "\(mission)")
        let html = try #require(site.read("fr/travailler/mission/index.html"))
        #expect(html.contains(#"<a href="/fr/travailler/detachement/#duree">cliquez ici</a>"#))
        #expect(html.contains(#"<h2 id="duree">Durée</h2>"#))
    }
}
