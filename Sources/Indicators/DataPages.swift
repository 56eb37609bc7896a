import ContentLoading

/// The pages made from data (`Data/countries.yml`), as the inventory and IS.II.B.1 see them.
///
/// They are dedicated to the audiences of site.yml's `countries.audiences`. The inventory always lists
/// them, marked `from_data`; IS.II.B.1 counts them only with `indicators: {countDataPages: true}`.
struct DataPage {
    var language: String
    var url: String
    var title: String
    /// One group per country (and one for the directory): its versions in each language.
    var translationGroup: String
    var audiences: [String]
    /// The day its facts were last checked (country pages).
    var checked: PageDate?
    /// How many distinct sources its facts cite (none on the directory, which states no fact of its own).
    var sourceCount = 0

    static func all(in content: SiteContent) -> [DataPage] {
        let audiences = content.configuration.dataPages.audiences
        return content.generatedPages(search: false).filter(\.isFromData).compactMap { page in
            guard let language = page.language else { return nil }
            let url = page.url(in: content.configuration)
            switch page {
            case .country(let country, _):
                let sources = Set([country.regimeSource, country.agreement?.branchesSource, country.agreement?.postingSource].compactMap { $0 })
                return DataPage(language: language, url: url, title: country.name[language]?.text ?? country.id,
                                translationGroup: "data:country:" + country.id, audiences: audiences, checked: country.checked,
                                sourceCount: sources.count)
            default:
                return DataPage(language: language, url: url, title: "Directory of countries", translationGroup: "data:countries",
                                audiences: audiences, checked: nil)
            }
        }
    }
}
