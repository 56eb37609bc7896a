import Testing
@testable import Templates

/// Deep nesting is handled with explicit stacks: neither parsing, compiling, rendering nor freeing recurses.
@Suite struct NestingTests {
    @Test func tenThousandNestedSectionsCompileAndRender() throws {
        let depth = 10_000
        let text = String(repeating: "{{#on}}", count: depth) + "{{name}}" + String(repeating: "{{/on}}", count: depth)
        let output = try Fixture(["main": text]).render()
        #expect(output == "Ada &amp; &lt;Bob&gt; &quot;q&quot; &#39;a&#39;")
    }

    @Test func aDeepTreeRendersThroughARecursivePartial() throws {
        let node = Schema("Node", [.init("title", .text), .init("children", .list(.object("Node")))])
        let root = Schema("Root", [.init("tree", .list(.object("Node")))])
        var tree = TemplateValue.object(node, ["title": .text("leaf"), "children": .list([])])
        for level in 0..<2_000 { tree = .object(node, ["title": .text("n\(level)"), "children": .list([tree])]) }
        let fixture = Fixture(["main": "{{#tree}}{{> node}}{{/tree}}", "node": "({{title}}{{#.children}}{{> node}}{{/.children}})"],
                              catalog: try SchemaCatalog(root: root, others: [node]))
        let output = try fixture.render("main", .object(root, ["tree": .list([tree])]))
        #expect(output.hasPrefix("(n1999(n1998(") && output.hasSuffix("(leaf)" + String(repeating: ")", count: 2_000)))
    }

    @Test func aPartialIncludingItselfUnderATrueFlagStopsWithAnError() throws {
        let fixture = Fixture(["main": "{{#on}}x{{> main}}{{/on}}"])
        #expect(fixture.errors() == [])
        #expect(throws: CompiledTemplate.RenderError.self) { try fixture.render() }
    }
}
