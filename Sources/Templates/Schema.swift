/// What a value offered to templates is, which decides where it may appear.
public indirect enum ValueKind: Sendable, Hashable {
    /// Plain text, HTML-escaped by `{{name}}`; `{{{name}}}` is refused.
    case text
    /// Markup made by the build (a page body), written by `{{{name}}}`; `{{name}}` is refused.
    case html
    /// A condition for `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`; it cannot be printed.
    case flag
    /// A sequence: a section repeats once per element, whose names come first inside it.
    case list(ValueKind)
    /// A record described by the schema of that name in the catalog.
    case object(String)
    /// A value that may be absent: a section shows it only when present, an inverted one only when absent.
    case optional(ValueKind)

    var unwrapped: ValueKind {
        if case .optional(let wrapped) = self { return wrapped.unwrapped }
        return self
    }

    var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }
}

/// The names a record offers, in order: a value of this schema is `TemplateValue.object` with one entry per field.
///
/// The schemas of a theme's template kinds come from the typed page model (`Sources/PageModel`): each record
/// type lists its fields once (`ModelField`: name, meaning, and a closure reading the property, whose Swift
/// type gives the kind), and both its `Schema` and its `TemplateValue` are made from that list.
public struct Schema: Sendable, Hashable {
    public struct Field: Sendable, Hashable {
        public let name: String
        public let kind: ValueKind

        public init(_ name: String, _ kind: ValueKind) {
            self.name = name
            self.kind = kind
        }
    }

    public let name: String
    public let fields: [Field]
    let fieldIndex: [String: Int]

    public init(_ name: String, _ fields: [Field]) {
        self.name = name
        self.fields = fields
        fieldIndex = Dictionary(fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// The schemas of one template kind: the root record (what the template sees at the top) and every
/// record reachable from it, by name, so that a record may contain lists of itself (a site-map tree).
public struct SchemaCatalog: Sendable {
    public let root: Schema
    let schemas: [Schema]
    let indexByName: [String: Int]

    /// Fails when a field names a schema that is not in the catalog, or a schema repeats a field.
    public init(root: Schema, others: [Schema] = []) throws(TemplateError) {
        self.root = root
        schemas = [root] + others
        indexByName = Dictionary(schemas.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        let here = SourcePosition(file: "schema \(root.name)", line: 1, column: 1)
        for schema in schemas {
            if schema.fieldIndex.count != schema.fields.count {
                throw TemplateError(here, "schema '\(schema.name)' names a field twice")
            }
            for field in schema.fields {
                var kind = field.kind
                while true {
                    switch kind {
                    case .optional(let inner), .list(let inner): kind = inner
                        continue
                    case .object(let name) where indexByName[name] == nil:
                        throw TemplateError(here, "field '\(schema.name).\(field.name)' refers to the unknown schema '\(name)'")
                    default: break
                    }
                    break
                }
            }
        }
    }

    func index(of name: String) -> Int { indexByName[name]! }
}
