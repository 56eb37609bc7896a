/// `sentence-length`: a sentence over the warning threshold (25 words) is a warning, over the error threshold (40) an error.
struct SentenceLengthRule: CharterRule {
    let id = RuleID.sentenceLength

    func check(_ page: PageAnalysis) -> [Finding] {
        let settings = page.settings
        return page.proseBlocks.flatMap { block, sentences, words in
            sentences.compactMap { sentence -> Finding? in
                let count = PageAnalysis.count(words, in: sentence) - Self.digitGroupCount(words, in: sentence, of: block.text.scalars)
                guard count > settings.sentenceWarning else { return nil }
                let severity: FindingSeverity? = count > settings.sentenceError ? .error : nil
                let limit = count > settings.sentenceError ? settings.sentenceError : settings.sentenceWarning
                return page.finding(id, at: block.text.point(at: sentence.start),
                                    "This sentence has \(count) words (at most \(limit)).",
                                    suggestion: "Split it into shorter sentences, one idea each.", severity: severity)
            }
        }
    }
}

extension SentenceLengthRule {
    /// How many words of `sentence` are only the next group of three digits of a number written with spaces
    /// ("40 000", "1 234 567", the French and SI way): a number is one word, however it is spaced.
    static func digitGroupCount(_ words: [TextSpan], in sentence: TextSpan, of text: [Unicode.Scalar]) -> Int {
        var low = 0, high = words.count
        while low < high { let middle = (low + high) / 2; if words[middle].start < sentence.start { low = middle + 1 } else { high = middle } }
        var count = 0
        var index = low + 1
        while index < words.count && words[index].start < sentence.end {
            let previous = words[index - 1], word = words[index]
            if previous.start >= sentence.start, word.start == previous.end + 1, Tokenizer.isDigit(text[previous.end - 1]), isDigitGroup(text, word) {
                count += 1
            }
            index += 1
        }
        return count
    }

    /// Three digits, then maybe punctuation: "000", "000,", "500 €" has "500".
    static func isDigitGroup(_ text: [Unicode.Scalar], _ word: TextSpan) -> Bool {
        guard word.end - word.start >= 3, (0..<3).allSatisfy({ Tokenizer.isDigit(text[word.start + $0]) }) else { return false }
        return (word.start + 3..<word.end).allSatisfy { !Tokenizer.isWordCharacter(text[$0]) }
    }
}

/// `paragraph-length`: a paragraph of more sentences than the profile allows (5), in the text or in a list item
/// (each paragraph of an item on its own: guides put whole paragraphs in list items).
struct ParagraphLengthRule: CharterRule {
    let id = RuleID.paragraphLength

    func check(_ page: PageAnalysis) -> [Finding] {
        page.proseBlocks.compactMap { block, sentences, _ in
            guard block.kind == .paragraph || block.kind == .listItem, sentences.count > page.settings.paragraphMax else { return nil }
            let what = block.kind == .listItem ? "list item" : "paragraph"
            return page.finding(id, at: block.start, "This \(what) has \(sentences.count) sentences (at most \(page.settings.paragraphMax)).",
                                suggestion: block.kind == .listItem ? "Break it into shorter items, or move the explanation out of the list."
                                    : "Break it into shorter paragraphs or a list.")
        }
    }
}
