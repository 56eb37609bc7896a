import Configuration
import Diagnostics

/// A text of a data file, with where it is written: the charter's findings on a generated page point
/// at the line of the data its text comes from.
public struct DataText: Sendable, Hashable {
    public var text: String
    public var location: SourceLocation

    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
    }
}

/// `Data/countries.yml` read and checked: the sources its facts cite, and the countries.
public struct CountryData: Sendable, Equatable {
    public static let file = "Data/countries.yml"

    /// Every source, by its key.
    public var sources: [String: DataSource]
    /// In the file's order (each page sorts them as its language does).
    public var countries: [Country]

    public init(sources: [String: DataSource], countries: [Country]) {
        self.sources = sources
        self.countries = countries
    }

    public func country(id: String) -> Country? { countries.first { $0.id == id } }
}

/// A source of facts: its title in each language and its address.
public struct DataSource: Sendable, Hashable {
    public var key: String
    public var title: [String: String]
    public var url: String
}

/// One country of the directory.
public struct Country: Sendable, Hashable {
    public var id: String
    /// Its name in each language of the site, where it is written.
    public var name: [String: DataText]
    /// Its URL segment in each language.
    public var slug: [String: String]
    public var regime: Regime
    /// The key of the source of the regime.
    public var regimeSource: String
    /// The bilateral agreement: present exactly when `regime` is `bilateral`.
    public var agreement: Agreement?
    /// One or two plain sentences about the country, whatever its regime, per language.
    public var note: [String: DataText]?
    /// When the facts were last checked against their sources.
    public var checked: PageDate
    /// The line of `regime:`, where the sentence that states the regime comes from.
    public var regimeLocation: SourceLocation
}

/// What a bilateral social security agreement covers: its branches, its posting durations, or both
/// (the data gives what it can source).
public struct Agreement: Sendable, Hashable {
    /// Empty when the data does not give them.
    public var branches: [Branch]
    /// Present exactly when `branches` are given.
    public var branchesSource: String?
    /// The longest posting it allows, when the file gives it.
    public var posting: Posting?
    public var postingSource: String?
    /// One or two plain sentences, per language.
    public var note: [String: DataText]?
    /// The line of `branches:`, where the sentence made of them comes from.
    public var branchesLocation: SourceLocation?
}

/// The posting durations of an agreement: a first period in months, then its extension.
public struct Posting: Sendable, Hashable {
    public var initialMonths: Int
    public var extensionLength: PostingExtension

    public init(initialMonths: Int, extensionLength: PostingExtension) {
        self.initialMonths = initialMonths
        self.extensionLength = extensionLength
    }
}

/// How a posting may be extended.
public enum PostingExtension: Sendable, Hashable {
    /// By so many months; 0 when the agreement has no extension (`extension_months`).
    case months(Int)
    /// Until the work is finished, with no fixed length (`extension: until-work-ends`).
    case untilWorkEnds
    /// For a length the authorities of the two countries agree on (`extension: by-agreement`).
    case byAgreement

    /// The values of `extension:`.
    public static let keywords: [String: PostingExtension] = ["until-work-ends": .untilWorkEnds, "by-agreement": .byAgreement]
}

/// The social security regime between France and a country.
public enum Regime: String, Sendable, CaseIterable {
    case eu, eea, switzerland, uk, bilateral, none

    /// The group of the directory the country is listed in (see `DataPageSettings.regimeGroups`).
    public var group: String {
        switch self {
        case .eu, .eea, .switzerland: "coordination"
        case .uk: "uk"
        case .bilateral: "bilateral"
        case .none: "none"
        }
    }
}

/// A branch of social security an agreement covers (a closed vocabulary).
public enum Branch: String, Sendable, CaseIterable {
    case sickness, maternity, invalidity, oldAge = "old-age", survivors, death, workAccidents = "work-accidents"
    case occupationalDiseases = "occupational-diseases", family, unemployment
}
