@testable import Charter
import ContentLoading
import Markdown
import Testing

/// The charter reads the tree that the build then renders (`ParsedMarkdown`), not a parse of its own.
@Suite struct SharedParseTests {
    /// A single `~` is text on the published page (only `~~` strikes through). The charter's own parse took
    /// `~environ~` for a strikethrough and read "environ": now it reads what the reader sees.
    @Test func aSingleTildeIsReadAsThePublishedPageShowsIt() throws {
        let body = "Le prix ~environ~ 3 euros, et ~~jamais~~ plus.\n"
        let document = try #require(PageDocument(file: "Content/fr/page.md", language: "fr", fileText: "---\ntitle: x\n---\n" + body,
                                                 body: body, bodyFirstLine: 4))
        #expect(document.blocks.map(\.text.string) == ["Le prix ~environ~ 3 euros, et jamais plus."])
        let html = MarkdownRenderer().render(body, file: "Content/fr/page.md").html
        #expect(html.contains("Le prix ~environ~ 3 euros, et <del>jamais</del> plus."))
    }

    /// The charter's findings on a parsed page are those of `check`, and the tree still renders afterwards.
    @Test func aPageCheckedFromTheBuildsParseHasTheFindingsOfCheck() throws {
        let text = page("# Un titre de niveau un\n\nPour le formulaire, [cliquez ici](formulaire.md).\n\n![](carte.png)\n")
        let parts = try FrontMatterParser.parse(text, file: "Content/fr/page.md", audiences: [])
        let source = SourcePage(language: "fr", path: "Content/fr/page.md", relativePath: "page.md", kind: .page,
                                frontMatter: parts.frontMatter, body: parts.body, bodyFirstLine: parts.bodyFirstLine)
        let checker = CharterChecker(settings: CharterSettings.profile("public")!)
        let parsed = ParsedMarkdown(source.body)
        var caches = WordCaches()
        let shared = checker.check(source, parsed: parsed, caches: &caches)
        let rendered = MarkdownRenderer().render(parsed, file: source.path, firstLine: source.bodyFirstLine)
        let alone = checker.check(source)
        #expect(shared.findings == alone.findings)
        #expect(Set(shared.findings.map(\.rule)).isSuperset(of: [.headingOrder, .linkText, .imageAlt]))
        #expect(rendered.html.contains(#"<a href="formulaire.md">cliquez ici</a>"#))
    }
}
