import Diagnostics
import Testing
@testable import ContentLoading

@Suite struct TidyNamesTests {
    @Test func namesForPeopleBecomeTidySegments() {
        #expect(TidyNames.segment(for: "06-Sécuriser vos sites web, vos …") == "06-securiser-vos-sites-web-vos")
        #expect(TidyNames.segment(for: "03-Sécuriser son env") == "03-securiser-son-env")
        #expect(TidyNames.segment(for: "L'œuvre d'Ève") == "l-oeuvre-d-eve")
        #expect(TidyNames.segment(for: "About") == "about")
        // Decomposed accents, as macOS writes file names.
        #expect(TidyNames.segment(for: "Se\u{301}curite\u{301}") == "securite")
        #expect(TidyNames.segment(for: "…") == "")
        #expect(TidyNames.segment(forFile: "Capture d'écran (1).PNG") == "capture-d-ecran-1.png")
    }

    @Test func tidyNamesAreKeptAsTheyAre() {
        for name in ["detachement-ue", "guide_v2", "a--b", "formulaire-a1.pdf", "2026"] {
            #expect(TidyNames.isTidy(name) && TidyNames.segment(for: name) == name && TidyNames.segment(forFile: name) == name, "\(name)")
        }
        #expect(!TidyNames.isTidy(".cache") && !TidyNames.isTidy("A") && !TidyNames.isTidy("a b"))
    }
}

@Suite struct SitePathRulesTests {
    func parse(_ frontMatter: String) -> [Diagnostic] {
        do {
            return try FrontMatterParser.parse("---\ntitle: T\ndescription: D\n\(frontMatter)\n---\nTexte\n", file: "Content/fr/a.md", audiences: []).diagnostics
        } catch {
            return error.diagnostics
        }
    }

    @Test func hostileAliasesAreRefusedAtTheirLine() {
        let diagnostics = parse("aliases:\n  - /robots.txt\n  - javascript:alert(1)\n  - data:text/html,x\n  - fr/relative/\n  - /fr/a?b=1\n  - //evil.example/\n  - /pagefind/x/\n  - /fr/ancienne-page/")
        let lines = diagnostics.errors.map { $0.location.line ?? 0 }
        #expect(lines == [5, 6, 7, 8, 9, 10, 11], "\(diagnostics)")
        #expect(diagnostics.errors[0].message.contains("which the build writes itself"))
        #expect(diagnostics.errors[1].message.contains("'javascript:' address, which runs code in the browser"))
        #expect(diagnostics.errors[2].message.contains("'data:'"))
        #expect(diagnostics.errors.allSatisfy { $0.hint != nil })
    }

    @Test func aSlugNamesAFolderNotAFile() {
        let diagnostics = parse("slug: index.html")
        #expect(diagnostics.errors.count == 1)
        #expect(diagnostics.errors.first?.location.line == 4)
        #expect(diagnostics.errors.first?.message.contains("ends in .html") == true)
        #expect(parse("slug: guide.v2").isEmpty)
    }
}
