import Foundation
import Testing
@testable import SiteBuilder

@Suite struct WeightBudgetTests {
    @Test func theShippedPagesAreWithinTheBudget() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        let report = try site.build()
        #expect(report.weightSummary.hasPrefix("weight: heaviest page /"))
        #expect(report.weightSummary.hasSuffix("0 over, 0 with a script, of 7 pages"), "\(report.weightSummary)")
        #expect(!report.warnings.contains { $0.message.contains("budget") || $0.message.contains("<script>") })
    }

    /// Numbers that gzip cannot shorten much (pseudo-random digits, no words for the spelling
    /// checker): one list item of ten 6-digit numbers per line.
    static func incompressibleText(lines: Int) -> String {
        var state: UInt64 = 42
        return (0..<lines).map { _ in
            "- " + (0..<10).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return String(format: "%06d", Int(state >> 33) % 1_000_000)
            }.joined(separator: " ")
        }.joined(separator: "\n")
    }

    @Test func aHeavyPageIsAWarningInItsMarkdownFile() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        let heavy = "Content/fr/travailler/lourde.md"
        try site.write(heavy, TestSite.page(title: "Page lourde", description: "Une page trop lourde.",
                                            body: Self.incompressibleText(lines: 2_000) + "\n"))
        let report = try site.build()
        let warning = try #require(report.warnings.first { $0.message.contains("over the budget of 50.0 KB") })
        #expect(warning.location.file == heavy)
        #expect(report.weightSummary.contains("heaviest page /fr/travailler/lourde/") && report.weightSummary.contains("1 over"), "\(report.weightSummary)")
    }

    @Test func aScriptInAPageOfContentIsAWarning() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        let template = "Themes/default/templates/page.mustache"
        let text = try String(contentsOf: site.root.appendingPathComponent(template), encoding: .utf8)
        try site.write(template, text.replacingOccurrences(of: "</article>", with: "<script src=\"/assets/x.js\"></script>\n</article>"))
        let report = try site.build()
        #expect(report.warnings.contains { $0.message.contains("has a <script>") && $0.location.file.hasSuffix(".md") })
        #expect(report.weightSummary.contains("with a script") && !report.weightSummary.contains(" 0 with a script"), "\(report.weightSummary)")
    }
}
