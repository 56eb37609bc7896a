import Foundation
import PageModel
@testable import Templates

/// Themes/default's templates, and the schemas of their kinds from the typed page model (Sources/PageModel),
/// with the theme's strings and assets.
enum ThemeSchemas {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templatesFolder = repositoryRoot.appendingPathComponent("Themes/default/templates")

    /// Every template of the default theme: name (path without `.mustache`), file as errors name it, text.
    static func sources() throws -> [(name: String, file: String, text: String)] {
        let names = try FileManager.default.subpathsOfDirectory(atPath: templatesFolder.path).filter { $0.hasSuffix(".mustache") }.sorted()
        return try names.map { path in
            (String(path.dropLast(".mustache".count)), "Themes/default/templates/\(path)",
             try String(contentsOf: templatesFolder.appendingPathComponent(path), encoding: .utf8))
        }
    }

    /// The keys of the theme's French strings (`key: "text"` lines), with their texts.
    static func strings() throws -> [(String, String)] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Themes/default/i18n/fr.yml"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line -> (String, String)? in
            guard !line.hasPrefix("#"), let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), "« \(String(line[line.index(after: colon)...]).trimmingWhitespace()) » & <i>")
        }
    }

    /// The theme's asset files, as `{{assets…}}` reaches them.
    static func assetPaths() throws -> [String] {
        let folder = repositoryRoot.appendingPathComponent("Themes/default/assets")
        return try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.contains(".") }.sorted()
    }

    static func vocabulary() throws -> ThemeVocabulary {
        ThemeVocabulary(stringKeys: try strings().map(\.0), assetPaths: try assetPaths())
    }

    static func catalog(_ kind: TemplateKind) throws -> SchemaCatalog { try kind.catalog(try vocabulary()) }
}
