/// A value rendered by a compiled template, shaped by its schema: an object's entries are in the order
/// of its schema's fields, so that rendering finds a name by its index, never by a string or a cast.
public indirect enum TemplateValue: Sendable, Hashable {
    case text(String)
    case html(String)
    case flag(Bool)
    case list([TemplateValue])
    case object([TemplateValue])
    /// An optional value that is not there.
    case absent

    /// An object of `schema` from named entries; a field without an entry is absent.
    public static func object(_ schema: Schema, _ entries: [String: TemplateValue]) -> TemplateValue {
        .object(schema.fields.map { entries[$0.name] ?? .absent })
    }

    /// Whether a section over this value shows its content (an empty list, `false` and absent do not).
    var isTruthy: Bool {
        switch self {
        case .flag(let value): value
        case .list(let elements): !elements.isEmpty
        case .absent: false
        default: true
        }
    }
}

extension SchemaCatalog {
    /// Where `value` does not match the root schema (`page.title: expected text`), without recursion:
    /// rendering a mismatched value shows nothing in its place, this says why.
    public func mismatches(in value: TemplateValue) -> [String] {
        var problems: [String] = []
        var pending: [(path: String, kind: ValueKind, value: TemplateValue)] = [("", .object(root.name), value)]
        while let (path, kind, value) = pending.popLast() {
            switch (kind, value) {
            case (.optional, .absent), (.text, .text), (.html, .html), (.flag, .flag): continue
            case (.optional(let inner), _): pending.append((path, inner, value))
            case (.list(let element), .list(let elements)):
                for (index, each) in elements.enumerated().reversed() { pending.append(("\(path)[\(index)]", element, each)) }
            case (.object(let name), .object(let entries)):
                let schema = schemas[index(of: name)]
                guard entries.count == schema.fields.count else {
                    problems.append("\(path.isEmpty ? name : path): \(entries.count) entries for \(schema.fields.count) fields")
                    continue
                }
                for (field, entry) in zip(schema.fields, entries).reversed() {
                    pending.append((path.isEmpty ? field.name : "\(path).\(field.name)", field.kind, entry))
                }
            default:
                problems.append("\(path): expected \(kind), found \(value)")
            }
        }
        return problems
    }
}
