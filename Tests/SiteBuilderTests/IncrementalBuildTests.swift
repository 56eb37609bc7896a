import Foundation
import Testing
@testable import SiteBuilder

/// A session's rebuilds after each edit must give the very bytes of a clean build of the same
/// sources, and a rebuild with nothing changed must write nothing.
@Suite struct IncrementalBuildTests {
    /// One edit of the series, named for the failure message.
    struct Edit: Sendable {
        var name: String
        /// What the live preview's watcher reports for it: the paths changed, from the site root.
        var changed: [String]
        var apply: @Sendable (TestSite) throws -> Void
    }

    static let edits: [Edit] = [
        Edit(name: "edit the texts of a page and of its translation, an editor's temporary file beside", changed: [
            "Content/fr/travailler/mission.md", "Content/en/working/assignment.md", "Content/en/working/.assignment.md.swp",
        ]) { site in
            try site.write("Content/fr/travailler/mission.md", TestSite.page(
                title: "Journaliste en mission", description: "Partir en mission.", extra: "translationKey: mission\naudiences: [journalistes]\ndate: 2026-03-01",
                body: "## Durée\n\nVoir [le détachement](detachement.md#duree), puis [la section](_index.md).\n"))
            try site.write("Content/en/working/assignment.md", TestSite.page(
                title: "Journalist on assignment", description: "Going on assignment.", extra: "translationKey: mission\naudiences: [journalistes]\ndate: 2026-03-01",
                body: "## How long\n\nUp to two years.\n"))
        },
        Edit(name: "edit a page's text", changed: ["Content/fr/travailler/detachement.md"]) { try $0.write("Content/fr/travailler/detachement.md", TestSite.page(
            title: "Détacher un salarié", description: "Le détachement.", extra: "audiences: [employeurs, journalistes]\ndate: 2026-11-28",
            body: "## Durée\n\nJusqu'à 24 mois, puis une nouvelle demande.\n")) },
        Edit(name: "add a page", changed: ["Content/fr/travailler/saisonniers.md"]) { try $0.write("Content/fr/travailler/saisonniers.md", TestSite.page(
            title: "Travail saisonnier", description: "Les saisonniers.", extra: "audiences: [employeurs]\ndate: 2026-06-01",
            body: "Voir [la mission](mission.md).\n")) },
        Edit(name: "change a title shown in lists and breadcrumbs", changed: ["Content/fr/travailler/_index.md"]) { try $0.write("Content/fr/travailler/_index.md", TestSite.page(
            title: "Partir travailler", description: "Partir travailler.", extra: "translationKey: work")) },
        Edit(name: "rename a page that others link to", changed: ["Content/fr/travailler/detachement.md", "Content/fr/travailler/detacher.md", "Content/fr/travailler/mission.md"]) { site in
            try site.remove("Content/fr/travailler/detachement.md")
            try site.write("Content/fr/travailler/detacher.md", TestSite.page(
                title: "Détacher un salarié", description: "Le détachement.", extra: "audiences: [employeurs, journalistes]\ndate: 2026-11-28",
                body: "## Durée\n\nJusqu'à 24 mois.\n"))
            try site.write("Content/fr/travailler/mission.md", TestSite.page(
                title: "Journaliste en mission", description: "Partir en mission.", extra: "translationKey: mission\naudiences: [journalistes]\ndate: 2026-03-01",
                body: "## Durée\n\nVoir [le détachement](detacher.md#duree).\n"))
        },
        Edit(name: "change a translationKey", changed: ["Content/en/working/assignment.md"]) { try $0.write("Content/en/working/assignment.md", TestSite.page(
            title: "Journalist on assignment", description: "Going on assignment.", extra: "translationKey: other\naudiences: [journalistes]\ndate: 2026-03-01")) },
        Edit(name: "change an audience", changed: ["Content/fr/travailler/saisonniers.md"]) { try $0.write("Content/fr/travailler/saisonniers.md", TestSite.page(
            title: "Travail saisonnier", description: "Les saisonniers.", extra: "audiences: [journalistes]\ndate: 2026-06-01",
            body: "Voir [la mission](mission.md).\n")) },
        Edit(name: "delete a page", changed: ["Content/fr/travailler/saisonniers.md"]) { try $0.remove("Content/fr/travailler/saisonniers.md") },
        Edit(name: "change a template", changed: ["Themes/default/templates/page.mustache"]) { site in
            let path = "Themes/default/templates/page.mustache"
            let text = String(decoding: FileManager.default.contents(atPath: site.root.appendingPathComponent(path).path)!, as: UTF8.self)
            try site.write(path, text.replacingOccurrences(of: "<h1>{{page.title}}</h1>", with: "<h1 class=\"edited\">{{page.title}}</h1>"))
        },
        Edit(name: "edit a stylesheet", changed: ["Themes/default/assets/cleiss.css"]) { site in
            let path = "Themes/default/assets/cleiss.css"
            let text = String(decoding: FileManager.default.contents(atPath: site.root.appendingPathComponent(path).path)!, as: UTF8.self)
            try site.write(path, text + "\n.edited { color: #000; }\n")
        },
        Edit(name: "change a string table", changed: ["Themes/default/i18n/en.yml"]) { site in
            let path = "Themes/default/i18n/en.yml"
            let text = String(decoding: FileManager.default.contents(atPath: site.root.appendingPathComponent(path).path)!, as: UTF8.self)
            try site.write(path, text.replacingOccurrences(of: "languageName: \"English\"", with: "languageName: \"English (UK)\""))
        },
        Edit(name: "change site.yml", changed: ["site.yml"]) { try $0.write("site.yml", TestSite.siteYML.replacingOccurrences(of: "title: {fr: Cleiss, en: Cleiss}",
                                                                                                       with: "title: {fr: Le Cleiss, en: Cleiss}")) },
    ]

    @Test func everyRebuildEqualsACleanBuild() throws {
        try rebuildAfterEachEdit(toldWhatChanged: false)
    }

    /// As the live preview rebuilds: told the paths its watcher saw. Edits of texts alone take the
    /// short way (`rebuildEditedTexts`), the others the full one; both must give a clean build's bytes.
    @Test func everyRebuildToldWhatChangedEqualsACleanBuild() throws {
        try rebuildAfterEachEdit(toldWhatChanged: true)
    }

    /// As `serve` builds: told what changed, with plain asset names (the stylesheet's short way).
    @Test func everyPreviewRebuildEqualsACleanBuild() throws {
        try rebuildAfterEachEdit(toldWhatChanged: true, preview: true)
    }

    func rebuildAfterEachEdit(toldWhatChanged: Bool, preview: Bool = false) throws {
        let site = try TestSite.make()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let session = BuildSession()
        let full = BuildOptions(source: site.root, output: site.output)
        let options = preview ? full.forPreview : full
        try session.build(options, changed: toldWhatChanged ? [] : nil)
        let unchanged = try session.build(options, changed: toldWhatChanged ? [] : nil)
        #expect(unchanged.files.written == 0 && unchanged.files.removed == 0, "an unchanged rebuild writes nothing")
        for edit in IncrementalBuildTests.edits {
            try edit.apply(site)
            let report = try session.build(options, changed: toldWhatChanged ? edit.changed : nil)
            #expect(report.files.written > 0 || report.files.removed > 0, "\(edit.name): the output changed")
            try expectCleanBuild(site, edit.name, options: options)
            let again = try session.build(options, changed: toldWhatChanged ? edit.changed : nil)
            #expect(again.files.written == 0 && again.files.removed == 0, "\(edit.name): a second rebuild writes nothing")
        }
    }

    /// The output is byte for byte that of a clean build of the same sources.
    func expectCleanBuild(_ site: TestSite, _ name: String, options: BuildOptions) throws {
        let clean = site.root.appendingPathComponent("Clean")
        var cleanOptions = options
        cleanOptions.output = clean
        try SiteBuilder.build(cleanOptions)
        let incremental = site.snapshot()
        let expected = site.snapshot(clean)
        #expect(incremental.keys.sorted() == expected.keys.sorted(), "\(name): the same files")
        for (path, data) in expected where incremental[path] != data {
            Issue.record("\(name): \(path) differs from a clean build")
        }
        try FileManager.default.removeItem(at: clean)
    }

    @Test func onlyEditedTextsTakeTheShortWay() throws {
        let site = try TestSite.make()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let session = BuildSession()
        let options = BuildOptions(source: site.root, output: site.output).forPreview
        try session.build(options)
        let mission = "Content/fr/travailler/mission.md"
        func missionPage(description: String = "Partir en mission.", body: String) -> String {
            TestSite.page(title: "Journaliste en mission", description: description,
                          extra: "translationKey: mission\naudiences: [journalistes]\ndate: 2026-03-01", body: body)
        }
        try site.write(mission, missionPage(body: "Un texte nouveau.\n"))
        // A build that measures the weight budget or makes a search index takes the full way.
        #expect(try session.rebuildEditedTexts(BuildOptions(source: site.root, output: site.output), changed: [mission]) == nil)
        let short = try #require(try session.rebuildEditedTexts(options, changed: [mission]))
        #expect(short.files.written == 1)
        #expect(site.read("fr/travailler/mission/index.html")?.contains("Un texte nouveau.") == true)
        // A text with a charter finding and a Markdown warning: the report is that of a clean build.
        let long = Array(repeating: "le salarié part travailler dans un autre pays de l'Union", count: 6).joined(separator: " et ")
        try site.write(mission, missionPage(body: "\(long).\n\n<div>brut</div>\n"))
        let reported = try #require(try session.rebuildEditedTexts(options, changed: [mission]))
        let clean = try SiteBuilder.build(BuildOptions(source: site.root, output: site.root.appendingPathComponent("Clean")))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Clean"))
        #expect(reported.charterSummary == clean.charterSummary)
        #expect(!reported.charterSummary.hasPrefix("charter: 0 errors, 0 warnings"))
        #expect(reported.warnings == clean.warnings)
        #expect(reported.warnings.contains { $0.location.file == mission })
        #expect(reported.pagesPerLanguage.map(\.count) == clean.pagesPerLanguage.map(\.count))
        try site.write(mission, missionPage(body: "Un texte nouveau.\n"))
        let cleared = try #require(try session.rebuildEditedTexts(options, changed: [mission]))
        #expect(!cleared.warnings.contains { $0.location.file == mission })
        // A front matter, a new file, a deleted one, a template: the full build.
        try site.write(mission, missionPage(description: "Autre description.", body: "Un texte nouveau.\n"))
        #expect(try session.rebuildEditedTexts(options, changed: [mission]) == nil)
        try session.build(options)
        try site.write("Content/fr/travailler/nouveau.md", TestSite.page(title: "Nouveau", description: "Nouveau."))
        #expect(try session.rebuildEditedTexts(options, changed: ["Content/fr/travailler/nouveau.md"]) == nil)
        try site.remove("Content/fr/travailler/nouveau.md")
        #expect(try session.rebuildEditedTexts(options, changed: ["Content/fr/travailler"]) == nil, "a folder that holds known pages")
        #expect(try session.rebuildEditedTexts(options, changed: ["Themes/default/templates/page.mustache"]) == nil)
        // A stylesheet of the theme: under content-hashed names, a new name in every page (the full build);
        // under plain names (serve), copied again, no page rendered. A new asset: the full build.
        let sheet = "Themes/default/assets/cleiss.css"
        var fingerprinted = options
        fingerprinted.fingerprintAssets = true
        try session.build(fingerprinted)
        try site.write(sheet, "body { color: #111; }\n")
        #expect(try session.rebuildEditedTexts(fingerprinted, changed: [sheet]) == nil)
        try session.build(options)
        try site.write(sheet, "body { color: #222; }\n")
        let styled = try #require(try session.rebuildEditedTexts(options, changed: [sheet]))
        #expect(styled.files.written == 1)
        #expect(site.read("assets/cleiss.css") == "body { color: #222; }\n")
        try site.write("Themes/default/assets/print.css", "body { color: #000; }\n")
        #expect(try session.rebuildEditedTexts(options, changed: ["Themes/default/assets/print.css"]) == nil)
        try site.remove("Themes/default/assets/print.css")
        // A path that neither exists nor existed is an editor's temporary file: nothing to do.
        try session.build(options)
        let quiet = try #require(try session.rebuildEditedTexts(options, changed: ["Content/fr/travailler/4913"]))
        #expect(quiet.files.written == 0)
    }

    @Test func aFailedRebuildIsFollowedByAFullOne() throws {
        let site = try TestSite.make()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let session = BuildSession()
        let options = BuildOptions(source: site.root, output: site.output).forPreview
        try session.build(options, changed: [])
        let good = site.snapshot()
        // A broken page, then the text of another page: the broken one must still be reported.
        try site.write("Content/fr/travailler/mission.md", "---\ntitle: [unclosed\n---\nTexte.\n")
        #expect(throws: (any Error).self) { try session.build(options, changed: ["Content/fr/travailler/mission.md"]) }
        try site.write("Content/en/working/assignment.md", TestSite.page(
            title: "Journalist on assignment", description: "Going on assignment.", extra: "translationKey: mission\naudiences: [journalistes]\ndate: 2026-03-01",
            body: "A new text.\n"))
        #expect(throws: (any Error).self) { try session.build(options, changed: ["Content/en/working/assignment.md"]) }
        #expect(site.snapshot() == good)
        // A broken link in a text edited alone fails the short way too, and leaves the output as it was.
        try site.write("Content/fr/travailler/mission.md", TestSite.page(
            title: "Journaliste en mission", description: "Partir en mission.", extra: "translationKey: mission\naudiences: [journalistes]\ndate: 2026-03-01",
            body: "Texte.\n"))
        try session.build(options, changed: ["Content/fr/travailler/mission.md"])
        let fixed = site.snapshot()
        try site.write("Content/fr/travailler/mission.md", TestSite.page(
            title: "Journaliste en mission", description: "Partir en mission.", extra: "translationKey: mission\naudiences: [journalistes]\ndate: 2026-03-01",
            body: "Voir [rien](absent.md).\n"))
        #expect(throws: (any Error).self) { try session.build(options, changed: ["Content/fr/travailler/mission.md"]) }
        #expect(site.snapshot() == fixed)
        try expectCleanBuildFails(site)
    }

    func expectCleanBuildFails(_ site: TestSite) throws {
        #expect(throws: (any Error).self) { try SiteBuilder.build(BuildOptions(source: site.root, output: site.root.appendingPathComponent("Clean"))) }
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
