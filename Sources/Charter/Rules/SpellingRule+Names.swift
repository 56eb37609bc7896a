/// An unknown word the spelling rule took for a name (`NameShapes`) and did not report: kept in the page's
/// statistics so that `check --unknown-words` can list the names apart from the misspellings, for an editor
/// to add the right ones to `words:`.
public struct UnknownName: Sendable, Hashable {
    public var word: String
    /// Its first use on the page.
    public var line: Int
    public var column: Int
    /// How many times the page uses it.
    public var uses: Int
}

extension SpellingRule {
    /// The unknown words of a page split into misspellings, which the rule reports, and names, which it does not.
    /// A word taken for a name once is a name everywhere on the page: "Osei" mid-sentence vouches for "Osei" at
    /// the start of another sentence.
    func separatingNames(_ page: PageAnalysis, _ unknown: [PageSurvey.Misspelling])
        -> (misspellings: [PageSurvey.Misspelling], names: [PageSurvey.Misspelling]) {
        guard !unknown.isEmpty, let speller = speller(for: page.language) else { return (unknown, []) }
        var positions: [Int: WordPositions] = [:]
        var names = Set<String>()
        for misspelling in unknown where !names.contains(misspelling.word) {
            let block = positions[misspelling.block] ?? WordPositions(page: page, block: misspelling.block)
            positions[misspelling.block] = block
            guard let letters = SpellingRule.wordRange(block.scalars, misspelling.span) else { continue }
            // The word after an elision ("qu'Ansible" → "Ansible") never opens its sentence: its elision does.
            let opens = letters.count == misspelling.word.unicodeScalars.count && block.opensASentence(misspelling.span, letters: letters.lowerBound)
            let lookups = NameShapes.Lookups(
                knows: { speller.knows($0) }, isOneSlipFromASiteWord: { speller.checker.isOneSlipFromASiteWord($0) },
                isOneSlipFromACommonWord: block.isTitleCaseHeading ? { speller.isOneSlipFromACommonWord($0, language: page.language, verdicts: slipVerdicts) } : nil)
            if NameShapes.isName(misspelling.word, opensASentence: opens, lookups) {
                names.insert(misspelling.word)
            }
        }
        return (unknown.filter { !names.contains($0.word) }, unknown.filter { names.contains($0.word) })
    }

    /// The names of a page, once each, at their first use, in the order of the text.
    func unknownNames(_ page: PageAnalysis, _ names: [PageSurvey.Misspelling]) -> [UnknownName] {
        var result: [UnknownName] = []
        var indices: [String: Int] = [:]
        for name in names {
            if let index = indices[name.word] {
                result[index].uses += 1
                continue
            }
            let text = page.document.blocks[name.block].text
            guard let letters = SpellingRule.wordRange(text.scalars, name.span) else { continue }
            let point = text.point(at: letters.upperBound - name.word.unicodeScalars.count)
            indices[name.word] = result.count
            result.append(UnknownName(word: name.word, line: point.line, column: point.column, uses: 1))
        }
        return result
    }
}

extension SpellingRule.Speller {
    /// Whether a dictionary of the site accepts the word (a part of a compound name: "de" in "Saint-Jean-de-Luz").
    func knows(_ word: String) -> Bool {
        checker.isCorrect(word) || others.contains { $0.isCorrect(word) }
    }

    /// Whether the word is one slip from a word the page's dictionary holds in lowercase (`NearWords`). Only the page's
    /// language: a heading in Title Case is written in it, and each other dictionary would add as many lookups.
    func isOneSlipFromACommonWord(_ word: String, language: String, verdicts: NearWords.Verdicts) -> Bool {
        verdicts.verdict(language: language, word: word) {
            NearWords.isOneSlipFromACommonWord(word, alphabet: NearWords.alphabet(for: language), knows: checker.knowsAsWritten)
        }
    }
}

extension SpellingChecking {
    public func knowsAsWritten(_ word: String) -> Bool { isCorrect(word) }
    public func isOneSlipFromASiteWord(_ word: String) -> Bool { false }
}
