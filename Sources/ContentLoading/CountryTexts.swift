/// The texts of a country's page as the charter reads them.
extension Country {
    /// The paragraphs its page shows in `language`, each with the line of the data it comes from: its
    /// name, its regime in plain words (`strings`: the theme's of that language), its note, the branches, the agreement's note.
    public func texts(language: String, strings: [String: String]) -> [DataText] {
        var texts: [DataText] = []
        if let name = name[language] { texts.append(name) }
        if let sentence = strings[regime.stringKey] { texts.append(DataText(sentence, at: regimeLocation)) }
        if let note = note?[language] { texts.append(note) }
        if let agreement {
            let branches = agreement.branches.compactMap { strings[$0.stringKey] }
            if let location = agreement.branchesLocation, !branches.isEmpty { texts.append(DataText(branches.joined(separator: ", ") + ".", at: location)) }
            if let note = agreement.note?[language] { texts.append(note) }
        }
        return texts
    }

    /// The page the charter checks for `language`: one paragraph per text, on lines 1, 3, 5… (a text
    /// written on several lines of the data is one line here), so that a finding's line tells its text.
    public func charterPage(language: String, texts: [DataText]) -> SourcePage {
        let body = texts.map { $0.text.split(whereSeparator: \.isNewline).joined(separator: " ") }.joined(separator: "\n\n") + "\n"
        let frontMatter = FrontMatter(title: name[language]?.text ?? id, description: "", audiences: [], draft: false, aliases: [], menus: [], locations: [:])
        return SourcePage(language: language, path: CountryData.file, relativePath: "countries.yml", kind: .page, frontMatter: frontMatter,
                          body: body, bodyFirstLine: 1)
    }
}
