import Diagnostics
import Foundation
import Testing
@testable import SiteBuilder

/// `Data/countries.yml` is read like a page: never through a link that leaves the site, and bounded.
@Suite struct DataFileTests {
    func buildErrors(_ site: TestSite) -> [Diagnostic] {
        do {
            try site.build()
            return []
        } catch let error as DiagnosticsError {
            return error.diagnostics.errors
        } catch {
            return [.error(SourceLocation(file: "?"), "\(error)")]
        }
    }

    @Test func aLinkOutOfTheSiteIsNotRead() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("cleiss-outside-\(UUID().uuidString).yml")
        try TestSite.countriesYML.write(to: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("Data"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("Data/countries.yml"), withDestinationURL: outside)
        let errors = buildErrors(site)
        #expect(errors.count == 1)
        #expect(errors.first?.location.file == "Data/countries.yml")
        #expect(errors.first?.message.contains("outside the site") == true)
        #expect(site.read("fr/pays/index.html") == nil)
    }

    @Test func aFileAboveTheLimitIsAnError() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.write("Data/countries.yml", TestSite.countriesYML + "# " + String(repeating: "x", count: 2_000_000) + "\n")
        let errors = buildErrors(site)
        #expect(errors.map(\.message).contains { $0.hasPrefix("the file has ") && $0.hasSuffix("bytes, more than 2000000") })
    }

    @Test func withoutTheFileThereIsNoDirectory() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.write("site.yml", TestSite.siteYML + TestSite.countriesSettings)
        try site.build()
        #expect(site.read("fr/publics/employeurs/index.html")?.contains("/fr/pays/") == false)
        try site.write("Data/countries.yml", TestSite.countriesYML)
        try site.build()
        #expect(site.read("fr/publics/employeurs/index.html")?.contains("href=\"/fr/pays/\"") == true)
        #expect(site.read("en/countries/algeria/index.html")?.contains("<title>Algeria — Rules country by country — Cleiss</title>") == true)
    }

    /// A file of Data/ that the build does not read is a warning: it would otherwise be left out without a word.
    @Test func anotherFileOfDataIsAWarning() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.write("Data/country.yml", TestSite.countriesYML)
        let report = try site.build()
        #expect(report.warnings.contains { $0.location.file == "Data/country.yml" && $0.message.hasPrefix("the build does not read this file") })
        #expect(site.read("fr/pays/index.html") == nil)
    }
}
