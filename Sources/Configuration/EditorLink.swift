import Diagnostics
import Foundation

/// `editor:` in site.yml — the URL that opens a source file at a line in the editor's program, like
/// VS Code's `vscode://file/{path}:{line}:{column}`. The preview's charter panel links each finding
/// to it (README, "Live preview"); `build` makes no use of it.
public struct EditorLink: Sendable, Hashable {
    /// What a template may contain between braces: the file's absolute path, the line and the column.
    public static let placeholders = ["path", "line", "column"]

    public let template: String

    /// The template, or the name of the first placeholder it does not know (`{file}`, or an unclosed `{`).
    static func check(_ template: String) -> String? {
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { return String(rest[open...]) }
            let name = rest[rest.index(after: open)..<close]
            if !placeholders.contains(String(name)) { return "{\(name)}" }
            rest = rest[rest.index(after: close)...]
        }
        return nil
    }

    /// The link to `path` (absolute) at `line` and `column`. The path is percent-encoded as a URL path
    /// is (its slashes kept), so that a space or a `#` in a folder name does not end the URL.
    public func url(path: String, line: Int, column: Int) -> String {
        let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#;"))) ?? path
        return template.replacingOccurrences(of: "{path}", with: encoded)
            .replacingOccurrences(of: "{line}", with: String(line))
            .replacingOccurrences(of: "{column}", with: String(column))
    }
}

extension ConfigurationLoader {
    static func readEditor(_ site: inout YAMLMappingReader) -> EditorLink? {
        guard let template = site.string("editor") else { return nil }
        if let unknown = EditorLink.check(template) {
            site.diagnostics.append(.error(site.location("editor"), "editor: unknown placeholder '\(unknown)' in '\(template)'",
                                          hint: "use {path}, {line} and {column}, like vscode://file/{path}:{line}:{column}"))
            return nil
        }
        return EditorLink(template: template)
    }
}
