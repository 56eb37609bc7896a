/// `spelling`: words hunspell does not know, after the site's own word list.
///
/// A word the dictionary of another language of the site knows is accepted too: English pages name
/// French bodies ("Caisse des Français de l'étranger"), and French pages quote English terms.
struct SpellingRule: CharterRule {
    let id = RuleID.spelling
    let checkers: [String: any SpellingChecking]

    func check(_ page: PageAnalysis) -> [Finding] {
        guard let checker = checkers[page.language] else { return [] }
        let others = checkers.filter { $0.key != page.language }.sorted { $0.key < $1.key }.map(\.value)
        var findings: [Finding] = []
        var reported = Set<String>()
        for (block, _, words) in page.proseBlocks {
            for span in words {
                let token = block.text.scalars[span.start..<span.end]
                guard let word = SpellingRule.word(token), !reported.contains(word), !checker.isCorrect(word),
                      !others.contains(where: { $0.isCorrect(word) }) else { continue }
                reported.insert(word)
                // No suggestion here: hunspell's search is cut by a CPU-time budget shared by the process, so
                // suggestions made on parallel threads would vary from run to run. `CharterChecker` adds them afterwards.
                if var finding = page.finding(id, at: block.text.point(at: token.firstIndex { Tokenizer.isLetter($0) } ?? span.start),
                                              "“\(word)” is not in the dictionary.", suggestion: SpellingRule.defaultSuggestion) {
                    finding.subject = word
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    static let defaultSuggestion = "Check the spelling, or add the word to 'words' in the charter configuration."

    /// The word inside a token, without surrounding punctuation; nil for numbers, placeholders and acronyms.
    static func word(_ token: ArraySlice<Unicode.Scalar>) -> String? {
        // "1er", "A1", "883/2004": numbers and form names are not words to spell.
        guard !token.contains(where: { Tokenizer.isDigit($0) }) else { return nil }
        guard let word = Capitals.letters(token), word.unicodeScalars.count > 1,
              !word.unicodeScalars.contains(ProseText.placeholder) else { return nil }
        return Capitals.isCapitalWord(word) ? nil : word
    }
}
