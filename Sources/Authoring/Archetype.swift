import Diagnostics
import Foundation

/// The text a new page starts from, as Hugo's archetypes: a Markdown file with front matter in which
/// `{{title}}`, `{{description}}`, `{{date}}`, `{{translationKey}}`, `{{audiences}}` and `{{lang}}` are
/// replaced. The site's `Archetypes/` comes first, then the theme's `archetypes/`; in each, the file of
/// the page's first audience (`employeurs.md`), then of its section (`travailler-a-l-etranger.md`),
/// then `default.md`. Without any, the built-in one below.
public struct Archetype: Sendable {
    public var text: String
    /// Where it was read, relative to the site root; nil for the built-in one.
    public var file: String?

    public static let names = ["title", "description", "date", "translationKey", "audiences", "lang"]

    static let builtIn = """
        ---
        title: {{title}}
        description: {{description}}
        audiences: {{audiences}}
        translationKey: {{translationKey}}
        date: {{date}}
        lastmod: {{date}}
        ---

        """

    /// The first archetype found for a page of `section` (its first folder) dedicated to `audiences`.
    public static func find(root: URL, theme: String, section: String?, audiences: [String]) throws(DiagnosticsError) -> Archetype {
        let candidates = Array(audiences.prefix(1)) + (section.map { [$0] } ?? []) + ["default"]
        for folder in ["Archetypes", "Themes/\(theme)/archetypes"] {
            for name in candidates {
                let relative = "\(folder)/\(name).md"
                let url = root.appendingPathComponent(relative)
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else { continue }
                guard attributes[.type] as? FileAttributeType == .typeRegular else {
                    throw DiagnosticsError(.error(SourceLocation(file: relative), "the archetype is not a plain file (a link or a folder)",
                                                  hint: "replace it with a file, or remove it"))
                }
                guard let data = FileManager.default.contents(atPath: url.path), data.count <= 1_000_000,
                      let text = String(data: data, encoding: .utf8) else {
                    throw DiagnosticsError(.error(SourceLocation(file: relative), "the archetype cannot be read as UTF-8 text of at most 1 MB",
                                                  hint: "save it as UTF-8"))
                }
                return Archetype(text: text, file: relative)
            }
        }
        return Archetype(text: builtIn, file: nil)
    }

    /// The text with each `{{name}}` replaced; an unknown name is an error at its line and column.
    public func expand(_ values: [String: String]) throws(DiagnosticsError) -> String {
        var result = "", problems: [Diagnostic] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let value = values[name] {
                result += value
            } else {
                let before = text[..<open.lowerBound]
                let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex, to: before.endIndex) + 1
                problems.append(.error(SourceLocation(file: file ?? "built-in archetype", line: line, column: column),
                                       "unknown archetype value '\(name)'",
                                       hint: Suggestions.hint(for: name, among: Self.names)))
            }
            rest = rest[close.upperBound...]
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return result + rest
    }
}
