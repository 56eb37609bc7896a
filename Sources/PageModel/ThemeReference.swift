import Templates

/// The theme reference (Themes/default/REFERENCE.md): every value of every template kind, with its type
/// and meaning, generated from the page model so that the documentation cannot drift from the code.
public enum ThemeReference {
    public static let regenerateCommand = "CLEISS_WRITE_REFERENCE=1 swift test --filter ThemeReferenceTests"

    public static func markdown() -> String {
        var lines = [
            "# Theme reference: what each template sees",
            "",
            "<!-- Generated from Sources/PageModel; do not edit. Regenerate with `\(regenerateCommand)`. -->",
            "",
            "Every value below is what a template of that kind can read. Types: *text* is escaped by `{{name}}`;",
            "*HTML* is markup made by the build, written with `{{{name}}}`; a *flag* is only a condition for",
            "`{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`; a *list* repeats a section once per element; an",
            "*optional* value may be absent (a section shows it only when present). `t` (*strings*) offers every key",
            "of the theme's `i18n/<lang>.yml`, and `assets` one URL per file of its `assets/`.",
            "",
            "## Template kinds",
        ]
        var records: [any TemplateModel.Type] = []
        for kind in TemplateKind.allCases {
            lines += ["", "### Template `\(kind.templateName)`", "", kind.model.summary, ""]
            lines += kind.model.fieldLines
            for record in kind.records.dropFirst() + kind.model.inlinedRecords where !records.contains(where: { $0.schemaName == record.schemaName }) {
                records.append(record)
            }
        }
        lines += ["", "## Records"]
        for record in records.sorted(by: { $0.schemaName < $1.schemaName }) {
            lines += ["", "### Record `\(record.schemaName)`", "", record.summary, ""]
            lines += record.fieldLines
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `optional list of Link`, `HTML`, `Site`…
    static func describe(_ kind: ValueKind) -> String {
        switch kind {
        case .text: "text"
        case .html: "HTML"
        case .flag: "flag"
        case .list(let element): "list of " + describe(element)
        case .object(let name) where name == "Strings": "strings"
        case .object(let name) where name == "Assets": "asset URLs"
        case .object(let name): "[`\(name)`](#record-\(name.lowercased()))"
        case .optional(let wrapped): "optional " + describe(wrapped)
        }
    }
}

extension TemplateModel {
    /// One line per field; the fields of an inlined record are one line naming it (they are listed under it).
    static var fieldLines: [String] {
        var lines: [String] = []
        var inlined: Set<String> = []
        for field in fields {
            if let record = field.inlinedFrom?().schemaName {
                if inlined.insert(record).inserted { lines.append("- every value of [`\(record)`](#record-\(record.lowercased()))") }
            } else {
                lines.append("- `\(field.name)` — \(ThemeReference.describe(field.kind)): \(field.meaning).")
            }
        }
        return lines
    }
}

extension TemplateModel {
    /// The records whose fields this one offers at its level (`CommonValues` for the page kinds).
    public static var inlinedRecords: [any TemplateModel.Type] {
        var records: [any TemplateModel.Type] = []
        for case let record? in fields.map({ $0.inlinedFrom?() }) where !records.contains(where: { $0.schemaName == record.schemaName }) {
            records.append(record)
        }
        return records
    }
}
