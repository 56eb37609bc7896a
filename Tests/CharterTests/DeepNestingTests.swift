@testable import Charter
import Testing

/// The tree reader walks cmark's tree with its iterator: before, it recursed once per level and a page
/// of 50,000 nested block quotes, list items or emphasis ended the process (SIGSEGV). The page limits
/// stop such pages before the charter in a build; these read them past the limits.
@Suite struct DeepNestingTests {
    func read(_ body: String) -> PageDocument? {
        let text = "---\ntitle: x\n---\n" + body
        return PageDocument(file: "Content/fr/page.md", language: "fr", fileText: text, body: body, bodyFirstLine: 4)
    }

    @Test func fiftyThousandNestedBlockQuotesAreRead() throws {
        let document = try #require(read(String(repeating: ">", count: 50_000) + " Un texte.\n"))
        #expect(document.blocks.map { $0.text.string } == ["Un texte."])
        #expect(document.blocks.first?.start == SourcePoint(line: 4, column: 50_002))
    }

    @Test func quotesAndListItemsRepeatedAreRead() throws {
        let document = try #require(read(String(repeating: "> - ", count: 25_000) + "Un point.\n"))
        #expect(document.blocks.map(\.kind) == [.listItem])
        #expect(document.blocks.map { $0.text.string } == ["Un point."])
    }

    @Test func fiftyThousandNestedEmphasisAndLinksAreRead() throws {
        let emphasis = try #require(read(String(repeating: "*", count: 50_000) + "mot" + String(repeating: "*", count: 50_000) + "\n"))
        #expect(emphasis.blocks.map { $0.text.string } == ["mot"])
        let images = try #require(read(String(repeating: "![", count: 20_000) + "alt" + String(repeating: "](i.png)", count: 20_000) + "\n"))
        #expect(images.images.count == 20_000)
        #expect(images.images.first?.alt == "alt")
    }

    @Test func aParagraphInAnItemIsAListItemAndOneInAQuoteAfterTheListIsNot() throws {
        let document = try #require(read("- un\n\n  > deux\n\n  - trois\n\n> quatre\n"))
        #expect(document.blocks.map(\.kind) == [.listItem, .listItem, .listItem, .paragraph])
    }

    @Test func linksOnOneLongLineKeepTheirColumns() throws {
        let document = try #require(read(String(repeating: "www.cleiss.fr ", count: 3) + "[là](https://a.fr) fin\n"))
        // As before the reader was iterative: a bare link after the first is dated from the space before it.
        #expect(document.links.map(\.start.column) == [1, 14, 28, 43])
        #expect(document.links.map(\.text) == ["www.cleiss.fr", "www.cleiss.fr", "www.cleiss.fr", "là"])
        #expect(document.blocks.first?.text.point(at: document.blocks[0].text.scalars.count - 1) == SourcePoint(line: 4, column: 64))
    }
}
