import Testing
@testable import Indicators

/// The CSV outputs of `report` (the indicator and `report pages`) go to spreadsheets.
@Suite struct CSVFieldTests {
    @Test func fieldsWithALineBreakACommaOrAQuoteAreQuotedAsRFC4180Says() {
        #expect(IndicatorCSV.field("Un titre\nsur deux lignes") == "\"Un titre\nsur deux lignes\"")
        #expect(IndicatorCSV.field("retour\rchariot") == "\"retour\rchariot\"")
        #expect(IndicatorCSV.field("a\r\nb") == "\"a\r\nb\"")
        #expect(IndicatorCSV.field("Paris, Lyon") == "\"Paris, Lyon\"")
        #expect(IndicatorCSV.field("Le \"Cleiss\"") == "\"Le \"\"Cleiss\"\"\"")
        #expect(IndicatorCSV.field("simple") == "simple")
        #expect(IndicatorCSV.field("2026-01-01") == "2026-01-01")
    }

    @Test func aFieldASpreadsheetWouldRunAsAFormulaIsShownAsText() {
        #expect(IndicatorCSV.field("=HYPERLINK(\"https://evil.example\";\"clic\")") == "\"'=HYPERLINK(\"\"https://evil.example\"\";\"\"clic\"\")\"")
        #expect(IndicatorCSV.field("+33 1 45 26 33 41") == "'+33 1 45 26 33 41")
        #expect(IndicatorCSV.field("-2+3") == "'-2+3")
        #expect(IndicatorCSV.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(IndicatorCSV.field("\tx") == "'\tx")
        #expect(IndicatorCSV.field("\rx") == "\"'\rx\"")
        #expect(IndicatorCSV.field("a=b") == "a=b")
    }

    @Test func thePageInventoryQuotesAndGuardsItsFields() {
        let row = InventoryRow(language: "fr", file: "Content/fr/x.md", url: "/fr/x/", title: "=HYPERLINK(\"https://evil.example\")\nsuite",
                               audiences: [], date: nil, lastmod: nil, draft: false, sources: 2, measures: nil, translation: .source)
        let lines = PageInventory.csv([row]).components(separatedBy: "\r\n")
        #expect(lines[1] == "fr,Content/fr/x.md,/fr/x/,\"'=HYPERLINK(\"\"https://evil.example\"\")\nsuite\",,,,false,2,,,,,source,false")
    }
}
