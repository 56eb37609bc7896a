import Syllables

/// What the checker needs to know of a token of prose, worked out once per distinct token and thread.
struct TokenFacts {
    /// The token holds a letter and is no address: it counts as a word for readability.
    var isWord: Bool
    var syllables: Int
    /// The word in the token when it is misspelled; nil when it is fine, not a word to check, or spelling is off.
    var misspelled: String?
}

/// One pass over the words of a page's prose for the statistics and the spelling rule: one cache
/// lookup per word serves both.
struct PageSurvey {
    var statistics: PageStatistics
    /// The misspelled words, in the order of the text.
    var misspellings: [Misspelling]

    struct Misspelling {
        var block: Int
        var span: TextSpan
        var word: String
    }
}

extension CharterChecker {
    /// Words, sentences and syllables of the prose (headings excluded), the readability score of the page's
    /// language, and the misspelled words (headings included: a typo in a heading is the most visible one).
    func survey(_ page: PageAnalysis, facts: inout ScalarKeyTable<TokenFacts>) -> PageSurvey {
        var words = 0, sentences = 0, syllableCount = 0
        var misspellings: [PageSurvey.Misspelling] = []
        let counter = syllables[page.language]
        let spelling = spellingRule?.speller(for: page.language)
        for index in page.document.blocks.indices {
            let isHeading = if case .heading = page.document.blocks[index].kind { true } else { false }
            if !isHeading { sentences += page.sentences[index].count }
            let scalars = page.document.blocks[index].text.scalars
            // Tokens as slices of the text's buffer: an array slice would retain and release the array for each one.
            scalars.withUnsafeBufferPointer { buffer in
                for span in page.words[index] {
                    let token = buffer[span.start..<span.end]
                    let tokenFacts = facts.value(for: token) {
                        // A web or e-mail address is no word to read (`AddressToken`).
                        let isWord = token.contains { Tokenizer.isLetter($0) } && !AddressToken.isAddress(token)
                        return TokenFacts(isWord: isWord,
                                          syllables: isWord ? counter?.syllables(in: String(String.UnicodeScalarView(token))) ?? 0 : 0,
                                          misspelled: spelling?.misspelledWord(in: scalars, span))
                    }
                    if tokenFacts.isWord && !isHeading {
                        words += 1
                        syllableCount += tokenFacts.syllables
                    }
                    if let word = tokenFacts.misspelled { misspellings.append(.init(block: index, span: span, word: word)) }
                }
            }
        }
        var statistics = PageStatistics(file: page.file, language: page.language, words: words, sentences: sentences, syllables: syllableCount)
        if counter != nil, words > 0, sentences > 0 {
            statistics.readability = Readability.score(language: page.language, words: words, sentences: sentences, syllables: syllableCount)
        }
        return PageSurvey(statistics: statistics, misspellings: misspellings)
    }
}
