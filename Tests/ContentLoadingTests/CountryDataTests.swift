import ContentLoading
import Diagnostics
import Testing

/// `Data/countries.yml` against its schema: a valid file reads whole, and each mistake is an error at
/// its line and column, saying what to do.
@Suite struct CountryDataTests {
    /// A valid file: an EU country and a country with an agreement. Each test changes one line.
    static let valid = """
    sources:
      cleiss-eu:
        title: {fr: "Cleiss – UE", en: "Cleiss – EU"}
        url: https://www.cleiss.fr/
      cleiss-algeria:
        title: {fr: "Cleiss – Algérie", en: "Cleiss – Algeria"}
        url: https://www.cleiss.fr/algerie
    countries:
      - id: germany
        name: {fr: Allemagne, en: Germany}
        slug: {fr: allemagne, en: germany}
        regime: eu
        regime_source: cleiss-eu
        checked: 2026-12-05
      - id: algeria
        name: {fr: Algérie, en: Algeria}
        slug: {fr: algerie, en: algeria}
        regime: bilateral
        regime_source: cleiss-algeria
        agreement:
          branches: [sickness, old-age]
          branches_source: cleiss-algeria
          posting: {initial_months: 36, extension_months: 24}
          posting_source: cleiss-algeria
          note: {fr: "Une note.", en: "A note."}
        checked: 2026-12-05

    """

    func errors(_ text: String) -> [Diagnostic] {
        let result = CountryDataLoader.parse(text, languages: ["fr", "en"])
        #expect(result.data == nil, "a file with errors gives no data")
        return result.diagnostics.errors
    }

    /// The valid text with `old` replaced by `new` (which must be there).
    func changed(_ old: String, _ new: String) -> String {
        #expect(Self.valid.contains(old), "\(old)")
        return Self.valid.replacingOccurrences(of: old, with: new)
    }

    func expectOneError(_ text: String, line: Int, message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let found = errors(text)
        #expect(found.count == 1, "\(found)", sourceLocation: sourceLocation)
        #expect(found.first?.location.file == CountryData.file, sourceLocation: sourceLocation)
        #expect(found.first?.location.line == line, "\(found)", sourceLocation: sourceLocation)
        #expect(found.first?.location.column != nil, sourceLocation: sourceLocation)
        #expect(found.first?.message == message, sourceLocation: sourceLocation)
        #expect(found.first?.hint?.isEmpty == false, sourceLocation: sourceLocation)
    }

    @Test func aValidFileReadsWhole() throws {
        let result = CountryDataLoader.parse(Self.valid, languages: ["fr", "en"])
        #expect(result.diagnostics.isEmpty)
        let data = try #require(result.data)
        #expect(data.countries.map(\.id) == ["germany", "algeria"])
        let algeria = try #require(data.country(id: "algeria"))
        #expect(algeria.regime == .bilateral)
        #expect(algeria.name["fr"] == DataText("Algérie", at: Diagnostics.SourceLocation(file: CountryData.file, line: 16, column: 16)))
        #expect(algeria.agreement?.branches == [.sickness, .oldAge])
        #expect(algeria.agreement?.posting == Posting(initialMonths: 36, extensionLength: .months(24)))
        #expect(algeria.agreement?.note?["en"]?.text == "A note.")
        #expect(algeria.checked.isoDay == "2026-12-05")
        #expect(data.sources["cleiss-eu"]?.title["en"] == "Cleiss – EU")
    }

    @Test func anUnknownKeyIsAnErrorAtItsLine() {
        expectOneError(changed("    regime: eu\n", "    regime: eu\n    capital: Berlin\n"), line: 13, message: "unknown country key 'capital'")
        expectOneError(changed("      note:", "      notes:"), line: 25, message: "unknown 'agreement' key 'notes'")
        expectOneError(changed("countries:\n", "countrys: []\ncountries:\n"), line: 8, message: "unknown Data/countries.yml key 'countrys'")
    }

    @Test func anUnknownRegimeIsAnError() {
        expectOneError(changed("regime: eu\n", "regime: europe\n"), line: 12, message: "unknown regime 'europe'")
    }

    @Test func anUnknownBranchIsAnErrorAtTheBranch() {
        expectOneError(changed("[sickness, old-age]", "[sickness, pension]"), line: 21, message: "unknown branch 'pension'")
    }

    @Test func aSourceThatIsNotDefinedIsAnError() {
        expectOneError(changed("regime_source: cleiss-eu", "regime_source: cleiss-ue"), line: 13,
                       message: "the source 'cleiss-ue' is not defined in 'sources:'")
    }

    @Test func aFactWithoutItsSourceIsAnError() {
        expectOneError(changed("    regime_source: cleiss-eu\n", ""), line: 12, message: "'regime' has no source: 'regime_source' is missing")
        expectOneError(changed("      branches_source: cleiss-algeria\n", ""), line: 21, message: "'branches' has no source: 'branches_source' is missing")
        expectOneError(changed("      posting_source: cleiss-algeria\n", ""), line: 23, message: "'posting' has no source: 'posting_source' is missing")
    }

    @Test func anAgreementGoesWithTheBilateralRegimeOnly() {
        expectOneError(changed("regime: bilateral", "regime: none"), line: 20, message: "'agreement' is given for a country whose regime is 'none'")
        let withoutAgreement = Self.valid.replacingOccurrences(of: "regime: eu", with: "regime: bilateral")
        expectOneError(withoutAgreement, line: 12, message: "the regime is 'bilateral' but 'agreement' is missing")
    }

    @Test func aDuplicateIdOrSlugIsAnError() {
        expectOneError(changed("id: algeria", "id: germany"), line: 15, message: "the id 'germany' is already the id of the country at line 9")
        expectOneError(changed("{fr: algerie, en: algeria}", "{fr: allemagne, en: algeria}"), line: 15,
                       message: "the slug 'allemagne' (fr) is already the slug of the country at line 9")
    }

    @Test func aBadDateIsAnError() {
        expectOneError(changed("    checked: 2026-12-05\n  - id: algeria", "    checked: 2026-13-05\n  - id: algeria"), line: 14,
                       message: "'checked' is not a date: '2026-13-05'")
    }

    @Test func aNameMissingALanguageIsAnError() {
        expectOneError(changed("{fr: Allemagne, en: Germany}", "{fr: Allemagne}"), line: 10, message: "'name' has no text for 'en'")
        expectOneError(changed("note: {fr: \"Une note.\", en: \"A note.\"}", "note: {fr: \"Une note.\"}"), line: 25, message: "'note' has no text for 'en'")
    }

    @Test func postingDurationsAreMonths() {
        expectOneError(changed("initial_months: 36", "initial_months: 0"), line: 23, message: "'initial_months' is 0, not a number of months from 1 to 120")
    }

    @Test func anAgreementGivesItsBranchesOrItsPostingEachWithItsSource() throws {
        let withoutBranches = changed("      branches: [sickness, old-age]\n      branches_source: cleiss-algeria\n", "")
        #expect(CountryDataLoader.parse(withoutBranches, languages: ["fr", "en"]).data?.country(id: "algeria")?.agreement?.branches == [])
        let withoutPosting = changed("      posting: {initial_months: 36, extension_months: 24}\n      posting_source: cleiss-algeria\n", "")
        #expect(CountryDataLoader.parse(withoutPosting, languages: ["fr", "en"]).data?.country(id: "algeria")?.agreement?.posting == nil)
        let neither = withoutBranches.replacingOccurrences(of: "      posting: {initial_months: 36, extension_months: 24}\n      posting_source: cleiss-algeria\n", with: "")
        expectOneError(neither, line: 21, message: "the agreement gives neither its branches nor its posting durations")
        expectOneError(changed("      branches: [sickness, old-age]\n", ""), line: 21, message: "'branches_source' is given without 'branches'")
    }

    @Test func anExtensionIsMonthsOrUntilTheWorkEndsOrByAgreement() throws {
        let until = changed("extension_months: 24", "extension: until-work-ends")
        #expect(CountryDataLoader.parse(until, languages: ["fr", "en"]).data?.country(id: "algeria")?.agreement?.posting?.extensionLength == .untilWorkEnds)
        expectOneError(changed("extension_months: 24", "extension: forever"), line: 23, message: "unknown extension 'forever'")
        expectOneError(changed("extension_months: 24", "extension_months: 24, extension: by-agreement"), line: 23,
                       message: "'posting' gives both 'extension_months' and 'extension'")
        expectOneError(changed(", extension_months: 24", ""), line: 23, message: "'posting' has no extension")
    }

    /// A note about a country of any regime (the United Kingdom's Withdrawal Agreement), beside the agreement's own.
    @Test func aCountryOfAnyRegimeMayHaveANote() throws {
        let text = changed("    regime_source: cleiss-eu\n", "    regime_source: cleiss-eu\n    note: {fr: \"Une note.\", en: \"A note.\"}\n")
        let germany = try #require(CountryDataLoader.parse(text, languages: ["fr", "en"]).data?.country(id: "germany"))
        #expect(germany.note?["en"] == DataText("A note.", at: Diagnostics.SourceLocation(file: CountryData.file, line: 14, column: 33)))
    }

    /// As a page's `sources:`: a page of the site's own host is gone once this site is published there.
    @Test func aSourceOnTheSitesOwnAddressIsAWarning() {
        let result = CountryDataLoader.parse(Self.valid, languages: ["fr", "en"], address: SiteAddress(baseURL: "https://cleiss.fr/"))
        #expect(result.data != nil)
        #expect(result.diagnostics.map(\.location.line) == [4, 7])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning && $0.message.contains("on the site's own address (www.cleiss.fr)") })
        #expect(CountryDataLoader.parse(Self.valid, languages: ["fr", "en"], address: SiteAddress(baseURL: "https://www.example.fr/")).diagnostics.isEmpty)
    }

    @Test func aSourceCitedByNoFactIsAWarning() {
        let text = changed("countries:\n", "  unused:\n    title: {fr: Rien, en: Nothing}\n    url: https://www.cleiss.fr/\ncountries:\n")
        let result = CountryDataLoader.parse(text, languages: ["fr", "en"])
        #expect(result.data != nil)
        #expect(result.diagnostics.map(\.message) == ["the source 'unused' is cited by no fact"])
        #expect(result.diagnostics.first?.location.line == 8)
    }

    @Test func everyErrorIsReportedAtOnce() {
        let text = changed("regime: eu\n", "regime: europe\n").replacingOccurrences(of: "[sickness, old-age]", with: "[sickness, pension]")
        #expect(errors(text).map(\.message) == ["unknown regime 'europe'", "unknown branch 'pension'"])
    }
}
