import Charter
import Diagnostics
import Foundation
import Testing
@testable import SiteBuilder

/// The loading step every command takes (`SiteLoading`): the problems of a broken page are the same for `build`,
/// `check` and `report`, and the report's charter run in parallel measures each page as the serial run did.
@Suite struct SiteLoadingTests {
    /// The test site with pages that the charter has something to say about, one of them a draft.
    static func siteWithFindings() throws -> TestSite {
        let site = try TestSite.make()
        try site.write("Content/fr/essai.md", TestSite.page(title: "Une page", description: "Une page de test.",
                                                           body: "## Partir\n\nAttention : voir le 2ème point !\n\nPour le formulaire, [cliquez ici](_index.md).\n"))
        try site.write("Content/fr/brouillon.md", TestSite.page(title: "Brouillon", description: "Un brouillon.", extra: "draft: true",
                                                               body: "Ce texte a une fote, [ici](_index.md).\n"))
        try site.write("Content/en/long.md", TestSite.page(title: "A long one", description: "Long sentences.",
                                                          body: "This sentence is made long on purpose so that the sentence length rule of the charter "
                                                              + "has something to say about it, because it goes on and on and on without ever stopping.\n"))
        return site
    }

    /// Where and what, without the severity's wording of each command.
    static func places(_ diagnostics: [Diagnostic]) -> Set<String> {
        Set(diagnostics.map { "\($0.location.file):\($0.location.line ?? 1):\($0.location.column ?? 1): \($0.message)" })
    }

    @Test func aBrokenPageGivesTheSameErrorsToBuildCheckAndReport() throws {
        let site = try TestSite.make()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.write("Content/fr/casse.md", "---\ntitle: [pas fermé\ndescription: Une page.\n---\nUn texte.\n")
        try site.write("Content/en/bytes.md", Data("---\ntitle: \"Bytes\"\ndescription: \"A page.\"\n---\ncaf".utf8) + Data([0xE9, 0x0A]))
        let build = try #require(throws: DiagnosticsError.self) { try SiteBuilder.build(BuildOptions(source: site.root)) }
        let report = try #require(throws: DiagnosticsError.self) { try ReportedSite.load(root: site.root) }
        let loaded = try SiteLoading.load(root: site.root)
        let check = loaded.charterReport(try SiteLoading.charterChecker(root: site.root, configuration: loaded.configuration))
        let checkErrors = Set(check.findings.filter { $0.severity == .error && [.source, .frontMatter].contains($0.rule) }
            .map { "\($0.file):\($0.line):\($0.column): \($0.message)" })
        let expected = Self.places(build.diagnostics.errors)
        #expect(Set(expected.map { $0.split(separator: ":")[0] }) == ["Content/fr/casse.md", "Content/en/bytes.md"])
        #expect(Self.places(report.diagnostics.errors) == expected)
        #expect(checkErrors == expected)
    }

    @Test func theReportMeasuresEveryPageAsTheSerialCheckDid() throws {
        let site = try Self.siteWithFindings()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let reported = try ReportedSite.load(root: site.root)
        let checker = try SiteLoading.charterChecker(root: site.root, configuration: reported.content.configuration)
        let parallel = reported.charterReport(checker)
        // What `report` did before, page after page.
        let serial = reported.content.pages.map { checker.check($0.source) }
        #expect(Dictionary(uniqueKeysWithValues: parallel.pages.map { ($0.file, $0) })
                == Dictionary(uniqueKeysWithValues: serial.map { ($0.statistics.file, $0.statistics) }))
        #expect(parallel.findings == CharterReport(findings: serial.flatMap(\.findings), pages: []).findings)
        // The pages written with findings in their prose; the others are the audience pages, which cite no sources.
        #expect(Set(parallel.findings.filter { $0.rule != .sources }.map(\.file)) == ["Content/fr/essai.md", "Content/fr/brouillon.md", "Content/en/long.md"])
        #expect(Set(parallel.findings.filter { $0.rule == .sources }.map(\.file))
                == ["Content/fr/travailler/detachement.md", "Content/fr/travailler/mission.md", "Content/en/working/assignment.md"])
    }
}
