import Configuration
import ContentLoading
import Diagnostics
import Charter
import Foundation
import Indicators
import Markdown
import Output
import Rendering
import Support

/// The build, as a pipeline of named steps: configuration → theme → content → site model →
/// Markdown → checks → rendering → output. Each step hands `Sendable` values to the next.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) throws -> BuildReport {
        let start = Date()
        var clock = StageClock()
        let configuration = try ConfigurationLoader.load(root: options.source)
        let languages = try selectLanguages(options.languages, configuration: configuration)
        let baseURLs = try resolveBaseURLs(options.baseURL, languages: languages, configuration: configuration)
        let output = try OutputFolder(destination: options.output, protected: [
            options.source.appendingPathComponent(ContentLoader.contentFolder),
            options.source.appendingPathComponent("Themes"),
            options.source.appendingPathComponent(ConfigurationLoader.fileName),
        ])

        var warnings: [Diagnostic] = []
        var errors: [Diagnostic] = []
        // The theme and the content are independent: report the problems of both in one run.
        var theme: Theme?
        do { theme = try Theme.load(root: options.source, name: configuration.theme, languages: configuration.languages) } catch { errors += error.diagnostics }
        // Every language is read, even under --lang, so that alternates and the switcher know the translations.
        var loaded: ContentLoader.Result?
        do { loaded = try ContentLoader.load(root: options.source, configuration: configuration, languages: configuration.languages) } catch {
            errors += error.diagnostics
        }
        guard let theme, let loaded, errors.isEmpty else { throw DiagnosticsError(errors + warnings) }
        warnings += loaded.diagnostics
        let content = try SiteContent(configuration: configuration, loaded: loaded, includeDrafts: options.includeDrafts)
        clock.end("load")

        let charter = try checkCharter(content, root: options.source, languages: languages)
        if options.strict { errors += charter.findings.filter { $0.severity == .error }.map(asDiagnostic) }
        clock.end("check")
        let markdown = renderMarkdown(content, theme: theme)
        clock.end("markdown")
        warnings += markdown.flatMap(\.diagnostics).warnings
        errors += markdown.flatMap(\.diagnostics).errors
        errors += duplicateTitles(content, theme: theme)
        if !errors.isEmpty { throw DiagnosticsError(errors + warnings) }

        let renderer = SiteRenderer(content: content, theme: theme, bodies: markdown.map(\.html), builtLanguages: languages, baseURLs: baseURLs,
                                    outdatedTranslations: outdatedTranslations(content, root: options.source))
        let written = try write(renderer, theme: theme, to: output, root: options.source)
        clock.end("render+write")
        let pages = languages.map { language in (language, content.pages.count { $0.language == language }) }
        return BuildReport(pagesPerLanguage: pages, filesWritten: written, warnings: warnings.sortedByLocation(),
                           charterSummary: "charter: " + charter.summary, stages: clock.stages, seconds: Date().timeIntervalSince(start))
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

    /// The charter's checks on the pages built, in parallel: the same checks as `cleiss-site check`.
    static func checkCharter(_ content: SiteContent, root: URL, languages: [String]) throws -> CharterReport {
        let settings = try CharterConfiguration.load(root: root, languages: content.configuration.languages)
        let checker = try CharterFactory.checker(settings: settings, languages: content.configuration.languages)
        let results = checker.check(pages: content.pages.filter { languages.contains($0.language) }.map(\.source))
        return CharterReport(findings: checker.withSpellingSuggestions(results.flatMap(\.findings)), pages: results.map(\.statistics))
    }

    /// Translations whose source-language version changed after them (from git, else `lastmod`), the same rule as `report`.
    static func outdatedTranslations(_ content: SiteContent, root: URL) -> Set<Int> {
        let history = GitHistory.read(root: root)
        let source = content.configuration.defaultLanguage
        return Set(content.pages.indices.filter { index in
            guard content.pages[index].language != source, let original = content.translation(of: index, in: source) else { return false }
            return TranslationStatus.isOutdated(content.pages[index], comparedWith: content.pages[original], history: history)
        })
    }

    /// A charter error as a build error, for `--strict`.
    static func asDiagnostic(_ finding: Finding) -> Diagnostic {
        .error(SourceLocation(file: finding.file, line: finding.line, column: finding.column), "[\(finding.rule.rawValue)] \(finding.message)",
               hint: finding.suggestion ?? "see the charter rules in README.md")
    }

    /// Every page's Markdown, in parallel, with links rewritten to URLs.
    static func renderMarkdown(_ content: SiteContent, theme: Theme) -> [RenderedMarkdown] {
        let renderers = Dictionary(uniqueKeysWithValues: content.configuration.languages.map { language in
            (language, MarkdownRenderer(allowRawHTML: content.configuration.allowRawHTML, reservedIDs: theme.elementIDs,
                                        footnoteBackLabel: theme.strings[language]?["footnoteBackLabel"]))
        })
        return Array(content.pages.indices).concurrentMap { index in
            let page = content.pages[index]
            return renderers[page.language]!.render(page.source.body, file: page.source.path, firstLine: page.source.bodyFirstLine) { destination in
                switch content.resolveLink(destination, from: index) {
                case .unchanged: return .keep
                case .url(let url): return .replace(url)
                case .missing(let reason): return .broken(reason)
                }
            }
        }
    }

    /// Two pages of one language with the same title would share a `<title>`: people and search engines
    /// could not tell them apart. Generated pages (audience landing pages…) take part too.
    static func duplicateTitles(_ content: SiteContent, theme: Theme) -> [Diagnostic] {
        var seen: [String: String] = [:]
        for language in content.configuration.languages {
            let strings = theme.strings[language] ?? [:]
            for key in ["audiencesTitle", "sitemap", "notFoundTitle"] {
                if let title = strings[key] { seen[language + "|" + title] = "the generated page '\(title)' (\(theme.displayPath)/i18n/\(language).yml)" }
            }
            for audience in content.configuration.audiences {
                if let label = audience.label[language] { seen[language + "|" + label] = "the landing page of audience '\(audience.id)' (site.yml)" }
            }
        }
        var diagnostics: [Diagnostic] = []
        for page in content.pages {
            let key = page.language + "|" + page.title
            if let other = seen[key] {
                diagnostics.append(.error(page.frontMatter.location(of: "title") ?? SourceLocation(file: page.source.path, line: 1),
                                          "the title '\(page.title)' is already the title of \(other)",
                                          hint: "give each page of a language its own title, so that every <title> is unique"))
            } else {
                seen[key] = page.source.path
            }
        }
        return diagnostics
    }

    /// Renders every file in parallel into the staging folder, copies assets and resources, then swaps it in.
    static func write(_ renderer: SiteRenderer, theme: Theme, to output: OutputFolder, root: URL) throws -> Int {
        try output.begin()
        do {
            let items = renderer.items()
            let failures = items.concurrentMap { item -> [Diagnostic] in
                let file = renderer.render(item)
                do throws(DiagnosticsError) { try output.write(file.data, to: file.path) } catch { return error.diagnostics }
                return []
            }.flatMap { $0 }
            if !failures.isEmpty { throw DiagnosticsError(failures) }
            for asset in theme.assets {
                try output.copy(theme.folder.appendingPathComponent("assets").appendingPathComponent(asset), to: "assets/" + asset)
            }
            for resource in renderer.content.resources where renderer.builtLanguages.contains(resource.resource.language) {
                try output.copy(root.appendingPathComponent(resource.resource.path), to: resource.outputPath)
            }
            try output.commit()
            return items.count + theme.assets.count + renderer.content.resources.count { renderer.builtLanguages.contains($0.resource.language) }
        } catch {
            output.abort()
            throw error
        }
    }
}
