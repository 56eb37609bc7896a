import Diagnostics

/// What site.yml says about the pages made from data (`Data/countries.yml`): the `countries:` block
/// (which audiences the country directory is for, which page of guidance each regime links to) and
/// the `indicators:` block (whether those pages count for IS.II.B.1).
public struct DataPageSettings: Sendable, Equatable {
    /// The audiences whose landing pages link to the country directory, in site.yml's order. The pages
    /// made from data are dedicated to them in the inventory (and in IS.II.B.1 when `countInIndicator`).
    public var audiences: [String] = []
    /// The translationKey of the page of guidance for each regime group (`coordination`, `uk`,
    /// `bilateral`, `none`): each country page links to its group's page, in its own language.
    public var guides: [String: String] = [:]
    /// Whether pages made from data count for IS.II.B.1. Off by default: forty generated pages are not
    /// forty pages written for an audience, and the indicator must not grow by a data file alone.
    public var countInIndicator = false

    public init(audiences: [String] = [], guides: [String: String] = [:], countInIndicator: Bool = false) {
        self.audiences = audiences
        self.guides = guides
        self.countInIndicator = countInIndicator
    }

    /// The regime groups of the directory, in its order: coordination (EU, EEA, Switzerland), the UK,
    /// a bilateral agreement, no agreement.
    public static let regimeGroups = ["coordination", "uk", "bilateral", "none"]
    static let knownKeys = ["audiences", "guides"]
    static let knownIndicatorKeys = ["countDataPages"]
}

extension DataPageSettings {
    /// Reads `countries:` and `indicators:` of site.yml; `audiences` are those site.yml defines.
    static func read(_ site: inout YAMLMappingReader, audiences: [Audience]) -> DataPageSettings {
        var settings = DataPageSettings()
        var diagnostics = site.diagnostics
        if let node = site.value("countries"), var section = YAMLMappingReader(node, reader: site.reader, diagnostics: &diagnostics, what: "'countries'") {
            section.reportUnknownKeys(known: knownKeys, severity: .error, what: "'countries'")
            for (id, location) in section.strings("audiences") ?? [] {
                if audiences.contains(where: { $0.id == id }) {
                    settings.audiences.append(id)
                } else {
                    section.diagnostics.append(.error(location, "countries.audiences names '\(id)', which is not an audience of site.yml",
                                                      hint: Suggestions.hint(for: id, among: audiences.map(\.id))))
                }
            }
            if let guides = section.value("guides"), var table = YAMLMappingReader(guides, reader: site.reader, diagnostics: &section.diagnostics, what: "'countries.guides'") {
                table.reportUnknownKeys(known: regimeGroups, severity: .error, what: "'countries.guides'")
                for group in regimeGroups {
                    if let key = table.string(group) { settings.guides[group] = key }
                }
                section.diagnostics += table.diagnostics
            }
            diagnostics += section.diagnostics
        }
        if let node = site.value("indicators"), var section = YAMLMappingReader(node, reader: site.reader, diagnostics: &diagnostics, what: "'indicators'") {
            section.reportUnknownKeys(known: knownIndicatorKeys, severity: .error, what: "'indicators'")
            settings.countInIndicator = section.bool("countDataPages") ?? false
            diagnostics += section.diagnostics
        }
        site.diagnostics = diagnostics
        return settings
    }
}
