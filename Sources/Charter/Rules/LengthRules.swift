/// `sentence-length`: a sentence over the warning threshold (25 words) is a warning, over the error threshold (40) an error.
struct SentenceLengthRule: CharterRule {
    let id = RuleID.sentenceLength

    func check(_ page: PageAnalysis) -> [Finding] {
        let settings = page.settings
        return page.proseBlocks.flatMap { block, sentences, words in
            sentences.compactMap { sentence -> Finding? in
                let count = PageAnalysis.count(words, in: sentence)
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
