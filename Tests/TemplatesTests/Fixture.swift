import Mustache
@testable import Templates

/// Templates and a catalog for a test: renders with the engine, and with swift-mustache as the oracle.
struct Fixture {
    var templates: [String: String]
    var catalog: SchemaCatalog

    static let item = Schema("Item", [.init("label", .text), .init("tags", .list(.text))])
    static let address = Schema("Address", [.init("city", .text)])
    static let person = Schema("Person", [.init("first", .text), .init("address", .optional(.object("Address")))])
    static let data = Schema("Data", [
        .init("name", .text), .init("body", .html), .init("on", .flag), .init("off", .flag),
        .init("items", .list(.object("Item"))), .init("empty", .list(.object("Item"))), .init("words", .list(.text)),
        .init("maybe", .optional(.text)), .init("none", .optional(.text)), .init("person", .object("Person")),
        .init("nobody", .optional(.object("Person"))),
    ])

    /// The values most cases render.
    static let value = TemplateValue.object(data, [
        "name": .text("Ada & <Bob> \"q\" 'a'"), "body": .html("<p>Hi</p>"), "on": .flag(true), "off": .flag(false),
        "items": .list([
            .object(item, ["label": .text("one"), "tags": .list([.text("a"), .text("b")])]),
            .object(item, ["label": .text("two"), "tags": .list([])]),
            .object(item, ["label": .text("three"), "tags": .list([.text("c")])]),
        ]),
        "empty": .list([]), "words": .list([.text("x"), .text("y")]), "maybe": .text("here"),
        "person": .object(person, ["first": .text("Grace"), "address": .object(address, ["city": .text("Lyon")])]),
    ])

    init(_ templates: [String: String], catalog: SchemaCatalog? = nil) {
        self.templates = templates
        self.catalog = catalog ?? (try! SchemaCatalog(root: Self.data, others: [Self.item, Self.address, Self.person]))
    }

    func library() throws(TemplateErrors) -> TemplateLibrary {
        try TemplateLibrary(sources: templates.sorted { $0.key < $1.key }.map { ($0.key, "Themes/t/templates/\($0.key).mustache", $0.value) })
    }

    func render(_ name: String = "main", _ value: TemplateValue = Fixture.value) throws -> String {
        let compiled = try library().compile(name, against: catalog)
        var buffer: [UInt8] = []
        try compiled.render(value, into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// The errors of compiling `name`, one description per error.
    func errors(_ name: String = "main") -> [String] {
        do {
            _ = try library().compile(name, against: catalog)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    /// swift-mustache's rendering of the same templates and values (templates as they are: HTML escaping is its default).
    func oracle(_ name: String = "main", _ value: TemplateValue = Fixture.value) throws -> String {
        var library = MustacheLibrary()
        for (key, text) in templates { library.register(try MustacheTemplate(string: text), named: key) }
        return library.render(mustacheValue(value, .object(catalog.root.name)) as Any, withTemplate: name) ?? "<no template>"
    }

    /// The value as swift-mustache reads it: dictionaries, arrays, strings and booleans, an absent value left out.
    func mustacheValue(_ value: TemplateValue, _ kind: ValueKind) -> Any? {
        switch (value, kind.unwrapped) {
        case (.text(let text), _), (.html(let text), _): return text
        case (.flag(let flag), _): return flag
        case (.list(let elements), .list(let element)): return elements.map { mustacheValue($0, element) as Any }
        case (.object(let entries), .object(let name)):
            let schema = catalog.schemas[catalog.index(of: name)]
            var dictionary: [String: Any] = [:]
            for (field, entry) in zip(schema.fields, entries) {
                if let converted = mustacheValue(entry, field.kind) { dictionary[field.name] = converted }
            }
            return dictionary
        default: return nil
        }
    }
}
