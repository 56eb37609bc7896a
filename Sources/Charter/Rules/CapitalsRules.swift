/// `acronym-expansion`: an acronym used before it has been written out on the page.
struct AcronymExpansionRule: CharterRule {
    let id = RuleID.acronymExpansion
    let shouting: Shouting

    func check(_ page: PageAnalysis) -> [Finding] {
        let glossary = page.settings.glossary[page.language] ?? [:]
        var expanded = Set<String>()
        var reported = Set<String>()
        var findings: [Finding] = []
        let codeNames = NotAcronyms.codeNames(page.capitalTokens, words: page.words, blocks: page.document.blocks)
        let surnames = PersonNames.surnames(page.capitalTokens, words: page.words, blocks: page.document.blocks,
                                            knows: shouting.spelling[page.language].map { dictionary in dictionary.isCorrect })
        for (blockIndex, block) in page.document.blocks.enumerated() {
            let scalars = block.text.scalars
            let words = page.words[blockIndex]
            let tokens = page.capitalTokens[blockIndex]
            // The words of a shout are the all-caps rule's business.
            let shouted = Set(shouting.shoutedRuns(tokens, page: page, block: blockIndex).joined())
            // Made when a block first needs them: most blocks have no acronym.
            var sentenceOfWord: [Range<Int>] = []
            var initials: [AcronymExpansions.Initials] = []
            for (index, token) in tokens.enumerated() where !shouted.contains(index) {
                guard token.kind == .word || token.kind == .alphanumeric, !Shouting.connectives.contains(token.text) else { continue }
                let acronym = token.text
                // "SHA-256" and "SHA256" are one acronym; an expansion or glossary entry of "SHA" covers both.
                let key = String(String.UnicodeScalarView(acronym.unicodeScalars.filter(Capitals.isLetterOrDigit)))
                let isKnown = { (name: String) in glossary[name] == "" || expanded.contains(name) }
                if isKnown(acronym) || isKnown(key) || isKnown(token.stem) || reported.contains(key) || codeNames.contains(acronym) || surnames.contains(acronym)
                    || NotAcronyms.contains(token, words: words, scalars: scalars) || shouting.isShoutedWord(token, language: page.language) { continue }
                if sentenceOfWord.isEmpty { sentenceOfWord = sentenceRanges(words: words, sentences: page.sentences[blockIndex]) }
                let sentence = sentenceOfWord[token.wordIndex]
                if initials.isEmpty { initials = words.map { AcronymExpansions.initials(of: $0, scalars: scalars) } }
                if AcronymExpansions.isDefinition(token, words: words, scalars: scalars, kind: block.kind)
                    || AcronymExpansions.isExpanded(token, words: words, initials: initials, sentence: sentence, scalars: scalars) {
                    expanded.insert(key)
                    continue
                }
                reported.insert(key)
                let suggestion = glossary[acronym].map { "Write “\($0) (\(acronym))” the first time." }
                    ?? "Write it out in full the first time, followed by “(\(acronym))”."
                if let finding = page.finding(id, at: block.text.point(at: token.position), "“\(acronym)” is used before it is written out in full.",
                                              suggestion: suggestion) {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    /// For each word of a block, the indices of the words of its sentence (a word outside every sentence is its own).
    func sentenceRanges(words: [TextSpan], sentences: [TextSpan]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(words.count)
        var sentence = 0
        var index = 0
        while index < words.count {
            while sentence < sentences.count && sentences[sentence].end <= words[index].start { sentence += 1 }
            guard sentence < sentences.count, sentences[sentence].start <= words[index].start else {
                ranges.append(index..<index + 1)
                index += 1
                continue
            }
            var end = index
            while end < words.count && words[end].start < sentences[sentence].end { end += 1 }
            ranges.append(contentsOf: repeatElement(index..<end, count: end - index))
            index = end
        }
        return ranges
    }
}

/// `all-caps`: three or more words in a row written in capitals that shout — not a list of acronyms.
struct AllCapsRule: CharterRule {
    let id = RuleID.allCaps
    let shouting: Shouting

    func check(_ page: PageAnalysis) -> [Finding] {
        page.document.blocks.indices.flatMap { blockIndex in
            let tokens = page.capitalTokens[blockIndex]
            return shouting.shoutedRuns(tokens, page: page, block: blockIndex).compactMap { run in
                page.finding(id, at: page.document.blocks[blockIndex].text.point(at: tokens[run.lowerBound].position),
                             "\(tokens[run].count { $0.kind == .word }) words in a row are written in capitals.",
                             suggestion: "Write them in lowercase; use bold for emphasis if needed.")
            }
        }
    }
}
