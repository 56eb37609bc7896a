import Testing
@testable import Markdown

@Suite struct ParsedMarkdownTests {
    let renderer = MarkdownRenderer()

    /// cmark-gfm counts the lines inside a code span only when asked for source positions; the renderer's
    /// parse did not ask (the charter's did), so a broken link after a code span over two lines was reported
    /// on the line before its own. One parse for both: the place is the link's.
    @Test func aLinkAfterACodeSpanOverTwoLinesIsReportedOnItsLine() {
        let result = renderer.render("Un `code\nsur deux lignes` puis [le lien](absent.md).\n", file: "a.md", firstLine: 5) { _ in .broken("absent") }
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.location.line == 6)
        #expect(result.diagnostics.first?.location.column == 23)
    }

    /// A tree read before it is rendered renders as the text would: reading changes nothing.
    @Test func aTreeWalkedThenRenderedGivesTheHTMLOfTheText() {
        let text = "## Titre\n\nUn [lien](page.md), <b>gras</b>, www.cleiss.fr » et ~~barré~~.\n\n> - point\n"
        let parsed = ParsedMarkdown(text)
        let kinds = parsed.withRoot { root in
            var walk = MarkdownWalk(from: root)
            var kinds: [MarkdownNode.Kind] = []
            while let (event, node) = walk.next() {
                if event == .enter { kinds.append(node.kind) }
            }
            return kinds
        }
        #expect(kinds?.first == .document)
        #expect(kinds?.contains(.heading) == true && kinds?.contains(.link) == true && kinds?.contains(.htmlInline) == true)
        let rewrite: (String) -> LinkRewrite = { $0 == "page.md" ? .replace("/page/") : .keep }
        let rendered = renderer.render(parsed, file: "a.md", rewriteLink: rewrite)
        let direct = renderer.render(text, file: "a.md", rewriteLink: rewrite)
        #expect(rendered.html == direct.html)
        #expect(rendered.html.contains(#"<a href="/page/">lien</a>"#))
        #expect(rendered.diagnostics == direct.diagnostics)
    }

    /// `skipChildren` goes on after the node: a paragraph's inlines are not given.
    @Test func aWalkSkipsTheChildrenOfANode() {
        let parsed = ParsedMarkdown("Un *mot* ici.\n\n## Titre\n")
        let kinds = parsed.withRoot { root in
            var walk = MarkdownWalk(from: root)
            var kinds: [MarkdownNode.Kind] = []
            while let (event, node) = walk.next() {
                guard event == .enter else { continue }
                kinds.append(node.kind)
                if node.kind == .paragraph { walk.skipChildren(of: node) }
            }
            return kinds
        }
        #expect(kinds == [.document, .paragraph, .heading, .text])
    }
}
