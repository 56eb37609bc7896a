import Templates

/// What a theme's own files add to every template kind, known when the theme is loaded: the keys of its
/// string tables (`{{t.skipToContent}}`) and the paths of its assets (`{{assets.cleiss.css}}`).
public struct ThemeVocabulary: Sendable {
    /// The keys of `i18n/<lang>.yml`, sorted (every language has the same keys).
    public let stringKeys: [String]
    /// The schemas of `assets` and its steps: `Assets` offers `cleiss`, `Assets.cleiss` offers `css`.
    let assetSchemas: [Schema]

    public init(stringKeys: some Sequence<String>, assetPaths: some Sequence<String>) {
        self.stringKeys = Set(stringKeys).sorted()
        var fields: [String: [Schema.Field]] = [AssetURLs.schemaName: []]
        // Each `/` or `.` of a path is a step; a name that is also the start of a longer one keeps its URL
        // (as the build's `AssetNames.templateValue`), so the longer one is not offered.
        for path in Set(assetPaths).sorted() {
            let steps = AssetURLs.steps(path)
            var record = AssetURLs.schemaName
            for (depth, step) in steps.enumerated() {
                let isLast = depth == steps.count - 1
                let child = record + "." + step
                let existing = fields[record, default: []].first { $0.name == step }
                if existing == nil { fields[record, default: []].append(Schema.Field(step, isLast ? .text : .object(child))) }
                guard !isLast, existing.map({ $0.kind == .object(child) }) ?? true else { break }
                record = child
            }
        }
        assetSchemas = fields.keys.sorted().map { Schema($0, fields[$0]!) }
    }

    var stringsSchema: Schema { Schema(ThemeStrings.schemaName, stringKeys.map { Schema.Field($0, .text) }) }
    var schemas: [Schema] { [stringsSchema] + assetSchemas }
}

/// `t`: the string table of one language, one text per key of the theme's `i18n` files.
public struct ThemeStrings: TemplateRepresentable {
    static let schemaName = "Strings"
    /// Made once per language: every page of the language shares it.
    public let templateValue: TemplateValue

    /// The texts of `table` in the order of `vocabulary`'s keys; a missing key is an empty text (the build
    /// stops before rendering when a language lacks a key).
    public init(_ table: [String: String], vocabulary: ThemeVocabulary) {
        templateValue = .object(vocabulary.stringKeys.map { .text(table[$0] ?? "") })
    }

    public static var valueKind: ValueKind { .object(schemaName) }
    public static var referencedModels: [any TemplateModel.Type] { [] }
}

/// `assets`: the published URL of each file of the theme's `assets/`, reached by the steps of its path.
public struct AssetURLs: TemplateRepresentable {
    static let schemaName = "Assets"
    public let templateValue: TemplateValue

    static func steps(_ path: String) -> [String] { path.split(whereSeparator: { $0 == "/" || $0 == "." }).map(String.init) }

    /// `urls`: asset path (`img/logo.png`) → published URL (`/assets/img/logo.1a2b3c.png`).
    public init(_ urls: [String: String], vocabulary: ThemeVocabulary) {
        let urlByRecordField = Dictionary(urls.map { path, url in (Self.schemaName + "." + Self.steps(path).joined(separator: "."), url) },
                                          uniquingKeysWith: { first, _ in first })
        // Deepest records first, so that each record's children are built before it.
        var built: [String: TemplateValue] = [:]
        for schema in vocabulary.assetSchemas.sorted(by: { $0.name.count > $1.name.count }) {
            built[schema.name] = .object(schema.fields.map { field in
                let path = schema.name + "." + field.name
                return field.kind == .text ? .text(urlByRecordField[path] ?? "") : (built[path] ?? .absent)
            })
        }
        templateValue = built[Self.schemaName] ?? .object([])
    }

    public static var valueKind: ValueKind { .object(schemaName) }
    public static var referencedModels: [any TemplateModel.Type] { [] }
}
