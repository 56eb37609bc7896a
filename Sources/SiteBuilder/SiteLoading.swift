import Charter
import Configuration
import ContentLoading
import Diagnostics
import Foundation
import Rendering

/// The site as every command reads it: site.yml, and every file of `Content/` with its problems.
///
/// `build`, `serve`, `check` and `report` all load through `SiteLoading`, so that the same bad input
/// gives the same error, at the same place, whichever command meets it. Each command then says what
/// the errors mean to it: `build` lists them with those of the later stages, `check` reports them as
/// findings and checks the bodies anyway, `report` stops on them.
public struct LoadedSite: Sendable {
    public let root: URL
    public let configuration: SiteConfiguration
    /// Every language of site.yml, read even when one alone is built, so that alternates know the translations.
    public let files: ContentLoader.Result
    /// Keep the pages marked `draft: true` in the site's structure.
    public let includeDrafts: Bool

    /// The loader's problems: warnings, and the errors of the files that could not be loaded (kept, not thrown).
    public var diagnostics: [Diagnostic] { files.diagnostics }

    /// The site's structure (URLs, translations, sections, menus) as far as it can be made, its errors
    /// in its `diagnostics`, so that the later stages report their problems in the same run.
    public func structure() -> SiteContent {
        SiteContent.withProblems(configuration: configuration, loaded: files, includeDrafts: includeDrafts)
    }

    /// The site's structure, or every error of loading it: for the commands that stop at the first stage with errors.
    public func structureWithoutErrors() throws(DiagnosticsError) -> SiteContent {
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics) }
        return try SiteContent(configuration: configuration, loaded: files, includeDrafts: includeDrafts)
    }

    /// The charter's findings and measures of every file (or those under `paths`), in parallel, in the files'
    /// order: a file's loading problems first, as `source` and `front-matter` findings, then its body's.
    /// With every page (no `paths`), the texts of the pages made from data too, at their lines of the data file.
    public func charterReport(_ checker: CharterChecker, paths: [String] = [], suggestingSpellings: Bool = true) -> CharterReport {
        var report = checker.check(files: files.checkedFiles, paths: paths, suggestingSpellings: suggestingSpellings)
        guard paths.isEmpty, let countries = files.countries else { return report }
        let strings = Theme.stringTables(root: root, name: configuration.theme, languages: configuration.languages)
        let findings = checker.check(countries: countries, strings: strings, languages: configuration.languages)
        report.findings += suggestingSpellings ? checker.withSpellingSuggestions(findings) : findings
        return report
    }
}

/// The loading steps, in the order a command takes them: site.yml, then the content (and, for the
/// commands that check, the charter's configuration and dictionaries).
public enum SiteLoading {
    /// site.yml read and checked, then every file of `Content/`.
    public static func load(root: URL, includeDrafts: Bool = false) throws(DiagnosticsError) -> LoadedSite {
        try content(root: root, configuration: configuration(root: root), includeDrafts: includeDrafts)
    }

    /// site.yml, every problem with its line.
    public static func configuration(root: URL) throws(DiagnosticsError) -> SiteConfiguration {
        try ConfigurationLoader.load(root: root)
    }

    /// Every file of `Content/` of every language, read and its front matter parsed in parallel; the files of
    /// `previous` whose size, times and inode are the same are not read again (the live preview rebuilds so).
    /// The errors of the files are kept in the result, not thrown.
    public static func content(root: URL, configuration: SiteConfiguration, includeDrafts: Bool,
                               reusing previous: [String: ContentLoader.LoadedFile] = [:]) throws(DiagnosticsError) -> LoadedSite {
        let files = try ContentLoader.load(root: root, configuration: configuration, languages: configuration.languages,
                                           previous: previous, keepingErrors: true)
        return LoadedSite(root: root, configuration: configuration, files: files, includeDrafts: includeDrafts)
    }

    /// The charter's checker: charter.yml (or site.yml's `charter:`) with `profile`, and the dictionaries of the languages.
    public static func charterChecker(root: URL, configuration: SiteConfiguration, profile: String? = nil) throws(DiagnosticsError) -> CharterChecker {
        let settings = try CharterConfiguration.load(root: root, languages: configuration.languages, profile: profile)
        return try CharterFactory.checker(settings: settings, languages: configuration.languages)
    }
}
