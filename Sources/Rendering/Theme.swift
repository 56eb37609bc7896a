import Configuration
import ContentLoading
import Diagnostics
import Foundation
import Mustache
import Support
import Yams

/// A theme of `Themes/`: its compiled templates, its string tables and its assets, loaded once per build.
public struct Theme: Sendable {
    /// The templates of pages of content, of the registry's generated pages, and of redirects.
    public static let requiredTemplates = ["home", "section", "page"]
        + GeneratedTemplate.allCases.filter { !$0.needsSearch }.map(\.templateName) + ["alias"]
    /// What a site with a search needs besides (a theme without them builds sites without search).
    public static let searchTemplates = GeneratedTemplate.allCases.filter(\.needsSearch).map(\.templateName)
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
    let library: MustacheLibrary
    /// Language → key → text, from `i18n/<lang>.yml`.
    public let strings: [String: [String: String]]
    /// Files of `assets/`, relative to it, sorted.
    public let assets: [String]
    /// The names they are published under (content-hashed, or plain for the live preview).
    public let assetNames: AssetNames
    /// The literal `id` attributes of the templates, which heading anchors must not repeat.
    public let elementIDs: Set<String>

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
        var elementIDs: Set<String> = []
        // Listed and read as the content is: a link that leaves the site or loops is an error.
        let tree = SourceTree(root: root)
        let library = loadTemplates(tree, folder: folder.appendingPathComponent("templates"), displayPath: displayPath + "/templates",
                                    required: requiredTemplates + (search ? searchTemplates : []),
                                    diagnostics: &diagnostics, elementIDs: &elementIDs)
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
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics) }
        return Theme(folder: folder, displayPath: displayPath, library: library, strings: strings, assets: assets, assetNames: assetNames,
                     elementIDs: elementIDs)
    }

    /// The file of an asset, by its path in `assets/`.
    public func assetURL(_ asset: String) -> URL {
        folder.appendingPathComponent(Theme.assetsFolder).appendingPathComponent(asset)
    }

    /// Renders a template; the name must be one the loader checked.
    public func render(_ template: String, context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    // MARK: - Loading

    static func loadTemplates(_ tree: SourceTree, folder: URL, displayPath: String, required: [String], diagnostics: inout [Diagnostic],
                              elementIDs: inout Set<String>) -> MustacheLibrary {
        var library = MustacheLibrary()
        var sources: [String: (text: String, file: String)] = [:]
        let listing = tree.files(in: folder, displayPrefix: displayPath)
        diagnostics += listing.diagnostics
        for relative in listing.files where relative.hasSuffix(".mustache") {
            let name = String(relative.dropLast(".mustache".count))
            let file = "\(displayPath)/\(relative)"
            guard let text = readText(file, in: tree, notUTF8: "cannot read the template as UTF-8 text", diagnostics: &diagnostics) else { continue }
            do {
                library.register(try MustacheTemplate(string: withEscaping(text)), named: name)
                sources[name] = (text, file)
                elementIDs.formUnion(literalIDs(in: text))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(SourceLocation(file: file, line: max(1, error.context.lineNumber - escapingLines), column: error.context.columnNumber),
                                          "template syntax error: \(describe(error.error))",
                                          hint: "check that every {{#section}} and {{^section}} has its {{/section}} with the same name, and that tags are closed with }}"))
            } catch {
                diagnostics.append(.error(SourceLocation(file: file), "template syntax error: \(error)"))
            }
        }
        for name in required where library.getTemplate(named: name) == nil && !diagnostics.contains(where: { $0.location.file.hasSuffix("/\(name).mustache") }) {
            diagnostics.append(.error(SourceLocation(file: "\(displayPath)/\(name).mustache"), "the template '\(name)' is missing",
                                      hint: "create \(displayPath)/\(name).mustache (see Themes/default for an example)"))
        }
        // Mustache renders a missing partial as nothing: catch it here instead of publishing a page without its header.
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            for (partial, line) in partialReferences(in: source.text) where library.getTemplate(named: partial) == nil {
                diagnostics.append(.error(SourceLocation(file: source.file, line: line), "template '\(name)' uses the partial '\(partial)', which does not exist",
                                          hint: "create \(displayPath)/\(partial).mustache or fix the name"))
            }
        }
        return library
    }

    /// The template's text, led by a line that selects `HTMLEscaping` for its `{{variable}}` tags.
    ///
    /// swift-mustache has no setting for the escaping of a whole library, only the CONTENT_TYPE
    /// pragma, which holds for the rest of one template (a partial starts again with its own), so
    /// every template gets it. On a line of its own, the pragma line leaves no trace in the output;
    /// it shifts the line numbers of syntax errors by `escapingLines`, which the loader takes back.
    static func withEscaping(_ text: String) -> String {
        _ = HTMLEscaping.registered
        return "{{% CONTENT_TYPE: \(HTMLEscaping.name)}}\n" + text
    }

    static let escapingLines = 1

    /// The values of `id="…"` attributes written without a Mustache tag inside.
    static func literalIDs(in text: String) -> [String] {
        text.components(separatedBy: "id=\"").dropFirst().compactMap { rest in
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            let value = String(rest[..<end])
            return value.isEmpty || value.contains("{{") ? nil : value
        }
    }

    /// `{{> name}}` and `{{< name}}` tags with their line numbers.
    static func partialReferences(in text: String) -> [(String, Int)] {
        var references: [(String, Int)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            while let open = rest.range(of: "{{") {
                rest = rest[open.upperBound...]
                guard let close = rest.range(of: "}}") else { break }
                let tag = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if let first = tag.first, first == ">" || first == "<" {
                    let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                    if !name.isEmpty && !name.hasPrefix("*") { references.append((name, number + 1)) }
                }
                rest = rest[close.upperBound...]
            }
        }
        return references
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "a section is closed with a name that does not match its opening tag"
        case MustacheTemplate.Error.unfinishedName: return "a tag is not finished"
        case MustacheTemplate.Error.expectedSectionEnd: return "a section is opened and never closed"
        case MustacheTemplate.Error.invalidSetDelimiter: return "a set-delimiter tag is malformed"
        default: return "\(error)"
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
