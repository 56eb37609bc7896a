/// The records of the pages made from `Data/countries.yml`: a country's page and the directory.

/// The posting durations of an agreement.
public struct PostingValues: TemplateModel {
    public var initialMonths: Int
    /// The extension in months, when it is a number of months above 0.
    public var extensionMonths: Int?
    /// The extension in words (until the work ends, by agreement), when it has no fixed length.
    public var extensionText: String?
    /// Whether the agreement provides for no extension.
    public var noExtension: Bool
    public var source: SourceLink
    public init(initialMonths: Int, extensionMonths: Int?, extensionText: String?, noExtension: Bool, source: SourceLink) {
        self.initialMonths = initialMonths
        self.extensionMonths = extensionMonths
        self.extensionText = extensionText
        self.noExtension = noExtension
        self.source = source
    }

    public static let schemaName = "Posting"
    public static let summary = "How long an employee may be posted under a bilateral agreement."
    public static let fields: [ModelField<Self>] = [
        .init("initialMonths", "the longest first posting, in months") { $0.initialMonths },
        .init("extensionMonths", "the longest extension in months; absent when there is none or it has no fixed length") { $0.extensionMonths },
        .init("extensionText", "an extension with no fixed length, in words (theme strings `countryExtensionUntilWorkEnds`, `countryExtensionByAgreement`); absent otherwise") { $0.extensionText },
        .init("noExtension", "whether the agreement provides for no extension") { $0.noExtension },
        .init("source", "the source of the durations") { $0.source },
    ]
}

/// A bilateral agreement as a country page shows it.
public struct AgreementValues: TemplateModel {
    /// The branches covered, named in the page's language (theme strings `branch…`).
    public var branches: [String]
    public var hasBranches: Bool
    public var branchesSource: SourceLink?
    public var posting: PostingValues?
    public var note: String?
    public init(branches: [String], hasBranches: Bool, branchesSource: SourceLink?, posting: PostingValues?, note: String?) {
        self.hasBranches = hasBranches
        self.branches = branches
        self.branchesSource = branchesSource
        self.posting = posting
        self.note = note
    }

    public static let schemaName = "Agreement"
    public static let summary = "The bilateral social security agreement of a country."
    public static let fields: [ModelField<Self>] = [
        .init("branches", "the branches of social security it covers, named in the page's language, in the data's order; empty when the data does not give them") { $0.branches },
        .init("hasBranches", "whether `branches` is not empty") { $0.hasBranches },
        .init("branchesSource", "the source of the branches; absent with them") { $0.branchesSource },
        .init("posting", "the posting durations; absent when the data gives none") { $0.posting },
        .init("note", "one or two plain sentences; absent when the data has none") { $0.note },
    ]
}

/// A country of `Data/countries.yml`, in the page's language.
public struct CountryValues: TemplateModel {
    public var id: String
    public var name: String
    /// `eu`, `eea`, `switzerland`, `uk`, `bilateral` or `none`.
    public var regime: String
    /// The regime in plain words (theme string `regime…`).
    public var regimeText: String
    public var regimeSource: SourceLink
    public var agreement: AgreementValues?
    /// One or two plain sentences about the country, whatever its regime.
    public var note: String?
    /// The day the facts were last checked, as a date of the page's language, and as `2026-12-05`.
    public var checked: String
    public var checkedISO: String
    /// The page of guidance of the country's regime, when site.yml names one (`countries.guides`).
    public var guide: Link?
    /// The directory of countries.
    public var directory: Link
    public init(id: String, name: String, regime: String, regimeText: String, regimeSource: SourceLink, agreement: AgreementValues?,
                note: String?, checked: String, checkedISO: String, guide: Link?, directory: Link) {
        self.id = id
        self.name = name
        self.regime = regime
        self.regimeText = regimeText
        self.regimeSource = regimeSource
        self.agreement = agreement
        self.note = note
        self.checked = checked
        self.checkedISO = checkedISO
        self.guide = guide
        self.directory = directory
    }

    public static let schemaName = "Country"
    public static let summary = "A country of `Data/countries.yml`, in the page's language."
    public static let fields: [ModelField<Self>] = [
        .init("id", "its id in the data") { $0.id },
        .init("name", "its name in this language") { $0.name },
        .init("regime", "`eu`, `eea`, `switzerland`, `uk`, `bilateral` or `none`") { $0.regime },
        .init("regimeText", "the regime in plain words (theme string `regimeEu`, `regimeBilateral`…)") { $0.regimeText },
        .init("regimeSource", "the source of the regime") { $0.regimeSource },
        .init("agreement", "the bilateral agreement; present exactly when `regime` is `bilateral`") { $0.agreement },
        .init("note", "one or two plain sentences about the country (its agreement's note is `agreement.note`); absent when none") { $0.note },
        .init("checked", "the day its facts were last checked (`5 décembre 2026`)") { $0.checked },
        .init("checkedISO", "the same day as `2026-12-05`") { $0.checkedISO },
        .init("guide", "the page of guidance for its regime (site.yml `countries.guides`, by translationKey); absent when none") { $0.guide },
        .init("directory", "the directory of countries") { $0.directory },
    ]
}

/// `country`: the generated page of one country.
public struct CountryTemplate: TemplateModel {
    public var common: CommonValues
    public var country: CountryValues
    public init(common: CommonValues, country: CountryValues) { self.common = common; self.country = country }

    public static let schemaName = "CountryTemplate"
    public static let summary = "`country.mustache`: the page of one country of `Data/countries.yml` (generated)."
    public static let fields: [ModelField<Self>] = ModelField.inline { $0.common } + [
        .init("country", "the country this page is about") { $0.country },
    ]
}

/// A group of the directory: the countries of one regime.
public struct CountryGroup: TemplateModel {
    /// `coordination`, `uk`, `bilateral` or `none`.
    public var id: String
    public var heading: String
    /// Its countries, A to Z in the page's language.
    public var countries: [Link]
    public var hasCountries: Bool
    public var guide: Link?
    public init(id: String, heading: String, countries: [Link], hasCountries: Bool, guide: Link?) {
        self.id = id
        self.heading = heading
        self.countries = countries
        self.hasCountries = hasCountries
        self.guide = guide
    }

    public static let schemaName = "CountryGroup"
    public static let summary = "The countries of one regime in the directory."
    public static let fields: [ModelField<Self>] = [
        .init("id", "`coordination` (EU, EEA, Switzerland), `uk`, `bilateral` or `none`") { $0.id },
        .init("heading", "the group's heading (theme string `countryGroup…`)") { $0.heading },
        .init("countries", "its countries' pages, A to Z in the page's language") { $0.countries },
        .init("hasCountries", "whether `countries` is not empty") { $0.hasCountries },
        .init("guide", "the page of guidance for the regime (site.yml `countries.guides`); absent when none") { $0.guide },
    ]
}

/// `countries`: the generated A–Z directory of countries, by regime.
public struct CountryIndexTemplate: TemplateModel {
    public var common: CommonValues
    public var countryGroups: [CountryGroup]
    public init(common: CommonValues, countryGroups: [CountryGroup]) { self.common = common; self.countryGroups = countryGroups }

    public static let schemaName = "CountryIndexTemplate"
    public static let summary = "`countries.mustache`: the directory of countries of `Data/countries.yml`, by regime (generated)."
    public static let fields: [ModelField<Self>] = ModelField.inline { $0.common } + [
        .init("countryGroups", "the regimes, in a fixed order: coordination, UK, bilateral agreement, no agreement") { $0.countryGroups },
    ]
}
