import Configuration
import Diagnostics
import Foundation
import Support
import Yams

/// Reads `Data/countries.yml` and checks it against its schema (README.md, "Pages made from data").
///
/// Every problem is reported at once, each at its line and column with what to do. No file: no
/// country pages, and nothing else changes. The file is read like a page of Content (never through a
/// link that leaves the site) and bounded like one: its size and its number of entries.
public enum CountryDataLoader {
    /// Far above a directory of every country of the world, with sources.
    public static let maxBytes = 2_000_000
    public static let maxCountries = 1_000
    public static let maxSources = 2_000

    static let topKeys = ["sources", "countries"]
    static let sourceKeys = ["title", "url"]
    static let countryKeys = ["id", "name", "slug", "regime", "regime_source", "agreement", "note", "checked"]
    static let agreementKeys = ["branches", "branches_source", "posting", "posting_source", "note"]
    static let postingKeys = ["initial_months", "extension_months", "extension"]

    /// The data and its problems; nil data when there is no file, or when it has errors.
    public static func load(root: URL, configuration: SiteConfiguration) -> (data: CountryData?, diagnostics: [Diagnostic]) {
        let tree = SourceTree(root: root)
        let strays = strayFiles(root: root, tree: tree)
        let path = root.standardizedFileURL.appendingPathComponent(CountryData.file).path
        guard FileManager.default.fileExists(atPath: path) || (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil else {
            return (nil, strays)
        }
        let loaded = read(tree, languages: configuration.languages, address: SiteAddress(configuration))
        return (loaded.data, strays + loaded.diagnostics)
    }

    /// A warning for each other file of `Data/`: the build reads `countries.yml` alone, and a file
    /// named otherwise (`country.yml`) would be left out without a word.
    static func strayFiles(root: URL, tree: SourceTree) -> [Diagnostic] {
        let folder = root.appendingPathComponent("Data")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else { return [] }
        let listing = tree.files(in: folder, displayPrefix: "Data")
        let name = String(CountryData.file.dropFirst("Data/".count))
        // The data file's own problems are reported when it is read.
        return listing.diagnostics.filter { $0.location.file != CountryData.file } + listing.files.filter { $0 != name }.map { file in
            .warning(SourceLocation(file: "Data/" + file), "the build does not read this file: pages are made from \(CountryData.file) only",
                     hint: "name the data of the country directory \(CountryData.file), or move this file out of Data/")
        }
    }

    /// The text of the data file, read like a page and bounded, then checked.
    static func read(_ tree: SourceTree, languages: [String], address: SiteAddress) -> (data: CountryData?, diagnostics: [Diagnostic]) {
        let text: String
        do throws(DiagnosticsError) {
            let data = try tree.read(CountryData.file)
            guard data.count <= maxBytes else {
                return (nil, [.error(SourceLocation(file: CountryData.file), "the file has \(data.count) bytes, more than \(maxBytes)",
                                     hint: "keep one entry per country and short notes; split nothing, the directory reads one file")])
            }
            text = try ContentLoader.readUTF8(CountryData.file, in: tree)
        } catch {
            return (nil, error.diagnostics)
        }
        return parse(text, languages: languages, address: address)
    }

    /// The data of a text of `Data/countries.yml`, checked. `address`: this site's, for the sources that point at it.
    public static func parse(_ text: String, languages: [String], address: SiteAddress = .unknown) -> (data: CountryData?, diagnostics: [Diagnostic]) {
        let reader = YAMLReader(file: CountryData.file)
        var diagnostics: [Diagnostic] = []
        let root: Node?
        do throws(DiagnosticsError) {
            root = try reader.parse(text)
        } catch {
            return (nil, error.diagnostics)
        }
        guard let root, var top = YAMLMappingReader(root, reader: reader, diagnostics: &diagnostics, what: CountryData.file) else {
            return (nil, diagnostics.isEmpty ? [.error(SourceLocation(file: CountryData.file, line: 1), "the file is empty",
                                                       hint: "remove it, or give 'sources:' and 'countries:' (see README.md, \"Pages made from data\")")] : diagnostics)
        }
        top.reportUnknownKeys(known: topKeys, severity: .error, what: CountryData.file)
        var checker = Checker(reader: reader, languages: languages, address: address)
        let sources = top.require("sources", what: "with the sources the facts cite, by key").map { checker.sources($0) } ?? [:]
        var countries: [Country] = []
        if let node = top.require("countries", what: "with one entry per country, each starting with '- id:'") {
            countries = checker.countries(node, sources: sources)
        }
        diagnostics += top.diagnostics + checker.diagnostics
        for source in sources.values.sorted(by: { $0.key < $1.key }) where !checker.cited.contains(source.key) {
            diagnostics.append(.warning(checker.sourceLocations[source.key] ?? reader.location(of: root),
                                        "the source '\(source.key)' is cited by no fact", hint: "cite it with a '*_source' key, or remove it"))
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (CountryData(sources: sources, countries: countries), diagnostics)
    }
}
