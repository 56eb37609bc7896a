import Diagnostics
import Foundation
import Testing
@testable import SiteBuilder

/// Each bad input: a message naming the file and what to do, a failed build, the previous output untouched.
@Suite struct BadInputTests {
    /// Builds the good site, breaks it with `change`, and checks the failure and that nothing moved.
    @discardableResult
    func expectFailure(file expectedFile: String, line expectedLine: Int? = nil, message expectedText: String,
                       _ change: (TestSite) throws -> Void) throws -> [Diagnostic] {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.build()
        let before = site.snapshot()
        let siblings = site.siblingsOfOutput()
        #expect(before["fr/index.html"] != nil)
        try change(site)
        var diagnostics: [Diagnostic] = []
        do {
            try site.build()
            Issue.record("the build should have failed")
        } catch let error as DiagnosticsError {
            diagnostics = error.diagnostics
        }
        let matching = diagnostics.errors.filter { $0.location.file == expectedFile && $0.description.contains(expectedText) }
        #expect(!matching.isEmpty, "expected an error in \(expectedFile) containing '\(expectedText)', got:\n\(diagnostics.map(\.description).joined(separator: "\n"))")
        if let expectedLine { #expect(matching.contains { $0.location.line == expectedLine }) }
        #expect(matching.allSatisfy { $0.hint != nil }, "every error says what to do")
        #expect(site.snapshot() == before, "the previous output is untouched")
        #expect(site.siblingsOfOutput() == siblings, "no staging folder is left behind")
        return diagnostics
    }

    @Test func malformedYAMLNamesFileAndLine() throws {
        try expectFailure(file: "Content/fr/travailler/detachement.md", line: 3, message: "malformed YAML") { site in
            try site.write("Content/fr/travailler/detachement.md", "---\ntitle: \"Détacher\"\ndescription: [unclosed\n---\nTexte\n")
        }
    }

    @Test func missingTitleOrDescription() throws {
        try expectFailure(file: "Content/fr/travailler/detachement.md", message: "missing required key 'title'") { site in
            try site.write("Content/fr/travailler/detachement.md", "---\ndescription: \"Sans titre.\"\n---\nTexte\n")
        }
        try expectFailure(file: "Content/en/working/assignment.md", message: "missing required key 'description'") { site in
            try site.write("Content/en/working/assignment.md", "---\ntitle: \"No description\"\n---\nText\n")
        }
    }

    @Test func unknownAudienceSuggestsTheClosestOne() throws {
        let diagnostics = try expectFailure(file: "Content/fr/travailler/mission.md", line: 5, message: "unknown audience 'journaliste'") { site in
            try site.write("Content/fr/travailler/mission.md", TestSite.page(title: "Journaliste en mission", description: "Mission.",
                                                                              extra: "translationKey: mission\naudiences: [journaliste]"))
        }
        #expect(diagnostics.contains { $0.hint?.contains("did you mean 'journalistes'?") == true })
    }

    @Test func twoPagesClaimingOneURL() throws {
        try expectFailure(file: "Content/fr/travailler/copie.md", line: 4, message: "both want the URL of fr/travailler/mission/index.html") { site in
            try site.write("Content/fr/travailler/copie.md", TestSite.page(title: "Copie", description: "Copie.", extra: "slug: mission"))
        }
    }

    @Test func slugOrAliasThatWouldWriteOutsideTheOutput() throws {
        try expectFailure(file: "Content/fr/travailler/detachement.md", message: "slug '../../../etc'") { site in
            try site.write("Content/fr/travailler/detachement.md", TestSite.page(title: "Détacher", description: "D.", extra: "slug: ../../../etc"))
        }
        try expectFailure(file: "Content/fr/travailler/detachement.md", message: "alias '../../outside/'") { site in
            try site.write("Content/fr/travailler/detachement.md", TestSite.page(title: "Détacher", description: "D.", extra: "aliases: [\"../../outside/\"]"))
        }
    }

    @Test func translationKeyUsedTwiceInOneLanguage() throws {
        try expectFailure(file: "Content/fr/travailler/mission.md", line: 4, message: "translationKey 'mission' is already used by Content/fr/travailler/detachement.md") { site in
            try site.write("Content/fr/travailler/detachement.md", TestSite.page(title: "Détacher", description: "D.", extra: "translationKey: mission"))
        }
    }

    @Test func invalidUTF8() throws {
        try expectFailure(file: "Content/fr/travailler/detachement.md", line: 4, message: "not valid UTF-8") { site in
            var bytes = Data("---\ntitle: \"Détacher\"\ndescription: \"D.\"\n".utf8)
            bytes.append(contentsOf: [0x63, 0x61, 0xFF, 0xFE, 0x0A])
            bytes.append(Data("---\nTexte\n".utf8))
            try site.write("Content/fr/travailler/detachement.md", bytes)
        }
    }

    @Test func emptyFile() throws {
        try expectFailure(file: "Content/en/working/empty.md", message: "the file is empty") { site in
            try site.write("Content/en/working/empty.md", "")
        }
    }

    @Test func missingTemplate() throws {
        try expectFailure(file: "Themes/default/templates/page.mustache", message: "the template 'page' is missing") { site in
            try site.remove("Themes/default/templates/page.mustache")
        }
    }

    @Test func templateWithASyntaxError() throws {
        try expectFailure(file: "Themes/default/templates/section.mustache", line: 2, message: "'{{/page.child}}' does not match 'page.children'") { site in
            try site.write("Themes/default/templates/section.mustache", "<p>\n{{#page.children}}<li>{{title}}</li>{{/page.child}}\n")
        }
    }

    /// A typo renders nothing in Mustache: here it is an error at its line and column, with the name meant.
    @Test func unknownNameInATemplate() throws {
        let diagnostics = try expectFailure(file: "Themes/default/templates/page.mustache", line: 3, message: "unknown name 'titel' in 'page.titel'; did you mean “title”?") { site in
            try site.write("Themes/default/templates/page.mustache", "<html>\n<body>\n  <h1>{{page.titel}}</h1>\n</body>\n")
        }
        #expect(diagnostics.errors.first?.location.column == 7)
        #expect(diagnostics.errors.first?.hint?.contains("'page' offers: ") == true)
    }

    /// A section over a text would show or hide by Mustache's truthiness of strings: refused, as in a partial.
    @Test func sectionOverATextAndAValueInAPartial() throws {
        let diagnostics = try expectFailure(file: "Themes/default/templates/partials/broken.mustache", line: 1, message: "page.title") { site in
            try site.write("Themes/default/templates/partials/broken.mustache", "{{#page.title}}yes{{/page.title}} {{{lang}}}\n")
            try site.write("Themes/default/templates/page.mustache", "<html>{{> partials/broken}}</html>\n")
        }
        #expect(diagnostics.errors.contains { $0.location.file.hasSuffix("partials/broken.mustache") && $0.message.contains("lang") })
    }

    @Test func missingPartial() throws {
        try expectFailure(file: "Themes/default/templates/page.mustache", line: 1, message: "partial 'partials/nowhere'") { site in
            try site.write("Themes/default/templates/page.mustache", "{{> partials/nowhere}}\n")
        }
    }

    @Test func brokenLinkBetweenPages() throws {
        try expectFailure(file: "Content/fr/travailler/mission.md", line: 8, message: "broken link 'absente.md'") { site in
            try site.write("Content/fr/travailler/mission.md", TestSite.page(title: "Journaliste en mission", description: "Mission.",
                                                                              extra: "translationKey: mission", body: "Texte.\n\nVoir [la page](absente.md).\n"))
        }
    }

    @Test func unknownSiteKeyGivesKeyAndLine() throws {
        try expectFailure(file: "site.yml", line: 2, message: "unknown site.yml key 'baseUrl'") { site in
            try site.write("site.yml", TestSite.siteYML.replacingOccurrences(of: "baseURL:", with: "baseUrl: https://x.fr/\nbaseURL:"))
        }
    }

    @Test func unknownFrontMatterKeyIsOnlyAWarning() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.write("Content/fr/travailler/detachement.md", TestSite.page(title: "Détacher", description: "D.", extra: "tags: [a]"))
        let report = try site.build()
        #expect(report.warnings.contains { $0.location.file == "Content/fr/travailler/detachement.md" && $0.message.contains("unknown front matter key 'tags'") })
    }

    @Test func outputFolderWithForeignFilesIsNeverReplaced() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        let foreign = site.root.appendingPathComponent("Documents")
        try site.write("Documents/letter.txt", "keep me")
        #expect(throws: DiagnosticsError.self) { try site.build(output: foreign) }
        #expect(FileManager.default.contents(atPath: foreign.appendingPathComponent("letter.txt").path) == Data("keep me".utf8))
        #expect(throws: DiagnosticsError.self) { try site.build(output: site.root.appendingPathComponent("Content")) }
    }

    @Test func unknownLanguageIsAUsageError() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        #expect(throws: UsageError.self) { try site.build(languages: ["de"]) }
        #expect(throws: UsageError.self) { try site.build(baseURL: "not a url") }
    }
}

extension BadInputTests {
    @Test func aTitleTakenByAnotherPageOrAnAudienceLandingPage() throws {
        try expectFailure(file: "Content/fr/travailler/mission.md", line: 2, message: "is already the title of Content/fr/travailler/detachement.md") { site in
            try site.write("Content/fr/travailler/detachement.md", TestSite.page(title: "Journaliste en mission", description: "D."))
        }
        try expectFailure(file: "Content/en/working/assignment.md", line: 2, message: "the landing page of audience 'journalistes'") { site in
            try site.write("Content/en/working/assignment.md", TestSite.page(title: "Journalists", description: "D."))
        }
    }
}
