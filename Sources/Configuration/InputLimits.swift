import Diagnostics

/// How big and how deep a page may be: the `limits:` block of site.yml.
///
/// Like the limits of mature parsers, they stop a short hostile page from crashing or stalling a
/// build (cmark-gfm pads every table row to the header's width; deep nesting costs time and stack).
/// The defaults are far above what a real page reaches.
public struct InputLimits: Sendable, Equatable {
    /// Bytes of one Markdown file, front matter included.
    public var pageBytes: Int
    /// Block quotes, list items, emphasis and link brackets open inside one another. (YAML has
    /// libyaml's own limit, 1,000 levels: see `YAMLReader`.)
    public var nesting: Int
    /// Cells of one table, counted as cmark-gfm builds them: every row as wide as the widest of header and row.
    public var tableCells: Int

    public static let standard = InputLimits(pageBytes: 1_000_000, nesting: 100, tableCells: 10_000)

    public init(pageBytes: Int, nesting: Int, tableCells: Int) {
        self.pageBytes = pageBytes
        self.nesting = nesting
        self.tableCells = tableCells
    }

    /// The site.yml key of each limit, for messages.
    public static let keys = ["pageBytes", "nesting", "tableCells"]

    /// The hint of an error about a limit: what to do, with the site.yml key that raises it.
    public static func hint(key: String, _ advice: String) -> String {
        "\(advice); if the page really needs it, raise 'limits: {\(key): …}' in site.yml"
    }
}

extension InputLimits {
    /// Reads `limits:` of site.yml: each key optional, a positive whole number.
    static func read(_ site: inout YAMLMappingReader) -> InputLimits {
        var limits = InputLimits.standard
        guard let node = site.value("limits") else { return limits }
        var diagnostics = site.diagnostics
        guard var section = YAMLMappingReader(node, reader: site.reader, diagnostics: &diagnostics, what: "'limits'") else {
            site.diagnostics = diagnostics
            return limits
        }
        section.reportUnknownKeys(known: keys, severity: .error, what: "'limits'")
        func positive(_ key: String) -> Int? {
            guard let value = section.int(key) else { return nil }
            guard value > 0 else {
                section.diagnostics.append(.error(section.location(key), "limits.\(key) must be a whole number above 0",
                                                  hint: "remove the line to keep the default, \(InputLimits.standard.value(of: key))"))
                return nil
            }
            return value
        }
        if let value = positive("pageBytes") { limits.pageBytes = value }
        if let value = positive("nesting") { limits.nesting = value }
        if let value = positive("tableCells") { limits.tableCells = value }
        site.diagnostics = diagnostics + section.diagnostics
        return limits
    }

    func value(of key: String) -> Int {
        switch key {
        case "pageBytes": pageBytes
        case "nesting": nesting
        default: tableCells
        }
    }
}
