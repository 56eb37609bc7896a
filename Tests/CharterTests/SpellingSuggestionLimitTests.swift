import Charter
import ContentLoading
import Foundation
import Testing

/// The cap on hunspell's suggestions: a page full of unknown words (pasted in the wrong language)
/// must not cost one slow suggestion per word.
struct SpellingSuggestionLimitTests {
    /// Knows no word of `unknownPrefix…`, suggests "mot" for each, and counts the suggestions asked for.
    final class CountingDictionary: SpellingChecking, @unchecked Sendable {
        private let lock = NSLock()
        private var asked: [String] = []

        func isCorrect(_ word: String) -> Bool { !word.hasPrefix("zorb") }

        func suggestions(for word: String, limit: Int) -> [String] {
            lock.withLock { asked.append(word) }
            return ["mot"]
        }

        var askedWords: [String] { lock.withLock { asked } }
    }

    /// `count` different unknown words, one per sentence, from `first` on.
    static func unknownWords(_ count: Int, from first: Int = 0) -> String {
        (first..<(first + count)).map { "Le zorb\(String(repeating: "a", count: $0 % 7 + 1))\(letters($0)) part." }.joined(separator: " ") + "\n"
    }

    /// A word of letters only for a number: digits make a token that is not spelled.
    static func letters(_ number: Int) -> String {
        String(String(number).map { Character(UnicodeScalar(UInt8(ascii: "k") + UInt8(String($0))!)) })
    }

    static func source(_ body: String, file: String) throws -> SourcePage {
        let parsed = try FrontMatterParser.parse(page(body), file: file, audiences: [])
        return SourcePage(language: "fr", path: file, relativePath: String(file.dropFirst("Content/fr/".count)), kind: .page,
                          frontMatter: parsed.frontMatter, body: parsed.body, bodyFirstLine: parsed.bodyFirstLine)
    }

    func check(_ pages: [SourcePage], with dictionary: CountingDictionary) throws -> [Finding] {
        let checker = CharterChecker(settings: try #require(CharterSettings.profile("public")), spelling: ["fr": dictionary])
        return checker.withSpellingSuggestions(pages.flatMap { checker.check($0).findings })
    }

    @Test func onePageGetsSuggestionsForItsFirstWordsOnly() throws {
        let dictionary = CountingDictionary()
        let findings = try check([Self.source(Self.unknownWords(25), file: "Content/fr/collage.md")], with: dictionary).rules(.spelling)
        #expect(findings.count == 25)
        #expect(dictionary.askedWords.count == CharterChecker.suggestedWordsPerPage)
        let suggested = findings.filter { $0.suggestion?.hasPrefix("Did you mean “mot”") == true }
        #expect(suggested.count == CharterChecker.suggestedWordsPerPage)
        // The first ones in the page's order, and the others keep the plain advice.
        #expect(Array(findings.prefix(CharterChecker.suggestedWordsPerPage)).allSatisfy { $0.suggestion?.hasPrefix("Did you mean") == true })
        #expect(findings.dropFirst(CharterChecker.suggestedWordsPerPage).allSatisfy { $0.suggestion?.hasPrefix("Check the spelling") == true })
    }

    @Test func aWordMetBeforeKeepsItsSuggestionBeyondTheCap() throws {
        let dictionary = CountingDictionary()
        // The second page repeats the first page's 10 words, then has 15 new ones.
        let first = try Self.source(Self.unknownWords(10), file: "Content/fr/a.md")
        let second = try Self.source(Self.unknownWords(25), file: "Content/fr/b.md")
        let findings = try check([first, second], with: dictionary).rules(.spelling).filter { $0.file == "Content/fr/b.md" }
        #expect(dictionary.askedWords.count == 20)
        #expect(findings.filter { $0.suggestion?.hasPrefix("Did you mean") == true }.count == 20)
    }

    @Test func theWholeRunHasItsCapToo() throws {
        let dictionary = CountingDictionary()
        let pageCount = CharterChecker.suggestedWordsPerRun / CharterChecker.suggestedWordsPerPage + 3
        let pages = try (0..<pageCount).map { try Self.source(Self.unknownWords(12, from: $0 * 12), file: "Content/fr/p\(Self.letters($0)).md") }
        let findings = try check(pages, with: dictionary).rules(.spelling)
        #expect(findings.count == pageCount * 12)
        #expect(dictionary.askedWords.count == CharterChecker.suggestedWordsPerRun)
        #expect(Set(dictionary.askedWords).count == CharterChecker.suggestedWordsPerRun)
    }
}
