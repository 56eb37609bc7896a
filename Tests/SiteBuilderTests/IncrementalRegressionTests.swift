import Foundation
import Testing
@testable import SiteBuilder

/// Sequences of edits after which a session's output once differed from a clean build, found by
/// `RandomEditTests` and cut down to the steps that matter.
@Suite struct IncrementalRegressionTests {
    /// Builds with the session after each edit (told the edited path, as `serve` is) and compares
    /// with a clean build.
    func expectCleanBuildAfterEach(_ edits: [(path: String, text: String)], options: (TestSite) -> BuildOptions = {
        BuildOptions(source: $0.root, output: $0.output).forPreview
    }) throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        let session = BuildSession()
        try session.build(options(site), changed: [])
        for (number, edit) in edits.enumerated() {
            try site.write(edit.path, edit.text)
            try session.build(options(site), changed: [edit.path])
            var clean = options(site)
            clean.output = site.root.appendingPathComponent("Clean")
            try SiteBuilder.build(clean)
            let expected = site.snapshot(clean.output), incremental = site.snapshot()
            #expect(incremental.keys.sorted() == expected.keys.sorted(), "edit \(number + 1): the same files")
            #expect(incremental.keys.filter { incremental[$0] != expected[$0] }.sorted() == [], "edit \(number + 1): the same bytes")
            try FileManager.default.removeItem(at: clean.output)
        }
    }

    /// A draft is left out of the site: when it stopped being one, the session kept the site it had
    /// (the same files, and no page of the site had another front matter) and the page stayed out.
    /// Found with seed 6.
    @Test func aDraftThatIsNoLongerOneIsBuilt() throws {
        let assignment = "Content/en/working/assignment.md"
        func page(draft: Bool) -> String {
            TestSite.page(title: "Journalist on assignment", description: "Going on assignment.",
                          extra: "translationKey: mission\naudiences: [journalistes]\ndate: 2026-03-01" + (draft ? "\ndraft: true" : ""))
        }
        try expectCleanBuildAfterEach([(assignment, page(draft: true)), (assignment, page(draft: false))])
    }

    /// The data of the country pages is no Markdown file: when only Data/countries.yml changed, the
    /// session kept the site it had (the same files of Content/) and the pages made from data stayed
    /// as they were, or were not made at all.
    @Test func anEditOfTheDataFileRebuildsThePagesMadeFromIt() throws {
        let data = "Data/countries.yml"
        let settings = TestSite.siteYML + TestSite.countriesSettings
        try expectCleanBuildAfterEach([
            ("site.yml", settings),
            (data, TestSite.countriesYML),
            (data, TestSite.countriesYML.replacingOccurrences(of: "Une note simple.", with: "Une autre note.")),
            (data, TestSite.countriesYML.replacingOccurrences(of: "{fr: Chine, en: China}", with: "{fr: Chine populaire, en: China}")),
            (data, TestSite.countriesYML.replacingOccurrences(of: "regime: none", with: "regime: eu")),
        ])
    }
}
