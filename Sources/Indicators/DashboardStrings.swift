import Support

/// Every text of the HTML dashboard, by key; `{name}` marks where a value goes.
public enum DashboardText: String, CaseIterable, Sendable {
    case documentTitle, period, heading, introduction, skipLink, contents
    case indicatorHeading, indicatorCaption, audience, pagesIn, distinctPages, newIn, newDistinct, total
    case chartHeading, chartTitle, chartNew
    case historyHeading, historyCaption, historyEmpty, year, newPages, totalAtYearEnd
    case calendarHeading, calendarCaption, plannedYear, state, statePublished, stateOverdue, stateUpcoming
    case translationsHeading, pagesInLanguage, coverageSummary, coverageCaption, missingTranslations, outdatedTranslations, none, undated
    case sourcesHeading, sourcesSummary, uncitedPages
    case inventoryHeading, inventoryCaption
    case language, file, address, title, audiences, date, lastmod, draft, sources, words, readability, errors, warnings, translation, fromData
    case yes, no, decimalSeparator
    case translationSource, translationUpToDate, translationOutdated, translationMissing, translationInProgress
}

/// The dashboard's texts in one language, from the tables below (the one place they are kept).
public struct DashboardStrings: Sendable {
    public let language: String
    private let table: [DashboardText: String]

    /// Why a language cannot be used, for the command line (exit 2).
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public init?(language: String) {
        guard let table = Self.tables[language] else { return nil }
        self.language = language
        self.table = table
    }

    /// The languages the dashboard has texts in.
    public static var languages: [String] { tables.keys.sorted() }

    /// The requested language, which must be one of the site's; by default the site's first language
    /// the dashboard speaks (English when it speaks none of them).
    public static func choose(_ requested: String?, siteLanguages: [String]) throws(Problem) -> DashboardStrings {
        guard let requested else {
            return siteLanguages.lazy.compactMap(DashboardStrings.init(language:)).first ?? DashboardStrings(language: "en")!
        }
        guard siteLanguages.contains(requested) else {
            throw Problem(description: "--lang \(requested) is not a language of the site: choose one of \(siteLanguages.joined(separator: ", "))")
        }
        guard let strings = DashboardStrings(language: requested) else {
            throw Problem(description: "--lang \(requested): the dashboard has no texts in it yet: choose one of \(languages.joined(separator: ", "))")
        }
        return strings
    }

    /// The text of `key` with its `{name}` placeholders filled, escaped for HTML: the values are
    /// taken as plain text too, so a caller never escapes them twice.
    public func html(_ key: DashboardText, _ values: [String: String] = [:]) -> String {
        MarkupEscaping.attribute(plain(key, values))
    }

    /// The text of `key` with its placeholders filled, unescaped.
    public func plain(_ key: DashboardText, _ values: [String: String] = [:]) -> String {
        Self.fill(table[key] ?? key.rawValue) { values[$0] }
    }

    /// The `{name}` placeholders of a text, for the test that every language fills the same ones.
    public static func placeholders(_ key: DashboardText, language: String) -> Set<String> {
        var names: Set<String> = []
        _ = fill(tables[language]?[key] ?? "") { names.insert($0); return nil }
        return names
    }

    /// Replaces each `{name}` by `value(name)` in one pass (a value holding braces is never read
    /// again), keeping the placeholder when `value` has none.
    static func fill(_ text: String, _ value: (String) -> String?) -> String {
        var result = "", rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            result += value(String(rest[rest.index(after: open)..<close])) ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// Whether `language`'s table has a text for `key` (the test checks every key in every language).
    public static func hasText(_ key: DashboardText, language: String) -> Bool {
        !(tables[language]?[key] ?? "").isEmpty
    }

    static let tables: [String: [DashboardText: String]] = ["fr": french, "en": english]

    // French typography: a no-break space (U+00A0) before ":" and ";".
    static let french: [DashboardText: String] = [
        .documentTitle: "Indicateur IS.II.B.1, {period}",
        .period: "du {from} au {to}",
        .heading: "Indicateur IS.II.B.1\u{00A0}: pages dédiées aux publics cibles",
        .introduction: "Période mesurée\u{00A0}: {period}. Une page compte si elle est publiée (pas un brouillon) et datée au plus tard du dernier jour de la période\u{00A0}; elle est nouvelle si sa date tombe dans la période. «\u{00A0}Distinctes\u{00A0}» compte une seule fois les versions d'une même page.",
        .skipLink: "Aller au contenu",
        .contents: "Sommaire",
        .indicatorHeading: "Pages par public",
        .indicatorCaption: "Pages dédiées à chaque public, par langue, et nouvelles pages de la période",
        .audience: "Public",
        .pagesIn: "Pages ({language})",
        .distinctPages: "Pages distinctes",
        .newIn: "Nouvelles ({language})",
        .newDistinct: "Nouvelles distinctes",
        .total: "Total (pages dédiées à au moins un public)",
        .chartHeading: "Graphique",
        .chartTitle: "Pages distinctes (barre foncée) et nouvelles pages distinctes (barre claire) par public\u{00A0}; les valeurs sont dans le tableau «\u{00A0}Pages par public\u{00A0}».",
        .chartNew: "{count} nouvelles",
        .historyHeading: "Historique",
        .historyCaption: "Pages distinctes dédiées à un public, par année de première publication",
        .historyEmpty: "Aucune page datée.",
        .year: "Année",
        .newPages: "Nouvelles pages",
        .totalAtYearEnd: "Total en fin d'année",
        .calendarHeading: "Avancement du contrat",
        .calendarCaption: "Publics prévus par le contrat d'objectifs et de gestion, et leur état à la fin de la période",
        .plannedYear: "Année prévue",
        .state: "État",
        .statePublished: "Pages publiées",
        .stateOverdue: "En retard\u{00A0}: aucune page",
        .stateUpcoming: "À venir",
        .translationsHeading: "Couverture des traductions",
        .pagesInLanguage: "{count} pages ({language})",
        .coverageSummary: "{languages}, pour {distinct} pages distinctes.",
        .coverageCaption: "Traductions manquantes et à mettre à jour, par public",
        .missingTranslations: "Traductions manquantes",
        .outdatedTranslations: "Traductions à mettre à jour",
        .none: "aucune",
        .undated: "Pages sans date (comptées comme existantes, jamais comme nouvelles)\u{00A0}: {files}.",
        .sourcesHeading: "Textes de référence",
        .sourcesSummary: "{cited} pages publiées sur {published} citent leurs textes de référence",
        .uncitedPages: "Pages sans texte de référence\u{00A0}:",
        .inventoryHeading: "Inventaire des pages",
        .inventoryCaption: "Toutes les pages du site",
        .language: "Langue", .file: "Fichier", .address: "Adresse", .title: "Titre", .audiences: "Publics", .date: "Date",
        .lastmod: "Mise à jour", .draft: "Brouillon", .sources: "Textes de référence", .words: "Mots", .readability: "Lisibilité",
        .errors: "Erreurs", .warnings: "Avertissements", .translation: "Traduction", .fromData: "Page de données",
        .yes: "oui", .no: "non", .decimalSeparator: ",",
        .translationSource: "version d'origine",
        .translationUpToDate: "à jour",
        .translationOutdated: "à mettre à jour",
        .translationInProgress: "traduction en cours",
        .translationMissing: "manque en {languages}",
    ]

    static let english: [DashboardText: String] = [
        .documentTitle: "Indicator IS.II.B.1, {period}",
        .period: "from {from} to {to}",
        .heading: "Indicator IS.II.B.1: pages dedicated to target audiences",
        .introduction: "Period measured: {period}. A page counts when it is published (not a draft) and dated on or before the last day of the period; it is new when its date falls within the period. “Distinct” counts the versions of one page once.",
        .skipLink: "Skip to content",
        .contents: "Contents",
        .indicatorHeading: "Pages per audience",
        .indicatorCaption: "Pages dedicated to each audience, per language, and the new pages of the period",
        .audience: "Audience",
        .pagesIn: "Pages ({language})",
        .distinctPages: "Distinct pages",
        .newIn: "New ({language})",
        .newDistinct: "New distinct",
        .total: "Total (pages dedicated to at least one audience)",
        .chartHeading: "Chart",
        .chartTitle: "Distinct pages (dark bar) and new distinct pages (light bar) per audience; the figures are in the table “Pages per audience”.",
        .chartNew: "{count} new",
        .historyHeading: "History",
        .historyCaption: "Distinct pages dedicated to an audience, by year of first publication",
        .historyEmpty: "No dated page.",
        .year: "Year",
        .newPages: "New pages",
        .totalAtYearEnd: "Total at the end of the year",
        .calendarHeading: "Progress against the contract",
        .calendarCaption: "Audiences planned by the objectives and management contract, and their state at the end of the period",
        .plannedYear: "Planned year",
        .state: "State",
        .statePublished: "Pages published",
        .stateOverdue: "Overdue: no page",
        .stateUpcoming: "To come",
        .translationsHeading: "Translation coverage",
        .pagesInLanguage: "{count} pages ({language})",
        .coverageSummary: "{languages}, for {distinct} distinct pages.",
        .coverageCaption: "Missing translations and translations to update, per audience",
        .missingTranslations: "Missing translations",
        .outdatedTranslations: "Translations to update",
        .none: "none",
        .undated: "Pages without a date (counted as existing, never as new): {files}.",
        .sourcesHeading: "Legal references",
        .sourcesSummary: "{cited} of {published} published pages cite their legal references",
        .uncitedPages: "Pages citing no legal reference:",
        .inventoryHeading: "Page inventory",
        .inventoryCaption: "Every page of the site",
        .language: "Language", .file: "File", .address: "Address", .title: "Title", .audiences: "Audiences", .date: "Date",
        .lastmod: "Updated", .draft: "Draft", .sources: "Legal references", .words: "Words", .readability: "Readability",
        .errors: "Errors", .warnings: "Warnings", .translation: "Translation", .fromData: "Made from data",
        .yes: "yes", .no: "no", .decimalSeparator: ".",
        .translationSource: "original",
        .translationUpToDate: "up to date",
        .translationOutdated: "to update",
        .translationInProgress: "translation in progress",
        .translationMissing: "missing in {languages}",
    ]
}
