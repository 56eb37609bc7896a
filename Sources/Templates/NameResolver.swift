/// What a template can see at one point: the scopes of the context stack, innermost last, each once
/// (a scope pushed again hides the earlier one entirely, so only the innermost copy can answer).
struct Scopes: Hashable {
    struct Scope: Hashable {
        let id: Int32
        let kind: ValueKind
    }

    private(set) var stack: [Scope]

    init(_ stack: [Scope]) { self.stack = stack }

    mutating func push(_ scope: Scope) {
        stack.removeAll { $0.id == scope.id }
        stack.append(scope)
    }

    var key: String { stack.map { String($0.id) }.joined(separator: ",") }
}

/// Resolves `{{a.b.c}}`, `{{.}}` and `{{.a}}` against the schemas of the context stack, as Mustache
/// looks names up: the first name in the innermost scope that has it, the rest through its objects.
struct NameResolver {
    let catalog: SchemaCatalog

    func scope(for kind: ValueKind) -> Scopes.Scope? {
        switch kind.unwrapped {
        case .object(let name): Scopes.Scope(id: Int32(catalog.index(of: name)), kind: .object(name))
        case .text: Scopes.Scope(id: Reference.textScope, kind: .text)
        case .html: Scopes.Scope(id: Reference.htmlScope, kind: .html)
        default: nil
        }
    }

    /// The reference and kind of `name`, or the error to report at `position`; `read` gets `Schema.field` per step.
    func resolve(_ name: String, in scopes: Scopes, at position: SourcePosition, read: (String) -> Void) -> Result<(Reference, ValueKind), TemplateError> {
        guard let top = scopes.stack.last else { return .failure(TemplateError(position, "no context")) }
        if name == "." { return .success((.top, top.kind)) }
        let local = name.hasPrefix(".")
        let parts = (local ? name.dropFirst() : Substring(name)).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(where: \.isEmpty) else {
            return .failure(TemplateError(position, "'\(name)' is not a name", notes: ["names are separated by single dots: page.title"]))
        }
        if parts[0].contains("(") {
            return .failure(TemplateError(position, "'\(name)': functions are not supported",
                                          notes: ["only {{#first()}} and {{#last()}} (and their {{^…}} forms), directly inside a list section"]))
        }
        let candidates = local ? [top] : scopes.stack.reversed()
        guard let (scope, schema, index) = candidates.lazy.compactMap({ scope -> (Scopes.Scope, Schema, Int)? in
            guard case .object(let schemaName) = scope.kind else { return nil }
            let schema = catalog.schemas[catalog.index(of: schemaName)]
            return schema.fieldIndex[parts[0]].map { (scope, schema, $0) }
        }).first else {
            let visible = candidates.flatMap { scope -> [String] in
                guard case .object(let schemaName) = scope.kind else { return [] }
                return catalog.schemas[catalog.index(of: schemaName)].fields.map(\.name)
            }
            return .failure(TemplateError(position, "unknown name '\(parts[0])'\(name == parts[0] ? "" : " in '\(name)'")\(Suggestion.hint(for: parts[0], among: visible))",
                                          notes: ["the names here are: \(Set(visible).sorted().joined(separator: ", "))"]))
        }
        read("\(schema.name).\(parts[0])")
        var kind = schema.fields[index].kind
        var optional = kind.isOptional
        var path = [Int32(index)]
        for (step, part) in parts.enumerated().dropFirst() {
            guard case .object(let schemaName) = kind.unwrapped else {
                return .failure(TemplateError(position, "'\(parts[..<step].joined(separator: "."))' is \(Self.describe(kind)): it has no name '\(part)' inside"))
            }
            let schema = catalog.schemas[catalog.index(of: schemaName)]
            guard let field = schema.fieldIndex[part] else {
                return .failure(TemplateError(position, "unknown name '\(part)' in '\(name)'\(Suggestion.hint(for: part, among: schema.fields.map(\.name)))",
                                              notes: ["'\(parts[..<step].joined(separator: "."))' offers: \(schema.fields.map(\.name).sorted().joined(separator: ", "))"]))
            }
            read("\(schema.name).\(part)")
            kind = schema.fields[field].kind
            optional = optional || kind.isOptional
            path.append(Int32(field))
        }
        return .success((Reference(scope: scope.id, path: path), optional && !kind.isOptional ? .optional(kind) : kind))
    }

    static func describe(_ kind: ValueKind) -> String {
        switch kind {
        case .text: "a text"
        case .html: "HTML"
        case .flag: "a flag"
        case .list: "a list"
        case .object(let name): "an object (\(name))"
        case .optional(let inner): "\(describe(inner)) that may be absent"
        }
    }
}
