import Configuration
import ContentLoading
import Diagnostics
import Charter
import Foundation
import GitHistory
import Markdown
import Output
import Precompression
import Search
import Rendering
import Support

/// The build, as a pipeline of named steps: configuration → theme → content → site model →
/// Markdown → checks → rendering → output. Each step hands `Sendable` values to the next.
public enum SiteBuilder {
    /// A clean build: a new session, which still leaves the files whose bytes do not change untouched.
    @discardableResult
    public static func build(_ options: BuildOptions) throws -> BuildReport {
        try BuildSession(rebuilds: false).build(options)
    }

    /// Takes the lock of an output folder (see `OutputLock`), for a process that writes into it
    /// again and again (the live preview): another process's build then fails at once. Released with the value.
    public static func lockOutput(_ output: URL) throws(DiagnosticsError) -> AnyObject {
        try OutputLock(for: output)
    }

    // MARK: - Steps

    static func selectLanguages(_ requested: [String]?, configuration: SiteConfiguration) throws -> [String] {
        guard let requested else { return configuration.languages }
        for language in requested where !configuration.languages.contains(language) {
            throw UsageError("--lang \(language): the site has no language '\(language)'; use one of \(configuration.languages.joined(separator: ", ")) or all")
        }
        return configuration.languages.filter { requested.contains($0) }
    }

    static func resolveBaseURLs(_ override: String?, languages: [String], configuration: SiteConfiguration) throws -> [String: String] {
        var urls = Dictionary(uniqueKeysWithValues: configuration.languages.map { ($0, configuration.baseURL) })
        guard let override else { return urls }
        guard let url = URL(string: override), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw UsageError("--base-url \(override) is not an absolute http(s) URL, like https://en.cleiss.fr/")
        }
        for language in languages { urls[language] = ConfigurationLoader.normalizedBaseURL(override) }
        return urls
    }

    /// Translations whose source-language version changed after them (from git, else `lastmod`), the same rule as `report`.
    static func outdatedTranslations(_ content: SiteContent, root: URL) -> Set<Int> {
        let history = GitHistory.read(root: root)
        let source = content.configuration.defaultLanguage
        return Set(content.pages.indices.filter { index in
            guard content.pages[index].language != source, let original = content.translation(of: index, in: source) else { return false }
            return OutdatedTranslation.isOutdated(content.pages[index], comparedWith: content.pages[original], history: history)
        })
    }

    /// A charter error as a build error, for `--strict`.
    static func asDiagnostic(_ finding: Finding) -> Diagnostic {
        .error(SourceLocation(file: finding.file, line: finding.line, column: finding.column), "[\(finding.rule.rawValue)] \(finding.message)",
               hint: finding.suggestion ?? "see the charter rules in README.md")
    }

    /// Two pages of one language with the same title would share a `<title>`: people and search engines
    /// could not tell them apart. Generated pages (audience landing pages, the search page…) take part
    /// too, and are told apart from each other as well.
    static func duplicateTitles(_ content: SiteContent, theme: Theme) -> [Diagnostic] {
        var owners: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        func claim(_ title: String, language: String, by owner: String, at location: @autoclosure () -> SourceLocation) {
            let key = language + "|" + title
            if let other = owners[key] {
                diagnostics.append(.error(location(), "the title '\(title)' is already the title of \(other)",
                                          hint: "give each page of a language its own title, so that every <title> is unique"))
            } else {
                owners[key] = owner
            }
        }
        // Every generated page of the registry, the search page too: a title must not be an error on one
        // machine only (with Pagefind or without). The theme's titles first, so that a label of site.yml
        // that repeats one is reported at site.yml, where it is changed.
        let generated = content.generatedPages(search: true)
        for page in generated.filter(\.title.isThemeString) + generated.filter({ !$0.title.isThemeString }) {
            guard let language = page.language else { continue }
            switch page.title {
            case .themeString(let key):
                let stringsFile = "\(theme.displayPath)/i18n/\(language).yml"
                if let title = theme.strings[language]?[key] {
                    claim(title, language: language, by: "the generated page '\(title)' (\(stringsFile))",
                          at: stringLocation(key, file: stringsFile, in: theme.folder.appendingPathComponent("i18n/\(language).yml")))
                }
            case .audienceLabel(let audience):
                if let label = audience.label[language] {
                    claim(label, language: language, by: "the landing page of audience '\(audience.id)' (site.yml)",
                          at: SourceLocation(file: ConfigurationLoader.fileName))
                }
            case .dataText(let name):
                claim(name.text, language: language, by: page.claimant, at: name.location)
            // The chooser's `<title>` is unlike any page's.
            case .siteTitleAndLanguages: continue
            }
        }
        for page in content.pages {
            claim(page.title, language: page.language, by: page.source.path,
                  at: page.frontMatter.location(of: "title") ?? SourceLocation(file: page.source.path, line: 1))
        }
        return diagnostics
    }

    /// The line of `key:` in a theme's strings file, to point at a generated page's title.
    static func stringLocation(_ key: String, file: String, in url: URL) -> SourceLocation {
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: index + 1)
    }

    /// One item rendered and written (when its bytes changed), with the time each half took.
    struct RenderedFile {
        var outcome: Result<OutputFolder.FileOutcome, DiagnosticsError>
        /// Of what the item was rendered from (see `SiteRenderer.rendered`); nil for files made without a template.
        var fingerprint: Int?
        var render: Duration
        var write: Duration
        /// For a page of content: its size and whether it has a script, for the weight budget.
        var page: WeightBudget.Page?
    }

    /// Renders and writes an item, unless its fingerprint is `previous`: it is then in the output already.
    static func renderAndWrite(_ item: RenderItem, with renderer: SiteRenderer, to output: OutputFolder, previous: Int? = nil,
                               fingerprinting: Bool = true) -> RenderedFile {
        let start = ContinuousClock.now
        let path = renderer.path(of: item)
        let made: (fingerprint: Int?, data: Data?)
        do throws(DiagnosticsError) {
            made = try renderer.rendered(item, unlessFingerprint: previous, fingerprinting: fingerprinting)
        } catch {
            return RenderedFile(outcome: .failure(error), render: ContinuousClock.now - start, write: .zero)
        }
        let rendered = ContinuousClock.now
        guard let data = made.data else {
            return RenderedFile(outcome: .success(.unchanged(path: path)), fingerprint: made.fingerprint, render: rendered - start, write: .zero)
        }
        let outcome = Result { () throws(DiagnosticsError) in try output.write(data, to: path) }
        var page: WeightBudget.Page?
        if case .page = item { page = WeightBudget.Page(path: path, data: data) }
        return RenderedFile(outcome: outcome, fingerprint: made.fingerprint, render: rendered - start, write: ContinuousClock.now - rendered, page: page)
    }

    /// Copies one file of the theme's `assets/` into the output's, under its published name, unless it is there already.
    static func copyAsset(_ asset: String, of theme: Theme, sources: SourceTree, to output: OutputFolder) throws(DiagnosticsError) -> OutputFolder.FileOutcome {
        try output.copy(theme.displayPath + "/" + Theme.assetsFolder + "/" + asset, of: sources,
                        to: Theme.assetsFolder + "/" + (theme.assetNames.published[asset] ?? asset))
    }

    /// Pagefind's index of the pages of this build (as they are before the commit), written under `pagefind/`.
    ///
    /// Pagefind writes its filter and metadata indexes in a random order (upstream issue #638), so the
    /// bundle of two runs over the same pages differs: when every page is the one already in the
    /// output, the bundle there was made from them and is kept, and an unchanged rebuild writes nothing.
    static func indexForSearch(_ outcomes: [OutputFolder.FileOutcome], with pagefind: Pagefind, in output: OutputFolder) throws -> [OutputFolder.FileOutcome] {
        let pages = outcomes.filter { $0.path.hasSuffix(".html") }
        let bundle = output.destination.appendingPathComponent(SiteRenderer.searchBundleFolder)
        if output.updatesInPlace, pages.allSatisfy({ if case .unchanged = $0 { true } else { false } }) {
            let present = FileListing.files(in: output.destination)
            // The bundle as Pagefind wrote it: without the twins that `--compress` may have added.
            let twinSuffixes = ContentEncoding.allCases.map(\.fileSuffix)
            let bundleFiles = FileListing.files(in: bundle).filter { file in !twinSuffixes.contains { file.hasSuffix($0) } }
            if bundleFiles.contains(Pagefind.entryFile), Set(present.filter { $0.hasSuffix(".html") && !$0.hasPrefix(SiteRenderer.searchBundleFolder + "/") }) == Set(pages.map(\.path)) {
                return bundleFiles.map { .unchanged(path: SiteRenderer.searchBundleFolder + "/" + $0) }
            }
        }
        let located = pages.map { (path: $0.path, file: output.currentLocation(of: $0)) }
        return try pagefind.index(pages: located, scratch: output.scratchFolder("search")).map { file in
            try output.write(file.data, to: SiteRenderer.searchBundleFolder + "/" + file.path)
        }
    }

    /// The weight of the pages of content of this build, those rendered and those left as they were.
    static func weightBudget(_ renderer: SiteRenderer, results: [RenderedFile], output: OutputFolder) -> WeightBudget {
        let pages = renderer.builtPageIndices.map { renderer.content.pages[$0] }
        let sources = Dictionary(pages.map { ($0.outputPath, $0.source.path) }, uniquingKeysWith: { first, _ in first })
        let rendered = results.compactMap(\.page)
        let renderedPaths = Set(rendered.map(\.path))
        return WeightBudget(pages: rendered, others: sources.keys.filter { !renderedPaths.contains($0) }.sorted(), renderer: renderer,
                            output: output, sources: sources)
    }

    /// The build's line about search: on with Pagefind's version, or why it is off.
    static func searchSummary(_ pagefind: Pagefind?, requested: Bool, languages: [String]) -> String {
        guard requested else { return "search: off (--no-search)" }
        if Pagefind.isTurnedOff() { return "search: off (\(Pagefind.environmentVariable)=off)" }
        guard let pagefind else {
            return "search: off, Pagefind not found (install it with `pip install pagefind-bin`, or set \(Pagefind.environmentVariable) to its path)"
        }
        return "search: Pagefind \(pagefind.version() ?? "") index of \(languages.joined(separator: ", ")) in /\(SiteRenderer.searchBundleFolder)/"
    }

    /// The aliases of the pages built, each to its page's URL (the URL that their redirect page names).
    static func redirects(_ renderer: SiteRenderer) -> [NginxRedirects.Redirect] {
        renderer.content.aliases.compactMap { alias in
            let page = renderer.content.pages[alias.page]
            guard renderer.builtLanguages.contains(page.language) else { return nil }
            let path = alias.outputPath.hasSuffix("/index.html") ? String(alias.outputPath.dropLast("index.html".count)) : alias.outputPath
            return NginxRedirects.Redirect(path: "/" + path, target: renderer.absolute(page.url, language: page.language))
        }
    }

    /// What `write` did, with the time its threads spent rendering and writing, and the wall time of
    /// compressing, for `--timings`.
    struct Written {
        var changes: OutputFolder.Changes
        var files: Set<String>
        var renderSeconds: Double
        var writeSeconds: Double
        /// Wall time of the search index and of the twins, the last steps before the commit.
        var searchSeconds: Double = 0
        var compressSeconds: Double = 0
        var budget: WeightBudget?
        /// Output path → fingerprint of each file rendered from a template, for the next build's `previousFingerprints`.
        var fingerprints: [String: Int] = [:]
    }

    /// Renders every file in parallel and writes those whose bytes changed, copies assets and
    /// resources the same way, and the list of redirects for nginx; with `compress`, the precompressed
    /// twins of all of them (see `OutputFolder.writeTwins`); then commits the output (see `OutputFolder`).
    /// `previousFingerprints`: of the files in the output already (see `SiteRenderer.rendered`), which are not rendered again.
    /// `knownFiles` are the files of the output as this process's previous build left it, if known.
    /// With `search`, Pagefind indexes the new pages before the commit, and its bundle is written the same way.
    /// With `weighPages`, the weight budget of the pages of content is measured before the commit.
    static func write(_ renderer: SiteRenderer, theme: Theme, to output: OutputFolder, root: URL, compress: Bool,
                      previousFingerprints: [String: Int] = [:], knownFiles: Set<String>? = nil, search: Pagefind? = nil, weighPages: Bool = false,
                      fingerprinting: Bool = true) throws -> Written {
        try output.begin(knownFiles: knownFiles)
        do {
            let results = renderer.items().concurrentMap { item -> RenderedFile in
                renderAndWrite(item, with: renderer, to: output, previous: previousFingerprints[renderer.path(of: item)], fingerprinting: fingerprinting)
            }
            let failures = results.flatMap { result -> [Diagnostic] in if case .failure(let error) = result.outcome { error.diagnostics } else { [] } }
            if !failures.isEmpty { throw DiagnosticsError(failures) }
            var outcomes = results.compactMap { try? $0.outcome.get() }
            let copying = ContinuousClock.now
            let sources = SourceTree(root: root)
            for asset in theme.assets {
                outcomes.append(try copyAsset(asset, of: theme, sources: sources, to: output))
            }
            for resource in renderer.content.resources where renderer.builtLanguages.contains(resource.resource.language) {
                outcomes.append(try output.copy(resource.resource.path, of: sources, to: resource.outputPath))
            }
            let indexing = ContinuousClock.now
            if let search {
                outcomes += try indexForSearch(outcomes, with: search, in: output)
            }
            outcomes.append(try output.write(NginxRedirects.entries(redirects(renderer)), to: NginxRedirects.fileName))
            let compressing = ContinuousClock.now
            if compress { outcomes += try output.writeTwins(of: outcomes) }
            let compressed = ContinuousClock.now
            let budget = weighPages ? weightBudget(renderer, results: results, output: output) : nil
            let changes = try output.commit(outcomes, knownFiles: knownFiles)
            return Written(changes: changes, files: Set(outcomes.map(\.path)), renderSeconds: results.map(\.render).reduce(.zero, +).seconds,
                           writeSeconds: (results.map(\.write).reduce(.zero, +) + (indexing - copying)).seconds,
                           searchSeconds: (compressing - indexing).seconds, compressSeconds: (compressed - compressing).seconds, budget: budget,
                           fingerprints: Dictionary(results.compactMap { result in
                               result.fingerprint.flatMap { fingerprint in (try? result.outcome.get()).map { ($0.path, fingerprint) } }
                           }, uniquingKeysWith: { first, _ in first }))
        } catch {
            output.abort()
            throw error
        }
    }
}
