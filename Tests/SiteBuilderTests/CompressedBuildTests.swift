import Foundation
import Testing
@testable import SiteBuilder

/// `build --compress` and the redirect list for nginx, through the whole build.
@Suite struct CompressedBuildTests {
    /// As `IncrementalBuildTests`, compressing: twins kept for unchanged files must still be those a
    /// clean build writes, after every edit, told the changed paths or not.
    @Test(arguments: [false, true]) func everyCompressedRebuildEqualsACleanOne(toldWhatChanged: Bool) throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        let session = BuildSession()
        let options = BuildOptions(source: site.root, output: site.output, compress: true)
        try session.build(options, changed: toldWhatChanged ? [] : nil)
        #expect(site.snapshot().keys.contains("fr/index.html.gz") && site.snapshot().keys.contains { $0.hasPrefix("assets/cleiss.") && $0.hasSuffix(".css.br") })
        for edit in IncrementalBuildTests.edits {
            try edit.apply(site)
            try session.build(options, changed: toldWhatChanged ? edit.changed : nil)
            let clean = site.root.appendingPathComponent("Clean")
            try SiteBuilder.build(BuildOptions(source: site.root, output: clean, compress: true))
            let expected = site.snapshot(clean)
            let incremental = site.snapshot()
            #expect(incremental.keys.sorted() == expected.keys.sorted(), "\(edit.name): the same files")
            for (path, data) in expected where incremental[path] != data {
                Issue.record("\(edit.name): \(path) differs from a clean build")
            }
            try FileManager.default.removeItem(at: clean)
        }
        // The same session without compressing, as the preview builds: the twins go, edits of texts take the short way again.
        let preview = BuildOptions(source: site.root, output: site.output).forPreview
        try session.build(preview, changed: ["*"])
        #expect(!site.snapshot().keys.contains { $0.hasSuffix(".gz") || $0.hasSuffix(".br") })
        try site.write("Content/fr/travailler/mission.md", TestSite.page(title: "Journaliste en mission", description: "Partir en mission.",
                                                                        extra: "translationKey: mission\naudiences: [journalistes]\ndate: 2026-03-01",
                                                                        body: "Un texte nouveau.\n"))
        var compressing = preview
        compressing.compress = true
        #expect(try session.rebuildEditedTexts(compressing, changed: ["Content/fr/travailler/mission.md"]) == nil, "never without the twins")
        #expect(try session.rebuildEditedTexts(preview, changed: ["Content/fr/travailler/mission.md"]) != nil)
    }

    @Test func theRedirectListHasTheAliasesOfTheLanguagesBuilt() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.write("Content/fr/travailler/detachement.md", TestSite.page(title: "Détacher un salarié", description: "D.",
                                                                            extra: "aliases: [/fr/ancien-detachement/, /fr/detachement.html]"))
        try site.build()
        #expect(site.read(".nginx-redirects.map")?.split(separator: "\n").dropFirst() == [
            #""/fr/ancien-detachement" "https://www.example.fr/fr/travailler/detachement/";"#,
            #""/fr/ancien-detachement/" "https://www.example.fr/fr/travailler/detachement/";"#,
            #""/fr/detachement.html" "https://www.example.fr/fr/travailler/detachement/";"#,
        ])
        try site.build(languages: ["en"], baseURL: "https://en.example.org/")
        #expect(site.read(".nginx-redirects.map")?.split(separator: "\n").count == 1, "the heading alone")
    }
}
