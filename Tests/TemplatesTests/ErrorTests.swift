import Testing
@testable import Templates

/// Every template mistake is reported at its tag, as `file:line:column: error: …`, with what to do.
@Suite struct ErrorTests {
    let file = "Themes/t/templates/main.mustache"

    func firstError(_ templates: [String: String]) -> String {
        Fixture(templates).errors().first ?? "<no error>"
    }

    @Test func unclosedSectionPointsAtItsOpening() {
        #expect(firstError(["main": "<ul>\n  {{#items}}\n<li>{{label}}</li>\n"])
            == "\(file):2:3: error: unclosed section 'items' (opened here)\n  note: add {{/items}} where it ends")
    }

    @Test func mismatchedClosingTag() {
        #expect(firstError(["main": "{{#items}}\n  x {{/itemz}}"])
            == "\(file):2:5: error: '{{/itemz}}' does not match 'items', opened at \(file):1:1\n  note: close 'items' with {{/items}} first")
        #expect(firstError(["main": "a\n{{/items}}"]).hasPrefix("\(file):2:1: error: '{{/items}}' closes nothing"))
    }

    @Test func unknownNamesSuggestTheClosest() {
        #expect(firstError(["main": "<h1>\n      {{person.frist}}</h1>"])
            .hasPrefix("\(file):2:7: error: unknown name 'frist' in 'person.frist'; did you mean “first”?"))
        #expect(firstError(["main": "{{#items}}{{lable}}{{/items}}"]).hasPrefix("\(file):1:11: error: unknown name 'lable'; did you mean “label”?"))
        // Outside the list, the element's names are not visible.
        #expect(firstError(["main": "{{#items}}{{/items}}{{label}}"]).hasPrefix("\(file):1:21: error: unknown name 'label'\n"))
    }

    @Test func everyMistakeOfATemplateIsReported() {
        #expect(Fixture(["main": "{{nmae}}\n{{#name}}x{{/name}}\n{{{name}}}\n{{body}}\n{{on}}"]).errors().map { String($0.prefix(while: { $0 != "\n" })) } == [
            "\(file):1:1: error: unknown name 'nmae'; did you mean “name”?",
            "\(file):2:1: error: 'name' is a text, which is always there: a section needs a flag, a list or a value that may be absent",
            "\(file):3:1: error: '{{{name}}}' would write a text without escaping it",
            "\(file):4:1: error: '{{body}}' would show HTML as text",
            "\(file):5:1: error: 'on' is a flag and cannot be written",
        ])
    }

    @Test func unknownPartialSuggestsAnExistingOne() {
        #expect(firstError(["main": "x\n {{> partials/heder}}", "partials/header": "h"])
            .hasPrefix("\(file):2:2: error: unknown partial 'partials/heder'; did you mean “partials/header”?"))
    }

    @Test func unsupportedTagsAreRefused() {
        #expect(firstError(["main": "{{=<% %>=}}"]) == "\(file):1:1: error: set-delimiter tags are not supported\n  note: keep the {{ }} delimiters")
        #expect(firstError(["main": "{{#words}}{{index()}}{{/words}}"]).hasPrefix("\(file):1:11: error: 'index()': functions are not supported"))
        #expect(firstError(["main": "{{#first()}}x{{/first()}}"]).hasPrefix("\(file):1:1: error: 'first()' is only known directly inside a list section"))
        #expect(firstError(["main": "ab {{name"]).hasPrefix("\(file):1:4: error: tag is never closed"))
    }

    @Test func includeCycleIsNamed() {
        #expect(firstError(["main": "a\n{{> b}}", "b": "{{#on}}x{{/on}}{{> main}}"])
            .hasPrefix("\(file):2:1: error: templates include each other without end: main → b → main"))
        // Each inclusion indented further is a new context: the depth limit names the cycle.
        #expect(firstError(["main": "x\n  {{> main}}\n"]).hasPrefix("\(file):2:3: error: templates include each other without end: main → main\n"))
        // A partial that includes itself inside a section over data is a recursion that ends: no error.
        #expect(Fixture(["main": "{{#items}}{{> main}}{{/items}}"]).errors() == [])
    }

    @Test func aSyntaxErrorOfEachFileIsReported() {
        do {
            _ = try Fixture(["main": "{{#a}}", "other": "{{/b}}"]).library()
            Issue.record("no error")
        } catch {
            #expect(error.errors.map(\.position.file) == ["Themes/t/templates/main.mustache", "Themes/t/templates/other.mustache"])
        }
    }
}

@Suite struct SchemaErrorTests {
    @Test func aFieldNamingAnUnknownSchemaIsRefused() {
        #expect(throws: TemplateError.self) { try SchemaCatalog(root: Schema("Root", [.init("page", .optional(.object("Pgae")))])) }
    }

    @Test func mismatchedValuesAreListedWithTheirPath() throws {
        let catalog = Fixture([:]).catalog
        let value = TemplateValue.object(Fixture.data, ["name": .flag(true), "items": .list([.object(Fixture.item, ["label": .text("a")])])])
        let mismatches = catalog.mismatches(in: value)
        #expect(mismatches.first == "name: expected text, found flag(true)")
        #expect(mismatches.contains { $0.hasPrefix("items[0].tags: expected list") })
        #expect(catalog.mismatches(in: Fixture.value) == [])
    }
}
