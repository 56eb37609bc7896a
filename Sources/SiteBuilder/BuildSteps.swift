import Charter
import Configuration
import ContentLoading
import Diagnostics
import Foundation
import Output
import Rendering
import Search
import Support

/// What a build is asked to do, resolved from its options and site.yml before any page is read.
struct BuildPlan {
    let options: BuildOptions
    let configuration: SiteConfiguration
    /// The languages written (`--lang`); every language is read all the same, for alternates and the switcher.
    let languages: [String]
    let baseURLs: [String: String]
    let output: OutputFolder
    /// With Pagefind, pages carry a search field and the site a search page.
    let pagefind: Pagefind?
    /// Of everything every page depends on (see `SettingsFingerprint`).
    let settings: Int

    var root: URL { options.source }
}

/// What a build has found so far, and the clock of its stages.
struct BuildProgress {
    let start = Date()
    var clock = StageClock()
    var warnings: [Diagnostic] = []
    var errors: [Diagnostic] = []

    /// Stops the build with every problem found so far, when one is an error.
    func stopOnErrors(adding later: [Diagnostic] = []) throws(DiagnosticsError) {
        if !errors.isEmpty { throw DiagnosticsError(errors + warnings + later) }
    }
}

/// The steps of a full build, each a function from values to values (`fullBuild` lists them in order).
extension BuildSession {
    /// Step 1: site.yml, the languages and base URLs of this output, the output folder, the search.
    static func plan(_ options: BuildOptions) throws -> BuildPlan {
        let configuration = try SiteLoading.configuration(root: options.source)
        let languages = try SiteBuilder.selectLanguages(options.languages, configuration: configuration)
        let baseURLs = try SiteBuilder.resolveBaseURLs(options.baseURL, languages: languages, configuration: configuration)
        let output = try OutputFolder(destination: options.output, protected: [
            options.source.appendingPathComponent(ContentLoader.contentFolder),
            options.source.appendingPathComponent("Themes"),
            options.source.appendingPathComponent("Data"),
            options.source.appendingPathComponent(ConfigurationLoader.fileName),
        ])
        let pagefind = options.search ? Pagefind.locate() : nil
        return BuildPlan(options: options, configuration: configuration, languages: languages, baseURLs: baseURLs, output: output,
                         pagefind: pagefind, settings: SettingsFingerprint.of(options, search: pagefind != nil))
    }

    /// Step 2, in the background: the charter's dictionaries (hunspell's, about 0.2 s) load while the
    /// theme and the content are read.
    static func charterChecker(_ plan: BuildPlan, previous: Memory?) -> BackgroundWork<CharterChecker> {
        let root = plan.root, configuration = plan.configuration
        return previous?.checker.map { BackgroundWork(value: $0) } ?? BackgroundWork {
            try SiteLoading.charterChecker(root: root, configuration: configuration)
        }
    }

    /// Step 3: the theme (compiled again only when its files changed) and every file of Content/. They
    /// are independent: the problems of both are reported in one run.
    func loadThemeAndContent(_ plan: BuildPlan, previous: Memory?, next: inout Memory, progress: inout BuildProgress) throws -> (Theme, LoadedSite) {
        next.themeFingerprint = ThemeFingerprint.of(plan.options, configuration: plan.configuration)
        var theme: Theme? = previous?.themeFingerprint == next.themeFingerprint ? previous?.theme : nil
        if theme == nil {
            do {
                theme = try Theme.load(root: plan.root, name: plan.configuration.theme, languages: plan.configuration.languages,
                                       fingerprintAssets: plan.options.fingerprintAssets, search: plan.pagefind != nil)
            } catch {
                progress.errors += error.diagnostics
            }
        }
        var site: LoadedSite?
        do {
            site = try SiteLoading.content(root: plan.root, configuration: plan.configuration, includeDrafts: plan.options.includeDrafts,
                                           reusing: previous?.files ?? [:])
        } catch {
            progress.errors += error.diagnostics
        }
        progress.errors += site?.diagnostics.errors ?? []
        guard let theme, let site, progress.errors.isEmpty else {
            try progress.stopOnErrors(adding: site.map { SiteBuilder.problemsAfterLoading($0, theme: theme) } ?? [])
            throw DiagnosticsError([])
        }
        progress.clock.end("load", handingOver: site.files.parseSeconds)
        next.theme = theme
        next.files = site.files.files
        next.resources = site.files.resources
        progress.warnings += site.files.diagnostics
        return (theme, site)
    }

    /// Step 4: the site model (URLs, translations, lists, menus), and the files unchanged since the last
    /// build (same signature: their page, findings and HTML stand).
    func siteModel(_ site: LoadedSite, previous: Memory?, progress: inout BuildProgress) -> (content: SiteContent, unchanged: Set<String>) {
        let unchanged = previous.map { previous in
            Set(site.files.files.filter { previous.files[$0.key]?.signature == $0.value.signature }.keys)
        } ?? []
        let content = siteContent(site, previous: previous, unchanged: unchanged)
        // Errors of the structure (two files for one URL) do not stop the stages that find the others.
        progress.errors += content.diagnostics.errors
        progress.warnings += content.diagnostics.warnings
        progress.clock.end("parse")
        return (content, unchanged)
    }

    /// Step 5: the charter on every page built and every page's Markdown, from one parse of each; then
    /// the checks that need them all (duplicate titles). Stops on any error found so far.
    func checkAndRenderPages(_ content: SiteContent, plan: BuildPlan, checker: CharterChecker, theme: Theme, previous: Memory?,
                             unchanged: Set<String>, next: inout Memory, progress: inout BuildProgress) throws -> CheckedAndRendered {
        let checked = checkCharterAndRenderMarkdown(content, checker: checker, theme: theme, languages: plan.languages, previous: previous,
                                                    unchanged: unchanged, next: &next)
        if plan.options.strict { progress.errors += checked.charter.findings.filter { $0.severity == .error }.map(SiteBuilder.asDiagnostic) }
        progress.clock.end([("check", checked.checkSeconds), ("markdown", checked.markdownSeconds)])
        let markdownDiagnostics = checked.markdown.flatMap(\.rendered.diagnostics)
        progress.warnings += markdownDiagnostics.warnings
        progress.errors += markdownDiagnostics.errors
        progress.errors += SiteBuilder.duplicateTitles(content, theme: theme)
        try progress.stopOnErrors()
        return checked
    }

    /// Step 6: the renderer of this output: the site, the theme, the pages' HTML, the outdated translations (from git).
    static func renderer(_ plan: BuildPlan, content: SiteContent, theme: Theme, markdown: [MarkdownMemo]) -> SiteRenderer {
        SiteRenderer(content: content, theme: theme, bodies: markdown.map(\.rendered.html), builtLanguages: plan.languages, baseURLs: plan.baseURLs,
                     outdatedTranslations: SiteBuilder.outdatedTranslations(content, root: plan.root), search: plan.pagefind != nil)
    }

    /// Step 7: every file rendered and written when its bytes changed, assets, search index, twins, then
    /// the commit. Files rendered from the same values into an output the last build updated are already there.
    func writeOutput(_ renderer: SiteRenderer, plan: BuildPlan, previous: Memory?, next: inout Memory,
                     progress: inout BuildProgress) throws -> SiteBuilder.Written {
        let output = plan.output
        let written = try SiteBuilder.write(renderer, theme: renderer.theme, to: output, root: plan.root, compress: plan.options.compress,
                                            previousFingerprints: output.updatesInPlace ? previous?.outputFingerprints ?? [:] : [:],
                                            knownFiles: output.updatesInPlace ? previous?.outputFiles : nil, search: plan.pagefind,
                                            weighPages: plan.options.weighPages, fingerprinting: rebuilds)
        next.renderer = renderer
        next.outputFiles = written.files
        next.outputFingerprints = written.fingerprints
        next.compressed = plan.options.compress
        if let foreign = output.foreignFilesWarning(written.changes) { progress.warnings.append(foreign) }
        progress.warnings += written.budget?.warnings ?? []
        progress.clock.end([("render", written.renderSeconds), ("write", written.writeSeconds)], handingOver: written.searchSeconds + written.compressSeconds)
        if plan.pagefind != nil { progress.clock.end("search", handingOver: written.compressSeconds) }
        if plan.options.compress { progress.clock.end("compress") }
        return written
    }

    /// Step 8: what the build says: pages per language, files, warnings, the charter's summary, timings.
    static func report(_ plan: BuildPlan, content: SiteContent, charter: CharterReport, written: SiteBuilder.Written,
                       progress: BuildProgress) -> BuildReport {
        let pages = plan.languages.map { language in (language, content.pages.count { $0.language == language }) }
        var report = BuildReport(pagesPerLanguage: pages, files: written.changes, warnings: progress.warnings.sortedByLocation(),
                                 charterSummary: "charter: " + charter.summary, stages: progress.clock.stages,
                                 seconds: Date().timeIntervalSince(progress.start))
        report.searchSummary = SiteBuilder.searchSummary(plan.pagefind, requested: plan.options.search, languages: plan.languages)
        report.weightSummary = written.budget?.summary ?? ""
        return report
    }
}
