/// Words written in capitals: acronyms to expand, and runs of capitals that shout.
enum Capitals {
    /// The range of the letters of a word token without surrounding punctuation, or nil if it holds a digit.
    static func lettersRange(_ scalars: [Unicode.Scalar], _ span: TextSpan) -> Range<Int>? {
        var start = span.start, end = span.end
        while start < end && !Tokenizer.isLetter(scalars[start]) { start += 1 }
        while end > start && !Tokenizer.isLetter(scalars[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        for index in start..<end where Tokenizer.isDigit(scalars[index]) { return nil }
        return start..<end
    }

    /// A word in capitals of at least two letters ("CFE", "URSSAF"; a final plural "s" is allowed: "CPAMs").
    static func isCapitalWord(_ letters: ArraySlice<Unicode.Scalar>) -> Bool {
        var letters = letters
        if letters.count > 2, letters.last == "s" { letters.removeLast() }
        return letters.count >= 2 && letters.allSatisfy { ScalarTraits.traits($0) & (ScalarTraits.alphabetic | ScalarTraits.uppercase) == ScalarTraits.alphabetic | ScalarTraits.uppercase }
    }

    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool { ScalarTraits.has(scalar, ScalarTraits.uppercase) }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "’" }
}

/// Tells a run of words in capitals that shouts ("ATTENTION CE FORMULAIRE EST OBLIGATOIRE") from a list of
/// acronyms ("(CSV, XML, JSON, etc.)", "PDF, ODT OU DOCX"), for both rules: the words of a shout are the
/// all-caps rule's business, those of a list are acronyms.
struct Shouting: Sendable {
    /// The site's dictionaries, when spelling is on: optional, they only sharpen the judgement.
    let spelling: [String: any SpellingChecking]

    static let connectives: Set<String> = ["ET", "OU", "AND", "OR"]

    /// The runs of `tokens` long enough to count that shout, as ranges of `tokens`.
    func shoutedRuns(_ tokens: [CapitalToken], page: PageAnalysis, block: Int) -> [Range<Int>] {
        Capitals.runs(tokens).filter { run in
            tokens[run].count { $0.kind == .word } >= page.settings.allCapsMin && !isList(tokens[run], page: page, block: block)
        }
    }

    /// A list: its words are separated by commas, slashes or "et"/"ou"/"and"/"or"; or they are acronyms —
    /// known to the glossary, or, when the page's dictionary is at hand, mostly words it does not know in lowercase.
    func isList(_ run: ArraySlice<CapitalToken>, page: PageAnalysis, block: Int) -> Bool {
        let scalars = page.document.blocks[block].text.scalars
        let words = page.words[block]
        let members = run.filter { $0.kind == .word && !Shouting.connectives.contains($0.text) }
        guard members.count > 1 else { return false }
        let isSeparated = zip(members, members.dropFirst()).allSatisfy { first, second in
            if first.wordIndex == second.wordIndex { return true }   // "CSV/XML"
            // "CSV, XML", "CSV ; XML", "PDF & ODT": a separator ends the first word or stands alone between them.
            let gap = scalars[(words[first.wordIndex].end - 1)..<words[first.wordIndex + 1].start]
            if gap.contains(where: { ",;/&".unicodeScalars.contains($0) }) { return true }
            return run.contains { $0.wordIndex > first.wordIndex && $0.wordIndex < second.wordIndex && Shouting.connectives.contains($0.text) }
        }
        if isSeparated { return true }
        let glossary = page.settings.glossary
        let hasDictionary = spelling[page.language] != nil
        let unknown = members.filter { member in
            glossary.values.contains { $0[member.text] != nil } || NotAcronyms.contains(member, words: words, scalars: scalars)
                || (hasDictionary && !isDictionaryWord(member.text, language: page.language))
        }
        return hasDictionary ? unknown.count * 2 > members.count : unknown.count == members.count
    }

    /// Whether a word in capitals is, in lowercase, a word of the page's language ("ATTENTION", "REST"). Only that
    /// language: the English "siren" must not hide the French SIREN.
    func isDictionaryWord(_ text: String, language: String) -> Bool {
        spelling[language]?.isCorrect(text.lowercased()) ?? false
    }

    /// A long word in capitals that the dictionary knows ("IMMEDIATELY") shouts alone: it is no acronym. Short ones
    /// may be both ("REST", "ARIA", "HTTPS"), and without a dictionary there is no telling.
    func isShoutedWord(_ token: CapitalToken, language: String) -> Bool {
        token.kind == .word && token.text.count >= 6 && isDictionaryWord(token.text, language: language)
    }
}

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
                if isKnown(acronym) || isKnown(key) || isKnown(token.stem) || reported.contains(key) || codeNames.contains(acronym)
                    || NotAcronyms.contains(token, words: words, scalars: scalars) || shouting.isShoutedWord(token, language: page.language) { continue }
                if sentenceOfWord.isEmpty { sentenceOfWord = sentenceRanges(words: words, sentences: page.sentences[blockIndex]) }
                let sentence = sentenceOfWord[token.wordIndex]
                if initials.isEmpty { initials = words.map { AcronymExpansions.initials(of: $0, scalars: scalars) } }
                if AcronymExpansions.isExpanded(token, words: words, initials: initials, sentence: sentence, scalars: scalars) {
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
