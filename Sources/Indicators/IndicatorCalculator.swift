import Configuration
import ContentLoading
import GitHistory

/// Computes IS.II.B.1 from the site's pages, following the indicator's definitions:
/// - a page is dedicated to an audience when its front matter lists it;
/// - a page counts in period P when it is not a draft and its date is on or before P's last day;
///   it is new when its date falls inside P (a date-time counts by its own calendar date);
/// - `distinct` counts a translation group once; a group is new when its earliest counted version is;
/// - a page without a date takes its file's first commit day in git, else it is undated: counted, not new;
/// - pages made from data (`Data/countries.yml`) count only with site.yml's `indicators: {countDataPages: true}`,
///   dedicated to `countries.audiences`, dated by the data file's first commit day in git (else undated).
public enum IndicatorCalculator {
    public static func compute(content: SiteContent, period: ReportPeriod, history: GitHistory?) -> IndicatorReport {
        let configuration = content.configuration
        let languages = configuration.languages
        // Drafts never count; `SiteContent` was built with them so that groups are complete.
        let published = content.pages.indices.filter { !content.pages[$0].frontMatter.draft }
        var undated: [String] = []
        var day: [Int: PageDate] = [:]
        for index in published {
            let page = content.pages[index]
            if let date = page.frontMatter.date {
                day[index] = date
            } else if let first = history?.firstCommitDay[page.source.path], let date = PageDate(first) {
                day[index] = date
            } else {
                undated.append(page.source.path)
            }
        }
        // Counted: published, and dated on or before the period's end (undated pages exist already).
        let counted = published.filter { day[$0].map(period.hasStarted) ?? true }
        let isNew = { (index: Int) -> Bool in day[index].map(period.contains) ?? false }

        // The pages made from data, when site.yml counts them: one translation group per country.
        let dataPages = configuration.dataPages.countInIndicator ? DataPage.all(in: content) : []
        let dataDay = history?.firstCommitDay[CountryData.file].flatMap { PageDate($0) }
        if !dataPages.isEmpty && dataDay == nil { undated.append(CountryData.file) }
        let countedData = dataPages.filter { _ in dataDay.map(period.hasStarted) ?? true }
        let dataIsNew = dataDay.map(period.contains) ?? false

        func figures(where dedicated: ([String]) -> Bool) -> (Counts, Counts, [String: [Int]]) {
            var pages = Counts(languages: languages), new = Counts(languages: languages)
            var groups: [String: [Int]] = [:]
            for index in counted where dedicated(content.pages[index].frontMatter.audiences) {
                let page = content.pages[index]
                pages.perLanguage[page.language, default: 0] += 1
                if isNew(index) { new.perLanguage[page.language, default: 0] += 1 }
                groups[page.translationGroup, default: []].append(index)
            }
            let data = countedData.filter { dedicated($0.audiences) }
            for page in data {
                pages.perLanguage[page.language, default: 0] += 1
                if dataIsNew { new.perLanguage[page.language, default: 0] += 1 }
            }
            let dataGroups = Set(data.map(\.translationGroup)).count
            pages.distinct = groups.count + dataGroups
            // A group is new when its earliest counted version is.
            new.distinct = groups.values.count { versions in
                let earliest = versions.min { (day[$0]?.isoDay ?? "") < (day[$1]?.isoDay ?? "") }
                return earliest.map(isNew) ?? false
            } + (dataIsNew ? dataGroups : 0)
            return (pages, new, groups)
        }

        var audiences: [AudienceFigures] = []
        for audience in configuration.audiences {
            let (pages, new, groups) = figures { $0.contains(audience.id) }
            let status = TranslationStatus.of(groups: groups, content: content, history: history)
            audiences.append(AudienceFigures(audience: audience, pages: pages, new: new,
                                             missingTranslations: status.missing, outdatedTranslations: status.outdated))
        }
        let (totalPages, totalNew, allGroups) = figures { !$0.isEmpty }
        var history: [Int: Int] = [:]
        for versions in allGroups.values {
            guard let year = versions.compactMap({ day[$0] }).min(by: { $0.isoDay < $1.isoDay })?.year else { continue }
            history[year, default: 0] += 1
        }
        // The pages made from data appeared with their file, when they count.
        let dataGroups = Set(countedData.filter { !$0.audiences.isEmpty }.map(\.translationGroup)).count
        if let year = dataDay?.year, dataGroups > 0 { history[year, default: 0] += dataGroups }
        return IndicatorReport(period: period, languages: languages, audiences: audiences, totalPages: totalPages, totalNew: totalNew,
                               undated: undated.sorted(), historyByYear: history)
    }
}
