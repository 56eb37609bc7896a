/// `spelling`: words hunspell does not know, after the site's own word list.
struct SpellingRule: CharterRule {
    let id = RuleID.spelling
    let checkers: [String: any SpellingChecking]

    func check(_ page: PageAnalysis) -> [Finding] {
        guard let checker = checkers[page.language] else { return [] }
        var findings: [Finding] = []
        var reported = Set<String>()
        for (block, _, words) in page.proseBlocks {
            for span in words {
                let token = block.text.scalars[span.start..<span.end]
                guard let word = SpellingRule.word(token), !reported.contains(word), !checker.isCorrect(word) else { continue }
                reported.insert(word)
                let suggestions = checker.suggestions(for: word, limit: 3)
                if let finding = page.finding(id, at: block.text.point(at: token.firstIndex { $0.properties.isAlphabetic } ?? span.start),
                                              "“\(word)” is not in the dictionary.",
                                              suggestion: suggestions.isEmpty ? "Check the spelling, or add the word to 'words' in the charter configuration."
                                                                              : "Did you mean \(suggestions.map { "“\($0)”" }.joined(separator: ", "))?") {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    /// The word inside a token, without surrounding punctuation; nil for numbers, placeholders and acronyms.
    static func word(_ token: ArraySlice<Unicode.Scalar>) -> String? {
        var core = Array(token)
        while let first = core.first, !first.properties.isAlphabetic { core.removeFirst() }
        while let last = core.last, !last.properties.isAlphabetic { core.removeLast() }
        guard core.count > 1, !core.contains(where: { $0.properties.numericType != nil || $0 == ProseText.placeholder }) else { return nil }
        let word = String(String.UnicodeScalarView(core))
        return Capitals.isCapitalWord(word) ? nil : word
    }
}
