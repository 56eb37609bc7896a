import Configuration
import ContentLoading
import Diagnostics
import Foundation
import PageModel
import Support
import Templates
import Yams

/// A theme of `Themes/`: its templates compiled against the page model, its string tables and its
/// assets, loaded once per build.
public struct Theme: Sendable {
    /// What a site with a search needs besides (a theme without them builds sites without search).
    public static let searchStrings = GeneratedTemplate.allCases.filter(\.needsSearch).flatMap(\.themeStrings)
    /// Strings the build itself puts into pages (the switcher, footnotes, breadcrumbs), then the titles
    /// and descriptions of the generated pages.
    public static let requiredStrings = ["languageName", "footnoteBackLabel", "home"]
        + GeneratedTemplate.allCases.filter { !$0.needsSearch }.flatMap(\.themeStrings)

    /// The folder of a theme whose files are copied as they are into `assets/` of the output.
    public static let assetsFolder = "assets"

    public let folder: URL
    /// The theme's folder as the user knows it: `Themes/default`.
    public let displayPath: String
    /// Each template kind's template, compiled against its record (a theme without `search` has none for it).
    let templates: [TemplateKind: CompiledTemplate]
    /// Language → key → text, from `i18n/<lang>.yml`.
    public let strings: [String: [String: String]]
    /// The same tables as templates read them (`{{t.home}}`).
    let stringTables: [String: ThemeStrings]
    /// Files of `assets/`, relative to it, sorted.
    public let assets: [String]
    /// The names they are published under (content-hashed, or plain for the live preview).
    public let assetNames: AssetNames
    /// `{{assets.cleiss.css}}`: the URL of each asset under its published name.
    let assetURLs: AssetURLs
    /// The literal `id` attributes of the templates, which heading anchors must not repeat.
    public let elementIDs: Set<String>
    /// The keys of its strings and the paths of its assets, which its templates were compiled against.
    let vocabulary: ThemeVocabulary

    /// The template kinds a theme must have: those of pages of content, redirects and the registry's
    /// generated pages; the search page's only when the site has a search.
    static func requiredKinds(search: Bool) -> [TemplateKind] {
        let searchKinds = GeneratedTemplate.allCases.filter(\.needsSearch).map(TemplateKind.init)
        return TemplateKind.allCases.filter { search || !searchKinds.contains($0) }
    }

    /// `search`: the site has a search, whose page the theme must render.
    public static func load(root: URL, name: String, languages: [String], fingerprintAssets: Bool, search: Bool = false) throws(DiagnosticsError) -> Theme {
        let displayPath = "Themes/\(name)"
        let folder = root.appendingPathComponent("Themes").appendingPathComponent(name)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw DiagnosticsError(.error(SourceLocation(file: ConfigurationLoader.fileName), "theme '\(name)' not found: there is no folder \(displayPath)",
                                          hint: "set 'theme:' in site.yml to a folder of Themes/"))
        }
        var diagnostics: [Diagnostic] = []
        // Listed and read as the content is: a link that leaves the site or loops is an error.
        let tree = SourceTree(root: root)
        let sources = templateSources(tree, folder: folder.appendingPathComponent("templates"), displayPath: displayPath + "/templates",
                                      diagnostics: &diagnostics)
        let strings = loadStrings(tree, displayPath: displayPath + "/i18n", languages: languages,
                                  required: requiredStrings + (search ? searchStrings : []), diagnostics: &diagnostics)
        let assetListing = tree.files(in: folder.appendingPathComponent(assetsFolder), displayPrefix: displayPath + "/" + assetsFolder)
        diagnostics += assetListing.diagnostics
        let assets = assetListing.files
        var assetNames = AssetNames(plain: assets)
        if fingerprintAssets {
            do {
                assetNames = try AssetNames(fingerprinting: assets, in: folder.appendingPathComponent(assetsFolder))
            } catch {
                diagnostics.append(.error(SourceLocation(file: displayPath + "/" + assetsFolder), "cannot read an asset of the theme: \(error.localizedDescription)",
                                          hint: "check that every file of \(displayPath)/\(assetsFolder) is readable"))
            }
        }
        let vocabulary = ThemeVocabulary(stringKeys: strings.values.flatMap(\.keys), assetPaths: assets)
        let templates = compile(sources, vocabulary: vocabulary, themePath: displayPath, search: search, diagnostics: &diagnostics)
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics) }
        return Theme(folder: folder, displayPath: displayPath, templates: templates, strings: strings,
                     stringTables: strings.mapValues { ThemeStrings($0, vocabulary: vocabulary) }, assets: assets, assetNames: assetNames,
                     assetURLs: AssetURLs(assetNames.published.mapValues { "/assets/" + $0 }, vocabulary: vocabulary),
                     elementIDs: Set(sources.flatMap { literalIDs(in: $0.text) }), vocabulary: vocabulary)
    }

    /// The file of an asset, by its path in `assets/`.
    public func assetURL(_ asset: String) -> URL {
        folder.appendingPathComponent(Theme.assetsFolder).appendingPathComponent(asset)
    }

    /// The compiled template of a kind; nil for `search` in a theme without one (the site then has no search page).
    public func template(_ kind: TemplateKind) -> CompiledTemplate? { templates[kind] }

    /// The file of a kind's template, as messages name it: `Themes/default/templates/page.mustache`.
    public func templateFile(_ kind: TemplateKind) -> String { Self.templateFile(kind, displayPath: displayPath) }

    static func templateFile(_ kind: TemplateKind, displayPath: String) -> String { "\(displayPath)/templates/\(kind.templateName).mustache" }

    // MARK: - Loading

    /// Every `.mustache` file of `templates/`: its name for partials (its path without `.mustache`), its file, its text.
    static func templateSources(_ tree: SourceTree, folder: URL, displayPath: String, diagnostics: inout [Diagnostic]) -> [(name: String, file: String, text: String)] {
        let listing = tree.files(in: folder, displayPrefix: displayPath)
        diagnostics += listing.diagnostics
        return listing.files.filter { $0.hasSuffix(".mustache") }.compactMap { relative in
            let file = "\(displayPath)/\(relative)"
            guard let text = readText(file, in: tree, notUTF8: "cannot read the template as UTF-8 text", diagnostics: &diagnostics) else { return nil }
            return (String(relative.dropLast(".mustache".count)), file, text)
        }
    }

    /// Compiles the template of each kind against its record: every syntax error, unknown name, misused
    /// value and missing partial of the theme is a diagnostic at its tag, before any page is rendered.
    static func compile(_ sources: [(name: String, file: String, text: String)], vocabulary: ThemeVocabulary, themePath: String, search: Bool,
                        diagnostics: inout [Diagnostic]) -> [TemplateKind: CompiledTemplate] {
        let library: TemplateLibrary
        do throws(TemplateErrors) {
            library = try TemplateLibrary(sources: sources)
        } catch {
            diagnostics += error.errors.map(diagnostic)
            return [:]
        }
        var templates: [TemplateKind: CompiledTemplate] = [:]
        var reported: Set<TemplateError> = []
        for kind in TemplateKind.allCases {
            guard library.names.contains(kind.templateName) else {
                if requiredKinds(search: search).contains(kind) {
                    let file = templateFile(kind, displayPath: themePath)
                    diagnostics.append(.error(SourceLocation(file: file), "the template '\(kind.templateName)' is missing",
                                              hint: "create \(file) (see Themes/default for an example)"))
                }
                continue
            }
            let catalog: SchemaCatalog
            do throws(TemplateError) {
                catalog = try kind.catalog(vocabulary)
            } catch {
                diagnostics.append(diagnostic(error))
                continue
            }
            do throws(TemplateErrors) {
                templates[kind] = try library.compile(kind.templateName, against: catalog)
            } catch {
                // A partial shared by several kinds reports its mistake once.
                for error in error.errors where reported.insert(error).inserted { diagnostics.append(diagnostic(error)) }
            }
        }
        return templates
    }

    static func diagnostic(_ error: TemplateError) -> Diagnostic {
        .error(SourceLocation(file: error.position.file, line: error.position.line, column: error.position.column), error.message,
               hint: error.notes.isEmpty ? "Themes/default/REFERENCE.md lists the values of each template kind" : error.notes.joined(separator: "; "))
    }

    /// The values of `id="…"` attributes written without a Mustache tag inside.
    static func literalIDs(in text: String) -> [String] {
        text.components(separatedBy: "id=\"").dropFirst().compactMap { rest in
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            let value = String(rest[..<end])
            return value.isEmpty || value.contains("{{") ? nil : value
        }
    }

    /// A theme file's text, read as the content is (never through a link that leaves the site); nil
    /// when it cannot be read or is not UTF-8, with the problem added to `diagnostics`.
    static func readText(_ file: String, in tree: SourceTree, notUTF8: String, diagnostics: inout [Diagnostic]) -> String? {
        do throws(DiagnosticsError) {
            guard let text = String(data: try tree.read(file), encoding: .utf8) else {
                diagnostics.append(.error(SourceLocation(file: file), notUTF8, hint: "save it as UTF-8"))
                return nil
            }
            return text
        } catch {
            diagnostics += error.diagnostics
            return nil
        }
    }

    static func loadStrings(_ tree: SourceTree, displayPath: String, languages: [String], required: [String],
                            diagnostics: inout [Diagnostic]) -> [String: [String: String]] {
        var tables: [String: [String: String]] = [:]
        for language in languages {
            let file = "\(displayPath)/\(language).yml"
            var info = stat()
            guard lstat(tree.root + "/" + file, &info) == 0 else {
                diagnostics.append(.error(SourceLocation(file: file), "the string table for '\(language)' is missing",
                                          hint: "create \(file) with the interface words in that language"))
                continue
            }
            guard let text = readText(file, in: tree, notUTF8: "the string table is not valid UTF-8", diagnostics: &diagnostics) else { continue }
            let reader = YAMLReader(file: file)
            do throws(DiagnosticsError) {
                guard let node = try reader.parse(text), let mapping = node.mapping else {
                    diagnostics.append(.error(SourceLocation(file: file, line: 1), "the string table must be a list of 'key: text' lines"))
                    continue
                }
                var table: [String: String] = [:]
                for (key, value) in mapping {
                    guard let name = key.string, let string = value.scalar?.string else {
                        diagnostics.append(.error(reader.location(of: value), "each entry must be 'key: text'"))
                        continue
                    }
                    table[name] = string
                }
                tables[language] = table
            } catch {
                diagnostics += error.diagnostics
            }
        }
        // Every language must say every word: a missing key would leave a hole in the interface.
        let allKeys = Set(tables.values.flatMap(\.keys)).union(required)
        for language in languages {
            guard let table = tables[language] else { continue }
            for key in allKeys.subtracting(table.keys).sorted() {
                diagnostics.append(.error(SourceLocation(file: "\(displayPath)/\(language).yml"), "the string '\(key)' is missing in '\(language)'",
                                          hint: "add '\(key): …' to \(displayPath)/\(language).yml"))
            }
        }
        return tables
    }
}
