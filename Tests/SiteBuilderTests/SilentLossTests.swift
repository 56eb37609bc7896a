import Diagnostics
import Foundation
import Testing
import ContentLoading
@testable import SiteBuilder

/// Pages shaped like imports from other tools: names for people, links with spaces, hostile aliases.
/// Each either gives correct output or a message with its file and line.
@Suite struct SilentLossTests {
    static let folder = "Content/fr/06-Sécuriser vos sites web, vos …"

    func failure(_ site: TestSite) throws -> [Diagnostic] {
        do {
            try site.build()
        } catch let error as DiagnosticsError {
            return error.diagnostics
        }
        Issue.record("the build should have failed")
        return []
    }

    @Test func fileNamesBecomeTidyURLsAndLinksToThemFollow() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.write("\(Self.folder)/_index.md", TestSite.page(title: "Sécuriser", description: "S.",
            body: "[a](<03-Sécuriser son env.md>), [b](03-S%C3%A9curiser%20son%20env.md), [c](03-Sécuriser%20son%20env.md#haut), ![d](<Capture d'écran.PNG>)\n"))
        try site.write("\(Self.folder)/03-Sécuriser son env.md", TestSite.page(title: "Env", description: "E."))
        try site.write("\(Self.folder)/Capture d'écran.PNG", "PNG")
        let report = try site.build()
        let section = "fr/06-securiser-vos-sites-web-vos/"
        let html = try #require(site.read(section + "index.html"))
        #expect(html.contains("href=\"/\(section)03-securiser-son-env/\">a</a>"))
        #expect(html.contains("href=\"/\(section)03-securiser-son-env/\">b</a>"))
        #expect(html.contains("href=\"/\(section)03-securiser-son-env/#haut\">c</a>"))
        #expect(html.contains("src=\"/\(section)capture-d-ecran.png\""))
        #expect(site.read(section + "03-securiser-son-env/index.html") != nil)
        #expect(site.read(section + "capture-d-ecran.png") == "PNG")
        let renamed = report.warnings.filter { $0.message.contains("is not a tidy URL") }
        #expect(renamed.map(\.location.file) == ["\(Self.folder)/03-Sécuriser son env.md", "\(Self.folder)/Capture d'écran.PNG", "\(Self.folder)/_index.md"])
        #expect(renamed.allSatisfy { $0.hint?.contains("rename the") == true })
        #expect(renamed[0].hint?.contains("or set slug:") == true)
    }

    @Test func aLinkWithRawSpacesIsReportedAtItsLine() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.write("Content/fr/travailler/env.md", TestSite.page(title: "Env", description: "E.", body: "Texte.\n\nVoir [x](03-Sécuriser son env.md).\n"))
        let report = try site.build()
        let warning = try #require(report.warnings.first { $0.message.contains("is not a link") })
        #expect(warning.location == SourceLocation(file: "Content/fr/travailler/env.md", line: 8, column: 6))
        #expect(warning.hint?.contains("[x](<03-Sécuriser son env.md>)") == true)
    }

    @Test func caseOnlyAndFoldedClashesNameBothFiles() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.write("Content/fr/travailler/About.md", TestSite.page(title: "About 1", description: "A."))
        try site.write("Content/fr/travailler/about.md", TestSite.page(title: "About 2", description: "A."))
        try site.write("Content/en/working/Été.md", TestSite.page(title: "Summer 1", description: "S."))
        try site.write("Content/en/working/ete.md", TestSite.page(title: "Summer 2", description: "S."))
        try site.write("Content/en/working/x.md", TestSite.page(title: "X", description: "X.", extra: "slug: Guide"))
        try site.write("Content/en/working/y.md", TestSite.page(title: "Y", description: "Y.", extra: "slug: guide"))
        let errors = try failure(site).errors
        #expect(errors.contains { $0.message.contains("Content/fr/travailler/about.md") && $0.message.contains("Content/fr/travailler/About.md") })
        #expect(errors.contains { $0.message.contains("Content/en/working/ete.md") && $0.message.contains("Content/en/working/Été.md") })
        #expect(errors.contains { $0.message.contains("differ only by case") && $0.location.line == 4 })
    }

    @Test func hostileAliasesAndSlugsFailAtTheirLine() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.write("Content/fr/travailler/a.md", TestSite.page(title: "A", description: "A.", extra: "aliases:\n  - /robots.txt\n  - javascript:alert(1)"))
        try site.write("Content/fr/travailler/b.md", TestSite.page(title: "B", description: "B.", extra: "slug: index.html"))
        try site.write("Content/fr/travailler/c.md", TestSite.page(title: "C", description: "C.", extra: "aliases: [/fr/index.html/c/]"))
        let errors = try failure(site).errors
        let places = errors.map { "\($0.location.file):\($0.location.line ?? 0)" }
        #expect(places == ["Content/fr/travailler/a.md:5", "Content/fr/travailler/a.md:6", "Content/fr/travailler/b.md:4", "Content/fr/travailler/c.md:4"],
                "\(errors)")
        #expect(errors[3].message.contains("fr/index.html is the file of"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "nothing written")
    }

    @Test func everyErrorOfTheBuildInOneRun() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.write("Content/fr/travailler/detachement.md", "---\ntitle: [oops\ndescription: D\n---\nTexte\n")
        try site.write("Content/en/working/assignment.md", "---\ndescription: \"No title\"\n---\nText\n")
        try site.write("Content/fr/travailler/mission.md", TestSite.page(title: "Mission", description: "M.",
                                                                          body: "[absente](absente.md), [détachement](detachement.md)\n\n<b>gras</b>\n"))
        let diagnostics = try failure(site)
        let errors = diagnostics.errors.map { "\($0.location.file): \($0.message)" }
        #expect(errors.count == 3, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("Content/fr/travailler/detachement.md: malformed YAML") })
        #expect(errors.contains { $0.hasPrefix("Content/en/working/assignment.md: missing required key 'title'") })
        #expect(errors.contains { $0.hasPrefix("Content/fr/travailler/mission.md: broken link 'absente.md'") }, "the link to the page that did not load is not broken")
        #expect(diagnostics.warnings.contains { $0.message.hasPrefix("raw HTML is not published") })
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "nothing written")
    }

    @Test func aBrokenImageGetsAnImageHint() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.write("Content/fr/travailler/mission.md", TestSite.page(title: "Mission", description: "M.", body: "![carte](carte.png)\n"))
        let error = try #require(try failure(site).errors.first)
        #expect(error.message.contains("broken image 'carte.png'"))
        #expect(error.hint?.contains("image") == true && error.hint?.contains("page.md") == false)
    }

    /// Aliases are refused the root files and folders of the build (`BuildFiles`): every one the build writes must be listed there.
    @Test func theBuildsOwnRootFilesAreAllReserved() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.build()
        // Hidden files (the redirect map, the output's marker) need no entry: no alias segment may start with '.'.
        let root = try FileManager.default.contentsOfDirectory(atPath: site.output.path).filter { !$0.hasPrefix(".") }
        let known = Set(["fr", "en", "index.html"]).union(BuildFiles.files.keys).union(BuildFiles.folders.keys)
        #expect(Set(root).subtracting(known).isEmpty, "not in BuildFiles: \(Set(root).subtracting(known).sorted())")
    }

    /// A live preview's quick rebuild of an edited text keeps the warnings of the site's structure about that file.
    @Test func anEditedTextKeepsItsFileNameWarning() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        let path = "Content/fr/travailler/Mon Guide.md"
        try site.write(path, TestSite.page(title: "Guide", description: "G."))
        let session = BuildSession()
        let options = BuildOptions(source: site.root, output: site.output)
        #expect(try session.build(options).warnings.contains { $0.location.file == path && $0.message.contains("is not a tidy URL") })
        try site.write(path, TestSite.page(title: "Guide", description: "G.", body: "Un autre texte.\n"))
        #expect(try session.build(options, changed: [path]).warnings.contains { $0.location.file == path && $0.message.contains("is not a tidy URL") })
    }

    /// A name with nothing a URL can keep (another script, punctuation alone) cannot be made tidy: an error, not an empty segment.
    @Test func aNameWithNothingToKeepIsAnError() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.write("Content/fr/travailler/東京.md", TestSite.page(title: "Tokyo", description: "T."))
        let error = try #require(try failure(site).errors.first)
        #expect(error.location.file == "Content/fr/travailler/東京.md")
        #expect(error.message.contains("has no letter or digit that a URL can keep"))
        #expect(error.hint?.contains("set slug:") == true)
    }
}
