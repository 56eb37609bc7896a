import Testing
@testable import Markdown

@Suite struct LinksLeftAsTextTests {
    @Test func aDestinationWithSpacesIsReportedWhereItIs() {
        let result = MarkdownRenderer().render("Texte.\n\nVoir [x](03-Sécuriser son env.md) et ![vue](Mon image.png).\n", file: "a.md", firstLine: 5)
        #expect(result.html.contains("[x](03-Sécuriser son env.md)"), "cmark leaves it as text")
        let warnings = result.diagnostics.warnings
        #expect(warnings.count == 2, "\(warnings)")
        #expect(warnings.first?.location.line == 7)
        #expect(warnings.first?.location.column == 6)
        #expect(warnings.first?.hint?.contains("[x](<03-Sécuriser son env.md>)") == true)
        #expect(warnings.last?.message.contains("is not an image") == true)
        #expect(warnings.last?.hint?.contains("![vue](<Mon image.png>)") == true)
    }

    @Test func realLinksCodeAndPlainBracketsAreLeftAlone() {
        let text = "[a](<b c.md>) [d](e%20f.md) `[g](h i.md)` [j] (k l) [m](n.md \"titre long\")\n\n    [o](p q.md)\n"
        #expect(MarkdownRenderer().render(text, file: "a.md").diagnostics.isEmpty)
    }

    @Test func manyOpenDestinationsAreReadInBoundedWork() {
        // 20,000 `[a](` without a `)`: each is read up to the next bracket, not to the end of the page.
        let text = String(repeating: "[a](b c ", count: 20_000) + "\n"
        #expect(MarkdownRenderer().render(text, file: "a.md").diagnostics.isEmpty)
    }
}
