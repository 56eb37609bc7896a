import Configuration
@testable import ContentLoading
import Diagnostics
import Foundation
import Testing

@Suite struct PageLimitScanTests {
    let scan = PageLimitScan(file: "Content/fr/page.md", limits: .standard)
    let frontMatter = "---\ntitle: \"Une page\"\ndescription: \"Une description.\"\naudiences: [a, b]\n---\n"

    func problems(_ body: String, limits: InputLimits = .standard) -> [String] {
        PageLimitScan(file: "Content/fr/page.md", limits: limits).check(frontMatter + body).diagnostics.map(\.description)
    }

    @Test func aPageAboveTheByteLimitIsAnErrorNamingTheKey() {
        let found = problems(String(repeating: "Une phrase.\n\n", count: 10), limits: InputLimits(pageBytes: 100, nesting: 100, tableCells: 100))
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("Content/fr/page.md:1: error: the page is 206 bytes long, more than the limit of 100 (limits.pageBytes)"))
        #expect(found[0].contains("'limits: {pageBytes: …}' in site.yml"))
    }

    @Test(arguments: [
        (String(repeating: ">", count: 50_000) + " a\n", 50_000, 8),
        (String(repeating: "> - ", count: 25_000) + "a\n", 50_000, 8),
        ("- a\n" + (1...150).map { String(repeating: "  ", count: $0) + "- a\n" }.joined(), 101, 108),
        (String(repeating: "*", count: 50_000) + "a" + String(repeating: "*", count: 50_000) + "\n", 50_000, 8),
        (String(repeating: "*a ", count: 300) + "b" + String(repeating: " c*", count: 300) + "\n", 300, 8),
        (String(repeating: "[", count: 200) + "a" + String(repeating: "](b)", count: 200) + "\n", 200, 8),
    ])
    func deepNestingIsAnErrorAtItsLine(body: String, depth: Int, line: Int) {
        let found = problems("Un paragraphe.\n\n" + body)
        #expect(found.count == 1)
        #expect(found.first?.contains("Content/fr/page.md:\(line): error: the text is nested \(depth) levels deep here") == true, "\(found)")
        #expect(found.first?.contains("more than the limit of 100 (limits.nesting)") == true)
    }

    @Test func ordinaryNestingAndStarsAreFine() {
        let body = """
        > - **Gras** et *italique*, _souligné_ [lien *vers* la page](a.md), snake_case_name, 2*3*4*5.
        >   - Niveau **deux ***trois***.**

        ```
        /****************************************************************************************************************/
        [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
        ```

        ***
        """
        #expect(problems(body).isEmpty)
    }

    @Test func theShippedPagesAreWithinTheLimits() throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Content")
        let files = try FileManager.default.subpathsOfDirectory(atPath: content.path).filter { $0.hasSuffix(".md") }
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOf: content.appendingPathComponent(file), encoding: .utf8)
            #expect(scan.check(text).diagnostics.isEmpty, "\(file)")
        }
    }

    @Test func aTableWhoseRowsArePaddedToAWideHeaderIsAnError() {
        let table = "|" + String(repeating: "a|", count: 1_500) + "\n|" + String(repeating: "-|", count: 1_500) + "\n" + String(repeating: "|a|\n", count: 2_000)
        let found = problems("Avant.\n\n" + table + "\nAprès.\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("Content/fr/page.md:8: error: this table makes 3001500 cells (1500 columns, 2001 rows") == true, "\(found)")
        #expect(found.first?.contains("(limits.tableCells)") == true)
    }

    @Test func aHeaderOnlyTableOfSixtyThousandColumnsIsAnError() {
        let table = "|" + String(repeating: "a|", count: 60_000) + "\n|" + String(repeating: "-|", count: 60_000) + "\n"
        let found = problems(table)
        #expect(found.first?.hasPrefix("Content/fr/page.md:6: error: this table makes 60000 cells (60000 columns, 1 row: ") == true, "\(found)")
    }

    @Test func ordinaryTablesAndSetextHeadingsAreFine() {
        let rows = (1...400).map { "| \($0) | b | c | d | e |" }.joined(separator: "\n")
        #expect(problems("Titre\n---\n\n| 1 | 2 | 3 | 4 | 5 |\n|---|:-:|---|---|--:|\n" + rows + "\n\nTexte | avec | barres\n").isEmpty)
        let wide = "|" + String(repeating: "a|", count: 20) + "\n|" + String(repeating: "-|", count: 20) + "\n" + String(repeating: "|a|\n", count: 600)
        #expect(problems(wide).first?.contains("error: this table makes 12020 cells") == true)
    }

    @Test func aNULIsReplacedWithAWarningAtItsLine() {
        let result = scan.check(frontMatter + "Avant.\n\nMilieu \u{0} et \u{0}.\n\nFin.\n")
        #expect(result.text == frontMatter + "Avant.\n\nMilieu \u{FFFD} et \u{FFFD}.\n\nFin.\n")
        #expect(result.diagnostics.map(\.description) == [
            "Content/fr/page.md:8: warning: a NUL character (an invisible zero byte) was replaced by '\u{FFFD}' on line 8\n"
                + "    hint: remove it: it usually comes from a copy out of a binary file or a broken export",
        ])
    }

    @Test func theLoaderRefusesAPageAboveALimitAndKeepsTheNULWarning() {
        let limits = InputLimits(pageBytes: 1_000, nesting: 3, tableCells: 100)
        let deep = ContentLoader.parsePage(frontMatter + "> > > > a\n", language: "fr", relativePath: "page.md", audiences: ["a", "b"], limits: limits)
        guard case .failure(let error) = deep else { Issue.record("a page nested 4 deep passed a limit of 3"); return }
        #expect(error.diagnostics.map(\.location.description) == ["Content/fr/page.md:6"])
        let nul = ContentLoader.parsePage(frontMatter + "a\u{0}b\n", language: "fr", relativePath: "page.md", audiences: ["a", "b"], limits: limits)
        guard case .success(let (page, warnings)) = nul else { Issue.record("a NUL stopped the page"); return }
        #expect(page.body == "a\u{FFFD}b\n")
        #expect(warnings.map(\.location.description) == ["Content/fr/page.md:6"])
    }
}
