import Diagnostics
import Testing
@testable import ContentLoading

@Suite struct FrontMatterTests {
    let audiences = ["journalistes", "employeurs"]

    @Test func readsHugoCompatibleKeys() throws {
        let text = """
        ---
        title: "Détacher un salarié"
        description: Le détachement.
        audiences: [employeurs]
        translationKey: posting
        date: 2026-03-01T09:30:00+01:00
        lastmod: 2026-11-28
        draft: false
        slug: detachement
        aliases: [/fr/ancien/]
        weight: 3
        menus: main
        ---
        ## Corps
        """
        let parsed = try FrontMatterParser.parse(text, file: "a.md", audiences: audiences)
        let front = parsed.frontMatter
        #expect(front.title == "Détacher un salarié")
        #expect(front.audiences == ["employeurs"])
        #expect(front.date?.isoDay == "2026-03-01")
        #expect(front.date?.original == "2026-03-01T09:30:00+01:00")
        #expect(front.lastmod == PageDate(year: 2026, month: 11, day: 28))
        #expect(front.aliases == ["/fr/ancien/"])
        #expect(front.weight == 3)
        #expect(front.menus == ["main"])
        #expect(parsed.bodyFirstLine == 14)
        #expect(parsed.body == "## Corps")
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test func rejectsImpossibleDates() {
        #expect(PageDate("2026-02-29") == nil)
        #expect(PageDate("2024-02-29") != nil)
        #expect(PageDate("2026-13-01") == nil)
        #expect(PageDate("2026-12-31T25:00:00Z") == nil)
        #expect(PageDate("2026-12-31T23:59:59Z")?.isoDay == "2026-12-31")
        #expect(PageDate("31/12/2026") == nil)
    }

    @Test func everyFrontMatterProblemHasItsLine() {
        let text = "---\ntitle: \"\"\ndescription: D.\naudiences: [journaliste, employeurs]\ndate: 2026-02-30\n---\n"
        do {
            _ = try FrontMatterParser.parse(text, file: "a.md", audiences: audiences)
            Issue.record("should fail")
        } catch {
            let lines = Dictionary(error.diagnostics.map { ($0.message, $0.location.line ?? 0) }, uniquingKeysWith: { a, _ in a })
            #expect(lines["'title' is empty"] == 2)
            #expect(lines["unknown audience 'journaliste'"] == 4)
            #expect(lines["'2026-02-30' is not a valid date"] == 5)
        }
    }

    @Test func fileWithoutFrontMatterOrUnclosed() {
        #expect(throws: DiagnosticsError.self) { try FrontMatterParser.parse("# Title\n", file: "a.md", audiences: []) }
        #expect(throws: DiagnosticsError.self) { try FrontMatterParser.parse("---\ntitle: x\n", file: "a.md", audiences: []) }
        #expect(throws: DiagnosticsError.self) { try FrontMatterParser.parse("\n  \n", file: "a.md", audiences: []) }
    }

    /// For `check`: a wrong front matter still gives the body, where it starts, and what could be read.
    @Test func aWrongFrontMatterStillGivesItsBody() {
        let unknownAudience = FrontMatterParser.read("---\ntitle: T\ndescription: D\naudiences: [martiens]\n---\n\nTexte.\n", file: "a.md", audiences: audiences)
        #expect(unknownAudience.body?.text == "\nTexte.\n" && unknownAudience.body?.firstLine == 6)
        #expect(unknownAudience.frontMatter.title == "T")
        #expect(unknownAudience.diagnostics.errors.map(\.message) == ["unknown audience 'martiens'"])
        let brokenYAML = FrontMatterParser.read("---\ntitle: [x\n---\nTexte.\n", file: "a.md", audiences: audiences)
        #expect(brokenYAML.body?.text == "Texte.\n" && brokenYAML.body?.firstLine == 4 && brokenYAML.diagnostics.hasErrors)
        let noBlock = FrontMatterParser.read("Texte.\n", file: "a.md", audiences: audiences)
        #expect(noBlock.body?.text == "Texte.\n" && noBlock.body?.firstLine == 1 && noBlock.diagnostics.hasErrors)
        #expect(FrontMatterParser.read("---\ntitle: x\n", file: "a.md", audiences: []).body == nil)
    }

    @Test func unknownKeysAreWarnings() throws {
        let parsed = try FrontMatterParser.parse("---\ntitle: T\ndescription: D\ntranslationkey: x\n---\n", file: "a.md", audiences: [])
        #expect(parsed.diagnostics.count == 1)
        #expect(parsed.diagnostics.first?.severity == .warning)
        #expect(parsed.diagnostics.first?.hint == "did you mean 'translationKey'?")
    }
}
