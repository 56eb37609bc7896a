/// `spelling`: words hunspell does not know, after the site's own word list.
///
/// A word the dictionary of another language of the site knows is accepted too: English pages name
/// French bodies ("Caisse des Français de l'étranger"), and French pages quote English terms.
struct SpellingRule {
    let id = RuleID.spelling
    let checkers: [String: any SpellingChecking]

    /// `cache`: the verdicts of the calling thread for the page's language (see `WordCaches`).
    func check(_ page: PageAnalysis, cache: inout ScalarKeyTable<String?>) -> [Finding] {
        guard let checker = checkers[page.language] else { return [] }
        let others = checkers.filter { $0.key != page.language }.sorted { $0.key < $1.key }.map(\.value)
        var findings: [Finding] = []
        var reported = Set<String>()
        for (block, _, words) in page.proseBlocks {
            let scalars = block.text.scalars
            for span in words {
                let misspelled = cache.value(for: scalars[span.start..<span.end]) {
                    // "1er", "A1", "883/2004": numbers and form names are not words to spell.
                    guard !scalars[span.start..<span.end].contains(where: { Tokenizer.isDigit($0) }),
                          let letters = Capitals.lettersRange(scalars, span), let word = SpellingRule.word(letters: scalars[letters]),
                          !checker.isCorrect(word), !others.contains(where: { $0.isCorrect(word) }) else { return nil }
                    return word
                }
                guard let word = misspelled, reported.insert(word).inserted, let letters = Capitals.lettersRange(scalars, span) else { continue }
                // No suggestion here: hunspell's search is cut by a CPU-time budget shared by the process, so
                // suggestions made on parallel threads would vary from run to run. `CharterChecker` adds them afterwards.
                if var finding = page.finding(id, at: block.text.point(at: letters.lowerBound),
                                              "“\(word)” is not in the dictionary.", suggestion: SpellingRule.defaultSuggestion) {
                    finding.subject = word
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    static let defaultSuggestion = "Check the spelling, or add the word to 'words' in the charter configuration."

    /// The word to spell in the letters of a token without a digit; nil for placeholders, single letters and acronyms.
    static func word(letters: ArraySlice<Unicode.Scalar>) -> String? {
        guard letters.count > 1, !letters.contains(ProseText.placeholder), !Capitals.isCapitalWord(letters) else { return nil }
        return String(String.UnicodeScalarView(letters))
    }
}
