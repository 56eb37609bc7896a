import Testing
@testable import Templates

/// The Mustache specification's behaviour, in cases written for this engine (interpolation, sections,
/// inverted sections, comments, partials, inheritance, standalone lines), each also rendered by swift-mustache.
@Suite struct SpecTests {
    /// Renders with both engines and checks both against the expected text.
    func check(_ templates: [String: String], _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fixture = Fixture(templates)
        #expect(try fixture.render() == expected, "engine", sourceLocation: sourceLocation)
        #expect(try fixture.oracle() == expected, "swift-mustache", sourceLocation: sourceLocation)
    }

    @Test func interpolationEscapesTheFiveCharacters() throws {
        try check(["main": "Hi {{name}}!"], "Hi Ada &amp; &lt;Bob&gt; &quot;q&quot; &#39;a&#39;!")
        try check(["main": "{{ name }}|{{{body}}}|{{& body}}"], "Ada &amp; &lt;Bob&gt; &quot;q&quot; &#39;a&#39;|<p>Hi</p>|<p>Hi</p>")
    }

    @Test func dottedNamesGoThroughObjects() throws {
        try check(["main": "{{person.first}} of {{person.address.city}}; {{nobody.first}}."], "Grace of Lyon; .")
    }

    @Test func sectionsOverFlagsListsAndOptionals() throws {
        try check(["main": "{{#on}}yes{{/on}}{{#off}}no{{/off}}|{{#items}}{{label}},{{/items}}|{{#empty}}x{{/empty}}|{{#maybe}}<{{.}}>{{/maybe}}{{#none}}?{{/none}}"],
                  "yes|one,two,three,||<here>")
    }

    @Test func namesInsideAListResolveOnTheElementThenOutward() throws {
        try check(["main": "{{#items}}{{label}}:{{person.first}}:{{#tags}}[{{.}}]{{/tags}};{{/items}}"],
                  "one:Grace:[a][b];two:Grace:;three:Grace:[c];")
    }

    @Test func sectionOverAnObjectPushesIt() throws {
        try check(["main": "{{#person}}{{first}} {{#address}}{{city}}{{/address}}{{/person}}"], "Grace Lyon")
    }

    @Test func invertedSections() throws {
        try check(["main": "{{^off}}a{{/off}}{{^on}}b{{/on}}{{^empty}}c{{/empty}}{{^items}}d{{/items}}{{^none}}e{{/none}}{{^maybe}}f{{/maybe}}"], "ace")
    }

    @Test func firstAndLastInsideAList() throws {
        try check(["main": "{{#words}}{{#first()}}<{{/first()}}{{.}}{{^last()}}, {{/last()}}{{#last()}}>{{/last()}}{{/words}}"], "<x, y>")
    }

    @Test func commentsLeaveNothing() throws {
        try check(["main": "a{{! one }}b\n{{!\n several\n lines\n}}\nc"], "ab\nc")
    }

    @Test func standaloneLinesDisappear() throws {
        try check(["main": "<ul>\n  {{#items}}\n  <li>{{label}}</li>\n  {{/items}}\n</ul>\n"], "<ul>\n  <li>one</li>\n  <li>two</li>\n  <li>three</li>\n</ul>\n")
        try check(["main": "a\r\n{{#on}}\r\nb\r\n{{/on}}\r\n"], "a\r\nb\r\n")
        try check(["main": "  {{#on}}\nx\n  {{/on}}"], "x\n")
        try check(["main": "a {{#on}}b{{/on}} c\n"], "a b c\n")
    }

    @Test func partialsSeeTheContextAndKeepIndentation() throws {
        try check(["main": "{{#items}}{{> item}}{{/items}}", "item": "<{{label}}>"], "<one><two><three>")
        try check(["main": "<div>\n  {{> box}}\n</div>\n", "box": "<p>\n{{name}}\n</p>\n"],
                  "<div>\n  <p>\n  Ada &amp; &lt;Bob&gt; &quot;q&quot; &#39;a&#39;\n  </p>\n</div>\n")
    }

    @Test func parentsAndBlocks() throws {
        let templates = [
            "main": "{{<layout}}\n{{$title}}Home{{/title}}\n{{$body}}\n<p>{{person.first}}</p>\n{{/body}}\n{{/layout}}\n",
            "layout": "<title>{{$title}}Default{{/title}}</title>\n{{$body}}{{/body}}\n<footer>{{$footer}}© {{name}}{{/footer}}</footer>\n",
        ]
        try check(templates, "<title>Home</title>\n<p>Grace</p>\n\n<footer>© Ada &amp; &lt;Bob&gt; &quot;q&quot; &#39;a&#39;</footer>\n")
    }

    @Test func blocksPassThroughAPartialOfTheParent() throws {
        // The theme's layout.mustache is a parent whose only content is a partial holding the blocks.
        let templates = ["main": "{{<layout}}{{$main}}M{{/main}}{{/layout}}", "layout": "{{> base}}", "base": "[{{$main}}default{{/main}}]"]
        try check(templates, "[M]")
    }

    @Test func theOutermostOverrideWins() throws {
        let templates = ["main": "{{<middle}}{{$a}}outer{{/a}}{{/middle}}", "middle": "{{<base}}{{$a}}middle{{/a}}{{$b}}B{{/b}}{{/base}}",
                         "base": "{{$a}}base{{/a}}/{{$b}}b{{/b}}"]
        try check(templates, "outer/B")
    }
}

/// Where swift-mustache departs from the spec, the engine follows swift-mustache, so that the site's
/// output does not change at the switch-over (Themes/default's site-map tree depends on it).
@Suite struct SwiftMustacheCompatibilityTests {
    /// Not followed: swift-mustache indents a partial's output token by token, so a section's repeated
    /// lines after its first are not indented; the spec (and the engine) indent every line of the
    /// partial. No partial of Themes/default is indented, so the site's output does not depend on it.
    @Test func everyLineOfAnIndentedPartialIsIndented() throws {
        let fixture = Fixture(["main": "<div>\n  {{> list}}\n</div>\n", "list": "{{#items}}\n<p>{{label}}</p>\n{{/items}}\n{{^empty}}\nnone\n{{/empty}}\n"])
        #expect(try fixture.render() == "<div>\n  <p>one</p>\n  <p>two</p>\n  <p>three</p>\n  none\n</div>\n")
        #expect(try fixture.oracle() == "<div>\n  <p>one</p>\n<p>two</p>\n<p>three</p>\n  none\n</div>\n")
    }

    @Test func aLineAfterASectionOpenedMidLineIsNotStandalone() throws {
        let fixture = Fixture(["main": "<{{#on}}\nx\n{{/on}}\n{{! note }}\ny\n"])
        #expect(try fixture.render() == "<\nx\n\ny\n")
        #expect(try fixture.oracle() == "<\nx\n\ny\n")
    }
}
