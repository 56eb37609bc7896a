import Templates

/// A Swift value that templates can read: its kind in a schema, and itself as a `TemplateValue`.
public protocol TemplateRepresentable: Sendable {
    static var valueKind: ValueKind { get }
    /// The records this type's kind names (`.object`), so that a catalog can gather their schemas.
    static var referencedModels: [any TemplateModel.Type] { get }
    var templateValue: TemplateValue { get }
}

/// A record of the page model: its schema and its value come from one declarative list, `fields`, so
/// they cannot disagree (no reflection: each field's value is read by a closure, in schema order).
public protocol TemplateModel: TemplateRepresentable {
    /// The schema's name, as errors and the theme reference show it (`Page`, `NavItem`).
    static var schemaName: String { get }
    /// One sentence for the theme reference: what this record is.
    static var summary: String { get }
    static var fields: [ModelField<Self>] { get }
}

extension TemplateModel {
    public static var valueKind: ValueKind { .object(schemaName) }
    public static var referencedModels: [any TemplateModel.Type] { [Self.self] }
    public static var schema: Schema { Schema(schemaName, fields.map { Schema.Field($0.name, $0.kind) }) }
    public var templateValue: TemplateValue { .object(Self.fields.map { $0.value(self) }) }
}

/// One value a record offers: its name in templates, kind, meaning (for the theme reference) and how to read it.
public struct ModelField<Model>: Sendable {
    public let name: String
    public let kind: ValueKind
    public let meaning: String
    /// The record whose fields this one repeats at its level (`inline`), for the reference to show them once.
    let inlinedFrom: (@Sendable () -> any TemplateModel.Type)?
    let references: @Sendable () -> [any TemplateModel.Type]
    let value: @Sendable (Model) -> TemplateValue

    /// `name` read by `read`, whose Swift type gives the kind: `String` → text, `Bool` → flag, `RenderedHTML` → html,
    /// an array → list, an optional → optional, another model → object.
    public init<Value: TemplateRepresentable>(_ name: String, _ meaning: String, _ read: @escaping @Sendable (Model) -> Value) {
        self.name = name
        self.meaning = meaning
        inlinedFrom = nil
        kind = Value.valueKind
        references = { Value.referencedModels }
        value = { read($0).templateValue }
    }

    /// The fields of a record held in `read`, offered at this level (the values every page kind shares).
    public static func inline<Part: TemplateModel>(_ read: @escaping @Sendable (Model) -> Part) -> [ModelField<Model>] {
        Part.fields.map { field in
            ModelField(name: field.name, kind: field.kind, meaning: field.meaning, inlinedFrom: { Part.self },
                       references: field.references) { field.value(read($0)) }
        }
    }

    private init(name: String, kind: ValueKind, meaning: String, inlinedFrom: (@Sendable () -> any TemplateModel.Type)?, references: @escaping @Sendable () -> [any TemplateModel.Type],
                 value: @escaping @Sendable (Model) -> TemplateValue) {
        self.name = name
        self.kind = kind
        self.meaning = meaning
        self.inlinedFrom = inlinedFrom
        self.references = references
        self.value = value
    }
}

/// Markup made by the build (a page's Markdown body), written by `{{{name}}}`.
public struct RenderedHTML: TemplateRepresentable, Hashable {
    public let markup: String
    public init(_ markup: String) { self.markup = markup }
    public static var valueKind: ValueKind { .html }
    public static var referencedModels: [any TemplateModel.Type] { [] }
    public var templateValue: TemplateValue { .html(markup) }
}

extension String: TemplateRepresentable {
    public static var valueKind: ValueKind { .text }
    public static var referencedModels: [any TemplateModel.Type] { [] }
    public var templateValue: TemplateValue { .text(self) }
}

/// A number is printed as text (`{{count}}`).
extension Int: TemplateRepresentable {
    public static var valueKind: ValueKind { .text }
    public static var referencedModels: [any TemplateModel.Type] { [] }
    public var templateValue: TemplateValue { .text(String(self)) }
}

extension Bool: TemplateRepresentable {
    public static var valueKind: ValueKind { .flag }
    public static var referencedModels: [any TemplateModel.Type] { [] }
    public var templateValue: TemplateValue { .flag(self) }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    public static var valueKind: ValueKind { .list(Element.valueKind) }
    public static var referencedModels: [any TemplateModel.Type] { Element.referencedModels }
    public var templateValue: TemplateValue { .list(map(\.templateValue)) }
}

extension Optional: TemplateRepresentable where Wrapped: TemplateRepresentable {
    public static var valueKind: ValueKind { .optional(Wrapped.valueKind) }
    public static var referencedModels: [any TemplateModel.Type] { Wrapped.referencedModels }
    public var templateValue: TemplateValue { self?.templateValue ?? .absent }
}
