import Configuration
import ContentLoading
import Foundation
import PageModel

/// The records of the pages made from `Data/countries.yml` (see `GeneratedPage.country`, `.countryIndex`).
extension SiteRenderer {
    /// The directory's link in `language`, nil when the site has no data of countries.
    func countryDirectoryLink(language: String) -> Link? {
        content.countryIndexURL(language: language).map { Link(title: strings(language)["countriesTitle"] ?? "", url: $0) }
    }

    /// The page of guidance of a regime group, by the translationKey site.yml gives it (`countries.guides`).
    func countryGuide(_ group: String, language: String) -> Link? {
        guard let key = content.configuration.dataPages.guides[group], let index = content.page(translationKey: key, language: language) else { return nil }
        return Link(title: content.pages[index].title, url: content.pages[index].url)
    }

    func sourceLink(_ key: String, language: String) -> SourceLink {
        let source = content.countries?.sources[key]
        return SourceLink(title: source?.title[language] ?? key, url: source?.url ?? "")
    }

    /// The country's name, then its regime in plain words: the page's description.
    func countryDescription(_ country: Country, language: String) -> String {
        let t = strings(language)
        return "\(country.name[language]?.text ?? country.id) — \(t["countryDescription"] ?? "")"
    }

    func countryRecord(_ country: Country, language: String) -> CountryTemplate {
        let t = strings(language)
        let name = country.name[language]?.text ?? country.id
        let directory = countryDirectoryLink(language: language) ?? Link(title: "", url: content.homeURL(language: language))
        let common = generatedPage(.country(country, language: language), language: language, title: name,
                                   description: countryDescription(country, language: language), breadcrumb: homeCrumb(language) + [directory]) {
            // A name is often the same in every language (Canada, Portugal): the directory's title tells the
            // languages' <title> apart, and says what the page is about.
            $0.documentTitle = "\(name) — \(directory.title) — \(siteTitle(language))"
            $0.lastUpdated = dateLabel(country.checked, language: language)
            $0.lastUpdatedISO = country.checked.isoDay
        }
        let agreement = country.agreement.map { agreement in
            AgreementValues(branches: agreement.branches.map { t[$0.stringKey] ?? $0.rawValue }, hasBranches: !agreement.branches.isEmpty,
                            branchesSource: agreement.branchesSource.map { sourceLink($0, language: language) },
                            posting: postingValues(agreement, language: language),
                            note: agreement.note?[language]?.text)
        }
        let values = CountryValues(id: country.id, name: name, regime: country.regime.rawValue, regimeText: t[country.regime.stringKey] ?? "",
                                   regimeSource: sourceLink(country.regimeSource, language: language), agreement: agreement,
                                   note: country.note?[language]?.text,
                                   checked: dateLabel(country.checked, language: language) ?? country.checked.isoDay, checkedISO: country.checked.isoDay,
                                   guide: countryGuide(country.regime.group, language: language), directory: directory)
        return CountryTemplate(common: common, country: values)
    }

    func postingValues(_ agreement: Agreement, language: String) -> PostingValues? {
        guard let posting = agreement.posting, let source = agreement.postingSource else { return nil }
        let t = strings(language)
        var months: Int?, text: String?
        switch posting.extensionLength {
        case .months(let count): months = count > 0 ? count : nil
        case .untilWorkEnds: text = t["countryExtensionUntilWorkEnds"]
        case .byAgreement: text = t["countryExtensionByAgreement"]
        }
        return PostingValues(initialMonths: posting.initialMonths, extensionMonths: months, extensionText: text,
                             noExtension: posting.extensionLength == .months(0), source: sourceLink(source, language: language))
    }

    /// The countries of each regime group, A to Z as the page's language sorts them.
    func countryGroups(language: String) -> [CountryGroup] {
        let t = strings(language)
        let countries = content.countries?.countries ?? []
        let locale = Locale(identifier: language)
        return DataPageSettings.regimeGroups.map { group in
            // Sorted by the name without accents or case (É with E), then by URL: the same order on every machine.
            let links = countries.filter { $0.regime.group == group }
                .map { Link(title: $0.name[language]?.text ?? $0.id, url: content.countryURL($0, language: language)) }
                .map { (key: $0.title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: locale), link: $0) }
                .sorted { ($0.key, $0.link.url) < ($1.key, $1.link.url) }
                .map(\.link)
            return CountryGroup(id: group, heading: t[Regime.groupStringKey(group)] ?? group, countries: links, hasCountries: !links.isEmpty,
                                guide: countryGuide(group, language: language))
        }
    }

    func countryIndexRecord(language: String) -> CountryIndexTemplate {
        let t = strings(language)
        let common = generatedPage(.countryIndex(language: language), language: language, title: t["countriesTitle"] ?? "",
                                   description: t["countriesDescription"] ?? "", breadcrumb: homeCrumb(language))
        return CountryIndexTemplate(common: common, countryGroups: countryGroups(language: language))
    }
}
