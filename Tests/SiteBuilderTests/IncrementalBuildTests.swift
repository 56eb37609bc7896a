import Foundation
import Testing
@testable import SiteBuilder

/// A session's rebuilds after each edit must give the very bytes of a clean build of the same
/// sources, and a rebuild with nothing changed must write nothing.
@Suite struct IncrementalBuildTests {
    /// One edit of the series, named for the failure message.
    struct Edit: Sendable {
        var name: String
        var apply: @Sendable (TestSite) throws -> Void
    }

    static let edits: [Edit] = [
        Edit(name: "edit a page's text") { try $0.write("Content/fr/travailler/detachement.md", TestSite.page(
            title: "Détacher un salarié", description: "Le détachement.", extra: "audiences: [employeurs, journalistes]\ndate: 2026-11-28",
            body: "## Durée\n\nJusqu'à 24 mois, puis une nouvelle demande.\n")) },
        Edit(name: "add a page") { try $0.write("Content/fr/travailler/saisonniers.md", TestSite.page(
            title: "Travail saisonnier", description: "Les saisonniers.", extra: "audiences: [employeurs]\ndate: 2026-06-01",
            body: "Voir [la mission](mission.md).\n")) },
        Edit(name: "change a title shown in lists and breadcrumbs") { try $0.write("Content/fr/travailler/_index.md", TestSite.page(
            title: "Partir travailler", description: "Partir travailler.", extra: "translationKey: work")) },
        Edit(name: "rename a page that others link to") { site in
            try site.remove("Content/fr/travailler/detachement.md")
            try site.write("Content/fr/travailler/detacher.md", TestSite.page(
                title: "Détacher un salarié", description: "Le détachement.", extra: "audiences: [employeurs, journalistes]\ndate: 2026-11-28",
                body: "## Durée\n\nJusqu'à 24 mois.\n"))
            try site.write("Content/fr/travailler/mission.md", TestSite.page(
                title: "Journaliste en mission", description: "Partir en mission.", extra: "translationKey: mission\naudiences: [journalistes]\ndate: 2026-03-01",
                body: "## Durée\n\nVoir [le détachement](detacher.md#duree).\n"))
        },
        Edit(name: "change a translationKey") { try $0.write("Content/en/working/assignment.md", TestSite.page(
            title: "Journalist on assignment", description: "Going on assignment.", extra: "translationKey: other\naudiences: [journalistes]\ndate: 2026-03-01")) },
        Edit(name: "change an audience") { try $0.write("Content/fr/travailler/saisonniers.md", TestSite.page(
            title: "Travail saisonnier", description: "Les saisonniers.", extra: "audiences: [journalistes]\ndate: 2026-06-01",
            body: "Voir [la mission](mission.md).\n")) },
        Edit(name: "delete a page") { try $0.remove("Content/fr/travailler/saisonniers.md") },
        Edit(name: "change a template") { site in
            let path = "Themes/default/templates/page.mustache"
            let text = String(decoding: FileManager.default.contents(atPath: site.root.appendingPathComponent(path).path)!, as: UTF8.self)
            try site.write(path, text.replacingOccurrences(of: "<h1>{{page.title}}</h1>", with: "<h1 class=\"edited\">{{page.title}}</h1>"))
        },
        Edit(name: "change a string table") { site in
            let path = "Themes/default/i18n/en.yml"
            let text = String(decoding: FileManager.default.contents(atPath: site.root.appendingPathComponent(path).path)!, as: UTF8.self)
            try site.write(path, text.replacingOccurrences(of: "languageName: \"English\"", with: "languageName: \"English (UK)\""))
        },
        Edit(name: "change site.yml") { try $0.write("site.yml", TestSite.siteYML.replacingOccurrences(of: "title: {fr: Cleiss, en: Cleiss}",
                                                                                                       with: "title: {fr: Le Cleiss, en: Cleiss}")) },
    ]

    @Test func everyRebuildEqualsACleanBuild() throws {
        let site = try TestSite.make()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let session = BuildSession()
        let options = BuildOptions(source: site.root, output: site.output)
        try session.build(options)
        let unchanged = try session.build(options)
        #expect(unchanged.files.written == 0 && unchanged.files.removed == 0, "an unchanged rebuild writes nothing")
        for edit in IncrementalBuildTests.edits {
            try edit.apply(site)
            let report = try session.build(options)
            #expect(report.files.written > 0 || report.files.removed > 0, "\(edit.name): the output changed")
            let clean = site.root.appendingPathComponent("Clean")
            try SiteBuilder.build(BuildOptions(source: site.root, output: clean))
            let incremental = site.snapshot()
            let expected = site.snapshot(clean)
            #expect(incremental.keys.sorted() == expected.keys.sorted(), "\(edit.name): the same files")
            for (path, data) in expected where incremental[path] != data {
                Issue.record("\(edit.name): \(path) differs from a clean build")
            }
            try FileManager.default.removeItem(at: clean)
            let again = try session.build(options)
            #expect(again.files.written == 0 && again.files.removed == 0, "\(edit.name): a second rebuild writes nothing")
        }
    }

    @Test func aPageEditRendersOnlyWhatShowsThePage() throws {
        let site = try TestSite.make()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let session = BuildSession()
        let options = BuildOptions(source: site.root, output: site.output)
        try session.build(options)
        let before = site.snapshot()
        // The body of a page: only that page changes.
        try site.write("Content/fr/travailler/detachement.md", TestSite.page(
            title: "Détacher un salarié", description: "Le détachement.", extra: "audiences: [employeurs, journalistes]\ndate: 2026-11-28",
            body: "## Durée\n\nJusqu'à 24 mois au plus.\n"))
        let report = try session.build(options)
        let after = site.snapshot()
        #expect(Set(after.keys.filter { before[$0] != after[$0] }) == ["fr/travailler/detachement/index.html"])
        #expect(report.files.written == 1)
    }

    @Test func aFailedRebuildKeepsTheLastGoodOutputAndTheNextOneRecovers() throws {
        let site = try TestSite.make()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let session = BuildSession()
        let options = BuildOptions(source: site.root, output: site.output)
        try session.build(options)
        let good = site.snapshot()
        try site.write("Content/fr/travailler/mission.md", "---\ntitle: [unclosed\n---\nTexte.\n")
        #expect(throws: (any Error).self) { try session.build(options) }
        #expect(site.snapshot() == good)
        try site.write("Content/fr/travailler/mission.md", TestSite.page(
            title: "Journaliste en mission", description: "Partir en mission, corrigé.", extra: "translationKey: mission\naudiences: [journalistes]\ndate: 2026-03-01",
            body: "## Durée\n\nVoir [le détachement](detachement.md#duree).\n"))
        try session.build(options)
        let clean = site.root.appendingPathComponent("Clean")
        try SiteBuilder.build(BuildOptions(source: site.root, output: clean))
        #expect(site.snapshot() == site.snapshot(clean))
    }
}
