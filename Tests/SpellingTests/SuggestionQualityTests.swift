import Foundation
import Testing
@testable import Spelling

/// How good the first suggestion is, on slips writers make (`TypoLists`): the word meant must come first
/// for most of them. With CLEISS_COMPARE_HUNSPELL=1 the test also asks hunspell's own search (~0.1 s a
/// word) and prints both scores and how often the two agree.
@Suite("Suggestion quality")
struct SuggestionQualityTests {
    @Test(arguments: [("fr", 0.9), ("en", 0.9)])
    func theWordMeantComesFirst(language: String, floor: Double) throws {
        let checker = language == "fr" ? Checkers.french : Checkers.english
        let typos = language == "fr" ? TypoLists.french : TypoLists.english
        #expect(typos.count >= 100)
        var first = 0, inTopThree = 0, hunspellFirst = 0, agree = 0
        let compare = ProcessInfo.processInfo.environment["CLEISS_COMPARE_HUNSPELL"] == "1"
        var misses: [String] = []
        for (typo, meant) in typos {
            #expect(!checker.isCorrect(typo) && checker.isCorrect(meant), "\(typo) \(meant)")
            let ours = checker.suggestions(for: typo, limit: 3)
            if ours.first == meant { first += 1 } else { misses.append("\(typo)→\(ours)") }
            if ours.contains(meant) { inTopThree += 1 }
            if compare {
                let theirs = checker.dictionary.suggest(typo).first
                if theirs == meant { hunspellFirst += 1 }
                if theirs == ours.first { agree += 1 }
            }
        }
        let count = Double(typos.count)
        print("[\(language)] \(typos.count) typos: index first \(first) (\(percent(first, count))), in the first three \(inTopThree) (\(percent(inTopThree, count)))"
              + (compare ? "; hunspell first \(hunspellFirst) (\(percent(hunspellFirst, count))); same first suggestion \(agree) (\(percent(agree, count)))" : ""))
        print("[\(language)] misses: \(misses.joined(separator: ", "))")
        #expect(Double(first) / count >= floor)
    }

    func percent(_ value: Int, _ total: Double) -> String { String(format: "%.0f %%", 100 * Double(value) / total) }
}
