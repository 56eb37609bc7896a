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
