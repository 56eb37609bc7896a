import Testing
@testable import Charter

/// How findings are matched with labels: by rule and line, and by word when the label gives one.
struct LabelledCorpusTests {
    func finding(_ rule: RuleID, line: Int, message: String, subject: String? = nil) -> Finding {
        var finding = Finding(file: "Content/fr/p.md", at: SourcePoint(line: line, column: 1), rule: rule, severity: .warning, message: message)
        finding.subject = subject
        return finding
    }

    func labels(_ texts: [String]) throws -> [LabelledCorpus.Label] {
        try texts.map { try #require(LabelledCorpus.label($0)) }
    }

    @Test func aLabelWithAWordTakesOnlyAFindingAboutThatWord() throws {
        var comparison = CorpusComparison()
        // "MD" reported for MD5 is a false alarm and MD5 a miss; AES on the same line is found.
        comparison.compare(page: "fr/p.md", found: [
            finding(.acronymExpansion, line: 14, message: "“MD” is used before it is written out in full."),
            finding(.acronymExpansion, line: 14, message: "“AES” is used before it is written out in full."),
        ], expected: try labels(["acronym-expansion:14:MD5", "acronym-expansion:14:AES"]))
        let score = try #require(comparison.scores[.acronymExpansion])
        #expect((score.truePositives, score.falsePositives, score.falseNegatives) == (1, 1, 1))
        #expect(comparison.falseAlarms.map(\.text) == ["fr/p.md:14 acronym-expansion “MD”"])
        #expect(comparison.misses.map(\.text) == ["fr/p.md:14 acronym-expansion “MD5”"])
    }

    @Test func anElisionOrAHyphenatedPartStillNamesTheWord() throws {
        var comparison = CorpusComparison()
        comparison.compare(page: "fr/p.md", found: [
            finding(.spelling, line: 3, message: "“d’ortographe” is not in the dictionary.", subject: "d’ortographe"),
            finding(.spelling, line: 4, message: "“Reflechissez-y” is not in the dictionary.", subject: "Reflechissez-y"),
        ], expected: try labels(["spelling:3:ortographe", "spelling:4:reflechissez"]))
        #expect(comparison.scores[.spelling]?.truePositives == 2)
        #expect(comparison.falseAlarms.isEmpty && comparison.misses.isEmpty)
    }

    @Test func labelsWithoutAWordAreCountedPerLine() throws {
        var comparison = CorpusComparison()
        let long = finding(.sentenceLength, line: 31, message: "This sentence has 26 words (at most 25).")
        comparison.compare(page: "fr/p.md", found: [long, long, long, finding(.sentenceLength, line: 40, message: "x")],
                           expected: try labels(["sentence-length:31", "sentence-length:31", "sentence-length:35"]))
        let score = try #require(comparison.scores[.sentenceLength])
        #expect((score.truePositives, score.falsePositives, score.falseNegatives) == (2, 2, 1))
        #expect(comparison.misses.map(\.text) == ["fr/p.md:35 sentence-length"])
    }

    @Test func aLabelThatIsNotRuleColonLineIsRefused() {
        #expect(LabelledCorpus.label("spelling") == nil)
        #expect(LabelledCorpus.label("spelling:x") == nil)
        #expect(LabelledCorpus.label("no-such-rule:3") == nil)
        #expect(LabelledCorpus.label("plain-words:12:en cas de")?.word == "en cas de")
    }
}
