import Charter
import Testing

/// cmark-gfm's autolink extension splits a text node after an e-mail address (or a `www.` address) into nodes it
/// makes after parsing, with no source position: what follows the address must still be reported where it is.
@Suite struct AutolinkPositionTests {
    @Test func findingsAfterAnEmailAddressKeepTheirLineAndColumn() throws {
        let text = page("""

        Un premier paragraphe.

        Écrivez à a@b.fr ou à c@d.fr : puis lisez la suite !
        Voir www.exemple.fr avant le 15 : merci !
        """)
        let findings = try checkPage(text).findings.rules(.typography)
        // Each finding points at its mark (after the space); the marks sit after the addresses on lines 8 and 9 (front matter and blank lines counted).
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let expected = [(8, " :"), (8, " !"), (9, " :"), (9, " !")].map { line, mark in
            "typography:\(line):\(lines[line - 1].distance(of: mark) + 2)"
        }
        #expect(findings.positions == expected)
    }
}

private extension String {
    /// The column (0-based, in Unicode scalars) of the first occurrence of `needle`: the charter's unit.
    func distance(of needle: String) -> Int {
        let scalars = Array(unicodeScalars), target = Array(needle.unicodeScalars)
        return (0...(scalars.count - target.count)).first { Array(scalars[$0..<$0 + target.count]) == target }!
    }
}
