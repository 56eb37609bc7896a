import Spelling

/// `spelling`: words hunspell does not know, after the site's own word list.
///
/// A word the dictionary of another language of the site knows is accepted too: English pages name
/// French bodies ("Caisse des Français de l'étranger"), and French pages quote English terms.
///
/// The words are judged during `CharterChecker.survey`, which caches the verdict per token; this rule
/// turns the misspelled ones into findings, once per word and page.
struct SpellingRule {
    let id = RuleID.spelling
    let checkers: [String: any SpellingChecking]
    /// The Title Case headings' test of names, once per word in a run (`NameShapes`).
    let slipVerdicts = NearWords.Verdicts()

    /// The checker of a language and those of the site's other languages, in a fixed order; nil when the language has none.
    func speller(for language: String) -> Speller? {
        guard let checker = checkers[language] else { return nil }
        return Speller(checker: checker, others: checkers.filter { $0.key != language }.sorted { $0.key < $1.key }.map(\.value))
    }

    struct Speller {
        let checker: any SpellingChecking
        let others: [any SpellingChecking]

        /// The word in the token at `span` when no dictionary of the site knows it.
        func misspelledWord(in scalars: [Unicode.Scalar], _ span: TextSpan) -> String? {
            // "1er", "A1", "883/2004": numbers and form names are not words to spell.
            guard !scalars[span.start..<span.end].contains(where: { Tokenizer.isDigit($0) }),
                  let letters = SpellingRule.wordRange(scalars, span), !SpellingRule.isHandleOrIdentifier(scalars, letters),
                  let word = SpellingRule.word(letters: scalars[letters]),
                  !checker.isCorrect(word), !others.contains(where: { $0.isCorrect(word) }) else { return nil }
            // "qu’Ansible": the unknown word is "Ansible", the one to add to `words` (and to count once, whatever the elision).
            if let rest = SpellChecker.withoutElision(word), !checker.isCorrect(rest), !others.contains(where: { $0.isCorrect(rest) }) {
                return rest
            }
            return word
        }
    }

    func check(_ page: PageAnalysis, misspellings: [PageSurvey.Misspelling]) -> [Finding] {
        var findings: [Finding] = []
        var reported = Set<String>()
        let uses = Dictionary(misspellings.map { ($0.word, 1) }, uniquingKeysWith: +)
        for misspelling in misspellings where reported.insert(misspelling.word).inserted {
            let text = page.document.blocks[misspelling.block].text
            guard let letters = SpellingRule.wordRange(text.scalars, misspelling.span) else { continue }
            // No suggestion here: `CharterChecker.withSpellingSuggestions` adds them afterwards, once per distinct word of the run.
            // The word is the token's letters, or their end after an elision.
            if var finding = page.finding(id, at: text.point(at: letters.upperBound - misspelling.word.unicodeScalars.count),
                                          "“\(misspelling.word)” is not in the dictionary.", suggestion: SpellingRule.defaultSuggestion) {
                finding.subject = misspelling.word
                finding.uses = uses[misspelling.word]
                findings.append(finding)
            }
        }
        return findings
    }

    static let defaultSuggestion = "Check the spelling, or add the word to 'words' in the charter configuration."

    /// The letters of a token without the punctuation around them, as `Capitals.lettersRange`, but with
    /// the parenthesis that opens or closes letters inside the word: "site(s)." → "site(s)", "(open)SSH"
    /// stays whole (letters only would give "site(s" and "open)SSH", which no dictionary knows).
    static func wordRange(_ scalars: [Unicode.Scalar], _ span: TextSpan) -> Range<Int>? {
        guard var letters = Capitals.lettersRange(scalars, span) else { return nil }
        var opened = 0, closed = 0
        for scalar in scalars[letters] {
            if scalar == "(" { opened += 1 } else if scalar == ")" { closed += 1 }
        }
        if closed > opened, letters.lowerBound > span.start, scalars[letters.lowerBound - 1] == "(" {
            letters = (letters.lowerBound - 1)..<letters.upperBound
        }
        if opened > closed, letters.upperBound < span.end, scalars[letters.upperBound] == ")" {
            letters = letters.lowerBound..<(letters.upperBound + 1)
        }
        return letters
    }

    /// A handle or hashtag ("@Tisseo_Reseau", "#greve") or an identifier with an underscore ("max_age"): a name
    /// in a system, written as the system wants, not a word of prose to spell.
    static func isHandleOrIdentifier(_ scalars: [Unicode.Scalar], _ letters: Range<Int>) -> Bool {
        if letters.lowerBound > 0, scalars[letters.lowerBound - 1] == "@" || scalars[letters.lowerBound - 1] == "#" { return true }
        return scalars[letters].contains("_")
    }

    /// The word to spell in the letters of a token without a digit; nil for placeholders, single letters and acronyms.
    static func word(letters: ArraySlice<Unicode.Scalar>) -> String? {
        guard letters.count > 1, !letters.contains(ProseText.placeholder), !Capitals.isCapitalWord(letters) else { return nil }
        return String(String.UnicodeScalarView(letters))
    }
}
