import Configuration
import ContentLoading
import Foundation
import GitHistory
import Testing
@testable import Indicators

/// Fixture sites with known answers for every definition of IS.II.B.1.
@Suite struct IndicatorTests {
    static let siteYML = """
    title: {fr: Cleiss, en: Cleiss}
    baseURL: https://www.example.fr/
    languages: [fr, en]
    audiences:
      - {id: journalistes, label: {fr: Journalistes, en: Journalists}, cog: 2026}
      - {id: employeurs, label: {fr: Employeurs, en: Employers}, cog: 2027}
      - {id: saisonniers, label: {fr: Saisonniers, en: Seasonal workers}, cog: 2026}
    """

    struct Site {
        let root: URL
        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        func page(_ path: String, _ front: String) throws {
            try write("Content/\(path)", "---\ntitle: \"\(path)\"\ndescription: \"D.\"\n\(front)\n---\nTexte.\n")
        }
        func report(year: Int? = nil, from: String? = nil, to: String? = nil, git: Bool = false) throws -> IndicatorReport {
            let configuration = try ConfigurationLoader.load(root: root)
            let loaded = try ContentLoader.load(root: root, configuration: configuration, languages: configuration.languages)
            let content = try SiteContent(configuration: configuration, loaded: loaded, includeDrafts: true)
            let period = try from.map { try ReportPeriod(from: $0, to: to!) } ?? ReportPeriod(year: year!)
            return IndicatorCalculator.compute(content: content, period: period, history: git ? GitHistory.read(root: root) : nil)
        }
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", root.path, "-c", "user.name=Test", "-c", "user.email=test@example.fr"] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
        }
    }

    func makeSite() throws -> Site {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cleiss-indicator-\(UUID().uuidString)")
        let site = Site(root: root)
        try site.write("site.yml", Self.siteYML)
        try site.page("fr/_index.md", "date: 2024-01-01")
        try site.page("en/_index.md", "date: 2024-01-01")
        // A page for two audiences, in both languages, French first in 2025, English on 1 January 2026.
        try site.page("fr/mission.md", "translationKey: mission\naudiences: [journalistes, employeurs]\ndate: 2025-06-01")
        try site.page("en/assignment.md", "translationKey: mission\naudiences: [journalistes, employeurs]\ndate: 2026-01-01")
        // French only, published on 31 December 2026 with a date-time in a zone that is already 2027 in UTC.
        try site.page("fr/pigiste.md", "audiences: [journalistes]\ndate: 2026-12-31T23:30:00-05:00")
        // A future page, a draft, and a page for no audience.
        try site.page("fr/futur.md", "audiences: [journalistes]\ndate: 2027-03-01")
        try site.page("fr/brouillon.md", "audiences: [journalistes]\ndate: 2026-02-01\ndraft: true")
        try site.page("fr/general.md", "date: 2026-02-01")
        // An undated page for employers (no git here): counted, never new.
        try site.page("en/undated.md", "audiences: [employeurs]")
        return site
    }

    @Test func figuresFor2026() throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let report = try site.report(year: 2026)
        let journalists = try #require(report.audiences.first { $0.audience.id == "journalistes" })
        #expect(journalists.pages.perLanguage == ["fr": 2, "en": 1] && journalists.pages.distinct == 2)
        #expect(journalists.new.perLanguage == ["fr": 1, "en": 1])
        // The mission group's earliest version is 2025: not new in 2026; the pigiste page is.
        #expect(journalists.new.distinct == 1)
        #expect(journalists.missingTranslations == ["Content/fr/pigiste.md"])
        let employers = try #require(report.audiences.first { $0.audience.id == "employeurs" })
        #expect(employers.pages.perLanguage == ["fr": 1, "en": 2] && employers.pages.distinct == 2)
        #expect(employers.new.perLanguage == ["fr": 0, "en": 1] && employers.new.distinct == 0)
        let seasonal = try #require(report.audiences.first { $0.audience.id == "saisonniers" })
        #expect(seasonal.pages.perLanguage == ["fr": 0, "en": 0] && seasonal.pages.distinct == 0 && seasonal.new.distinct == 0)
        // Distinct pages for at least one audience: mission, pigiste, undated — not the sum over audiences (2 + 2).
        #expect(report.totalPages.perLanguage == ["fr": 2, "en": 2] && report.totalPages.distinct == 3)
        #expect(report.totalNew.perLanguage == ["fr": 1, "en": 1] && report.totalNew.distinct == 1)
        #expect(report.undated == ["Content/en/undated.md"])
        #expect(report.audiences.map(\.audience.id) == ["journalistes", "employeurs", "saisonniers"])
    }

    @Test func figuresFor2025AndBoundaries() throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let report = try site.report(year: 2025)
        let journalists = try #require(report.audiences.first { $0.audience.id == "journalistes" })
        #expect(journalists.pages.perLanguage == ["fr": 1, "en": 0] && journalists.pages.distinct == 1)
        #expect(journalists.new.perLanguage == ["fr": 1, "en": 0] && journalists.new.distinct == 1)
        #expect(report.totalPages.distinct == 2)  // mission and the undated page
        // 1 January counts inside a period that starts on it; 31 December by its own calendar date.
        let january = try site.report(from: "2026-01-01", to: "2026-01-01")
        #expect(january.audiences[0].new.perLanguage == ["fr": 0, "en": 1])
        let december = try site.report(from: "2026-12-31", to: "2026-12-31")
        #expect(december.audiences[0].new.perLanguage == ["fr": 1, "en": 0])
    }

    @Test func invalidPeriods() {
        #expect(throws: ReportPeriod.Problem.self) { try ReportPeriod(from: "2026-07-01", to: "2026-06-30") }
        #expect(throws: ReportPeriod.Problem.self) { try ReportPeriod(from: "2026-02-30", to: "2026-06-30") }
        #expect(throws: ReportPeriod.Problem.self) { try ReportPeriod(year: 20266) }
    }

    @Test func gitGivesUndatedPagesTheirFirstCommitAndFindsOutdatedTranslations() throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.git("init", "-q")
        try site.git("add", ".")
        try site.git("commit", "-q", "-m", "first", "--date", "2026-03-01T10:00:00+01:00")
        // The undated page now takes the day of its first commit (the author date): new in 2026.
        let dated = try site.report(year: 2026, git: true)
        #expect(dated.undated.isEmpty)
        #expect(dated.audiences.first { $0.audience.id == "employeurs" }?.new.perLanguage["en"] == 2)
        // A minor change to the French source does not make the English translation outdated; a real change does.
        try site.page("fr/mission.md", "translationKey: mission\naudiences: [journalistes, employeurs]\ndate: 2025-06-01\nweight: 1")
        try site.git("commit", "-q", "-am", "Typo [minor]", "--date", "2026-04-01T10:00:00+01:00")
        sleep(1)
        #expect(try site.report(year: 2026, git: true).audiences[0].outdatedTranslations.isEmpty)
        try site.page("fr/mission.md", "translationKey: mission\naudiences: [journalistes, employeurs]\ndate: 2025-06-01\nweight: 2")
        try site.git("commit", "-q", "-am", "New rules", "--date", "2026-05-01T10:00:00+01:00")
        #expect(try site.report(year: 2026, git: true).audiences[0].outdatedTranslations == ["Content/en/assignment.md"])
    }

    @Test func outsideGitLastmodDecides() throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.page("fr/mission.md", "translationKey: mission\naudiences: [journalistes]\ndate: 2025-06-01\nlastmod: 2026-05-01")
        #expect(try site.report(year: 2026).audiences[0].outdatedTranslations == ["Content/en/assignment.md"])
    }
}

extension IndicatorTests {
    /// Every figure of the JSON, for two years.
    @Test func jsonFiguresForTwoYears() throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        func figures(_ year: Int) throws -> [String: Any] {
            let text = IndicatorFormat.json.render(try site.report(year: year))
            return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        }
        func counts(_ object: Any?) -> [String: Int] { (object as? [String: Any])?.compactMapValues { $0 as? Int } ?? [:] }
        let expected: [Int: [String: [[String: Int]]]] = [
            2025: ["journalistes": [["fr": 1, "en": 0, "distinct": 1], ["fr": 1, "en": 0, "distinct": 1]],
                   "employeurs": [["fr": 1, "en": 1, "distinct": 2], ["fr": 1, "en": 0, "distinct": 1]],
                   "saisonniers": [["fr": 0, "en": 0, "distinct": 0], ["fr": 0, "en": 0, "distinct": 0]],
                   "total": [["fr": 1, "en": 1, "distinct": 2], ["fr": 1, "en": 0, "distinct": 1]]],
            2026: ["journalistes": [["fr": 2, "en": 1, "distinct": 2], ["fr": 1, "en": 1, "distinct": 1]],
                   "employeurs": [["fr": 1, "en": 2, "distinct": 2], ["fr": 0, "en": 1, "distinct": 0]],
                   "saisonniers": [["fr": 0, "en": 0, "distinct": 0], ["fr": 0, "en": 0, "distinct": 0]],
                   "total": [["fr": 2, "en": 2, "distinct": 3], ["fr": 1, "en": 1, "distinct": 1]]],
        ]
        for (year, audiences) in expected {
            let json = try figures(year)
            #expect((json["period"] as? [String: String]) == ["from": "\(year)-01-01", "to": "\(year)-12-31"])
            #expect(json["indicator"] as? String == "IS.II.B.1")
            for audience in (json["audiences"] as? [[String: Any]]) ?? [] {
                let id = audience["id"] as? String ?? ""
                #expect([counts(audience["pages"]), counts(audience["new"])] == audiences[id], "\(year) \(id)")
            }
            let total = json["total"] as? [String: Any]
            #expect([counts(total?["pages"]), counts(total?["new"])] == audiences["total"], "\(year) total")
        }
    }

    /// A data file of two countries, whose pages (two countries and the directory, in two languages) are
    /// dedicated to the employers by site.yml.
    func addCountries(_ site: Site, counted: Bool) throws {
        try site.write("site.yml", Self.siteYML + "\ncountries: {audiences: [employeurs]}\n" + (counted ? "indicators: {countDataPages: true}\n" : ""))
        try site.write("Data/countries.yml", """
        sources:
          s: {title: {fr: Source, en: Source}, url: "https://www.example.fr/s"}
        countries:
          - {id: chile, name: {fr: Chili, en: Chile}, slug: {fr: chili, en: chile}, regime: none, regime_source: s, checked: 2026-12-05}
          - {id: peru, name: {fr: Pérou, en: Peru}, slug: {fr: perou, en: peru}, regime: none, regime_source: s, checked: 2026-12-05}

        """)
    }

    /// Off by default: the pages made from data change nothing; on: three groups for the employers, in
    /// each language, new in the year of the data file's first commit.
    @Test func pagesMadeFromDataCountOnlyWhenSiteYMLSaysSo() throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let before = try site.report(year: 2026)
        try addCountries(site, counted: false)
        let off = try site.report(year: 2026)
        #expect(off.audiences.map(\.pages) == before.audiences.map(\.pages))
        #expect(off.totalPages == before.totalPages)
        try addCountries(site, counted: true)
        try site.git("init", "-q")
        try site.git("add", ".")
        try site.git("commit", "-q", "-m", "first", "--date", "2026-03-01T10:00:00+01:00")
        let on = try site.report(year: 2026, git: true)
        let employers = try #require(on.audiences.first { $0.audience.id == "employeurs" })
        let employersBefore = try #require(before.audiences.first { $0.audience.id == "employeurs" })
        #expect(employers.pages.perLanguage["fr"] == (employersBefore.pages.perLanguage["fr"] ?? 0) + 3)
        #expect(employers.pages.distinct == employersBefore.pages.distinct + 3)
        #expect(employers.new.distinct >= 3)
        #expect(on.audiences.first { $0.audience.id == "journalistes" }?.pages == before.audiences.first { $0.audience.id == "journalistes" }?.pages)
        #expect(!on.undated.contains("Data/countries.yml"))
        // Outside git, they count as existing, not new, and the file is listed as undated.
        let outside = try site.report(year: 2026)
        #expect(outside.undated.contains("Data/countries.yml"))
    }
}
