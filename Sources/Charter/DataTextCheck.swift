import ContentLoading
import Support

/// The charter on the texts of the pages made from `Data/countries.yml`.
extension CharterChecker {
    /// Checks each country's page in each of `languages` as the reader sees it (its name, its regime
    /// in the theme's words, the branches, the note), and places every finding at the line of the data
    /// its text comes from. `strings`: the theme's string tables, by language.
    public func check(countries: CountryData, strings: [String: [String: String]], languages: [String]) -> [Finding] {
        let pages = countries.countries.flatMap { country in languages.map { (country: country, language: $0) } }
        let findings = pages.concurrentMap(state: { WordCaches() }) { caches, item -> [Finding] in
            let texts = item.country.texts(language: item.language, strings: strings[item.language] ?? [:])
            let page = item.country.charterPage(language: item.language, texts: texts)
            return check(page, caches: &caches, checkingFrontMatter: false).findings.map { Self.placed($0, texts: texts) }
        }
        return findings.flatMap { $0 }
    }

    /// A finding on the page of texts, placed where its text starts in the data (a sentence of the
    /// theme, at the key it says: `regime:`, `branches:`). Mechanical fixes are dropped: their place is that of the page of texts, not of the file.
    static func placed(_ finding: Finding, texts: [DataText]) -> Finding {
        var placed = finding
        placed.fix = nil
        let index = (finding.line - 1) / 2
        guard texts.indices.contains(index) else { return placed }
        let location = texts[index].location
        placed.file = location.file
        placed.line = location.line ?? 1
        placed.column = location.column ?? 1
        return placed
    }
}
