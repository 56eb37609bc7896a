import Charter
import ContentLoading
import Foundation
import Testing

/// Columns on the lines of a paragraph after its first, whatever their container markers (lazy continuation lines of
/// list items and block quotes, `>` without a space, tabs, nested lists), and `--fix` on them.
@Suite struct ContinuationLineTests {
    static let body = """
    - a : b
    c : d ; [cliquez ici](x.md) !

    >a : b
    > c : d
    >\te : f

    * un : deux
     trois : quatre

    10) dix : onze
    douze : treize
         quatorze : quinze

    - > cité : oui
      > dedans : aussi
    dehors : paresseux

    > 1. liste : citée
    >    suite : indentée
    >suite : collée
    suite : nue

    -\ttab : un
    \t  tab : deux
     \ttab : trois

      - retrait : deux
     lazy : oui
       `code` : après
    Titre : setext
    ===

    """

    @Test func everyMarkIsReportedWhereItIsInTheFile() throws {
        let text = page(Self.body)
        let lines = text.components(separatedBy: "\n").map { Array($0.unicodeScalars) }
        let findings = try checkPage(text).findings
        let marks: Set<Unicode.Scalar> = [":", ";", "!"]
        var expected: Set<String> = []
        for (index, line) in lines.enumerated() where index >= 4 {
            for (column, scalar) in line.enumerated() where marks.contains(scalar) { expected.insert("typography:\(index + 1):\(column + 1)") }
        }
        #expect(Set(findings.rules(.typography).positions) == expected)
        for finding in findings.rules(.typography) {
            let fix = try #require(finding.fix)
            let original = Array(fix.original.unicodeScalars)
            #expect(Array(lines[fix.line - 1].dropFirst(fix.column - 1).prefix(original.count)) == original, "\(finding.compilerStyle)")
        }
        #expect(findings.rules(.linkText).positions == ["link-text:6:9"])
    }

    @Test func fixAppliesEveryFixItReportsOrSaysWhyNot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("continuation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("page.md")
        // The last line's "!" is an escape: the file does not have " !" where the text reads it.
        try Data(page(Self.body + "\nFin \\!\n").utf8).write(to: file)
        let findings = try checkPage(try String(contentsOf: file, encoding: .utf8)).findings.rules(.typography)
        let outcome = TypographyFixer.apply(findings.compactMap(\.fix), to: file)
        guard case .fixed(let count, let notApplied) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(count == findings.count - 1)
        #expect(notApplied.map { "\($0.fix.line):\($0.fix.column)" } == ["38:4"])
        #expect(notApplied.first?.reason.contains("fix it by hand") == true)
        let remaining = try checkPage(try String(contentsOf: file, encoding: .utf8)).findings.rules(.typography)
        // Still reported, at the escape `\!`.
        #expect(remaining.positions == ["typography:38:5"])
    }
}
