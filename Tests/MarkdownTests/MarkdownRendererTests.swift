import Testing
@testable import Markdown
import Foundation

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func headingsGetStableUniqueIDs() {
        let result = renderer.render("## Durée du détachement\n\ntext\n\n## Durée du détachement\n\n### L'œuvre *A1*\n", file: "a.md", firstLine: 5)
        #expect(result.html.contains(#"<h2 id="duree-du-detachement">Durée du détachement</h2>"#))
        #expect(result.html.contains(#"<h2 id="duree-du-detachement-2">"#))
        #expect(result.html.contains(#"<h3 id="l-oeuvre-a1">L'œuvre <em>A1</em></h3>"#))
        #expect(result.headings.map(\.line) == [5, 9, 11])
        #expect(result.headings.map(\.level) == [2, 2, 3])
    }

    @Test func headingIDsAvoidTheThemesOwnIDs() {
        let result = renderer.render("## Content\n", file: "a.md")
        #expect(result.headings.first?.id == "content-2")
    }

    @Test func gfmExtensionsAreOn() {
        let markdown = """
        | a | b |
        |---|---|
        | 1 | 2 |

        ~~old~~ and https://www.cleiss.fr

        - [x] done

        Note[^1].

        [^1]: The footnote.
        """
        let html = renderer.render(markdown, file: "a.md").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains(#"<a href="https://www.cleiss.fr">"#))
        #expect(html.contains(#"type="checkbox""#))
        #expect(html.contains("footnotes"))
    }

    @Test func rawHTMLIsDroppedWithAWarningUnlessAllowed() {
        let markdown = "Text <span>inline</span>\n\n<div>block</div>\n"
        let safe = renderer.render(markdown, file: "a.md", firstLine: 3)
        #expect(!safe.html.contains("<div>") && !safe.html.contains("<span>"))
        // The tags go, their text stays: one warning per piece of HTML that held a tag (not for `</span>`).
        #expect(safe.html == "<p>Text inline</p>\n<p>block</p>\n")
        #expect(safe.diagnostics.count == 2)
        #expect(safe.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(safe.diagnostics.map { $0.location.line } .contains(5))
        let allowed = MarkdownRenderer(allowRawHTML: true).render(markdown, file: "a.md")
        #expect(allowed.html.contains("<div>block</div>"))
        #expect(allowed.diagnostics.isEmpty)
    }

    @Test func linksAreRewrittenAndBrokenOnesReportedWithTheirLine() {
        let markdown = "See [posting](../employeurs/detachement.md#duree).\n\nAnd [gone](missing.md).\n"
        let result = renderer.render(markdown, file: "Content/fr/x.md", firstLine: 10) { destination in
            destination.hasPrefix("../employeurs") ? .replace("/fr/employeurs/detachement/#duree") : .broken("no such page")
        }
        #expect(result.html.contains(#"href="/fr/employeurs/detachement/#duree""#))
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.location.line == 12)
        #expect(result.diagnostics.first?.message.contains("missing.md") == true)
    }
}

@Test func asciiHeadingsGetTheSameSlugsAsAccentedOnes() {
    #expect(HeadingIDs.slug("Who pays? (Form A1, 2026)") == "who-pays-form-a1-2026")
    #expect(HeadingIDs.slug("  --  ") == "section")
    #expect(HeadingIDs.slug("Durée du détachement") == "duree-du-detachement")
    // The ASCII fast path and Foundation's folding path (taken because of the "é") agree.
    for text in ["EU rules", "Form S1: how to get it", "A-B_C d", "x", "Who pays? (2026)"] {
        #expect(HeadingIDs.slug(text + " é") == HeadingIDs.slug(text) + "-e")
    }
}

@Test func theLatinFoldingTableFoldsAsFoundationDoes() {
    // Every scalar of the table, alone and inside words, in both cases.
    for value in HeadingIDs.latinScalars {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let text = "Ab\(scalar)Cd \(scalar)"
        #expect(HeadingIDs.latinFolded(text) == HeadingIDs.foundationFolded(text), "U+\(String(value, radix: 16))")
    }
    for text in ["Durée du détachement", "Œuvres ÇA Straße İstanbul", "Sécurité sociale : où ?", "Ǆemal ǅ ǆ"] {
        #expect(HeadingIDs.latinFolded(text) == HeadingIDs.foundationFolded(text))
    }
    // A combining mark or a scalar beyond the table leaves the text to Foundation.
    #expect(HeadingIDs.latinFolded("Dure\u{301}e") == nil)
    #expect(HeadingIDs.slug("Dure\u{301}e") == "duree")
    #expect(HeadingIDs.latinFolded("Ελλάδα") == nil)
    #expect(HeadingIDs.slug("Ελλάδα (Grèce)") == HeadingIDs.slug("ελλαδα grece"))
}

@Test func headingTextIsTrimmedOfSpacesAsFoundationTrimsThem() {
    for text in ["  a b  ", "\u{00A0}\tTitre\u{2003}", "", " \t ", "x", "\u{3000}中\u{3000}", " a\n"] {
        #expect(DocumentWalk.trimmingSpaces(text) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
    }
}
