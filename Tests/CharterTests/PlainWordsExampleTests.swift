import Foundation
import Testing
@testable import Charter

/// Every entry of the built-in plain-words lists reads correctly in a real sentence: its example, with the
/// phrase replaced by one of its wordings, is the rewrite written beside it (`Resources/README.md`).
@Suite struct PlainWordsExampleTests {
    static func resourceText(_ language: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/Charter/Resources/plain-words.\(language).yml")
        return try String(contentsOf: url.standardizedFileURL, encoding: .utf8)
    }

    /// `scalars` with `count` characters at `position` replaced by `wording`, capitalised when the phrase was.
    /// A phrase that ends with an elision ("afin d'") is followed by a space when its wording is not ("pour ").
    static func substitute(_ wording: String, in scalars: [Unicode.Scalar], at position: Int, count: Int) -> String {
        let elided = scalars[position + count - 1] == "'" || scalars[position + count - 1] == "’"
        var replacement = elided && !wording.hasSuffix("'") ? wording + " " : wording
        if scalars[position].properties.isUppercase, let first = replacement.first {
            replacement = first.uppercased() + replacement.dropFirst()
        }
        let before = String(String.UnicodeScalarView(scalars[..<position]))
        let after = String(String.UnicodeScalarView(scalars[(position + count)...]))
        return before + replacement + after
    }

    @Test(arguments: ["fr", "en"]) func everyEntryReadsCorrectlyInItsExample(language: String) throws {
        let entries = PlainWordsFile.entries(language: language)
        // No entry of the file is dropped by the loader (a missing phrase or suggestion).
        let listed = try Self.resourceText(language).components(separatedBy: "\n").count { $0.hasPrefix("- phrase:") }
        #expect(entries.count == listed && listed > 50)
        let index = PlainWordIndex(PlainWordsFile.load(language: language))
        for entry in entries {
            let phrase = entry.word.phrase
            guard let example = entry.example, let rewrite = entry.rewrite else {
                Issue.record("“\(phrase)” has no example and rewrite")
                continue
            }
            let scalars = Array(example.unicodeScalars)
            // The entry fires in its example, and nothing else does: the rewrite is the whole plain sentence.
            let matches = index.matches(in: scalars)
            guard matches.count == 1, let match = matches.first, match.word.phrase == phrase else {
                Issue.record("the example of “\(phrase)” gives \(matches.map(\.word.phrase)): \(example)")
                continue
            }
            let rewrites = entry.word.alternatives.map { Self.substitute($0, in: scalars, at: match.position, count: match.word.folded.count) }
            #expect(rewrites.contains(rewrite), "“\(phrase)”: \(rewrites) ≠ \(rewrite)")
            for sentence in entry.untouched {
                #expect(index.matches(in: Array(sentence.unicodeScalars)).isEmpty, "“\(phrase)” must leave this alone: \(sentence)")
            }
        }
    }

    @Test func theKnownBadSubstitutionsAreGone() throws {
        let (french, _) = try checkPage(page("En cas de maladie, prévenez votre caisse. En cas de besoin, appelez-nous.\n"))
        #expect(french.rules(.plainWords).map(\.suggestion) == ["Write “si besoin”."])
        let (english, _) = try checkPage(page("Your team must implement TLS on every service.\n"), language: "en", file: "Content/en/page.md")
        #expect(english.rules(.plainWords).map(\.suggestion) == ["Write “set up”, “put in place” or “carry out”."])
    }
}
