import Charter
import Configuration
import ContentLoading
import Diagnostics
import Foundation
import Markdown
import LinkChecking
import Output
import Search
import Rendering
import Support

/// Builds a site again and again, redoing only what the changes since the previous build touch.
///
/// A session remembers, from its last successful build: the Markdown files it read (reused while
/// their size, inode and times are the same), each page's charter findings and rendered Markdown
/// (reused while the page's text, the links it points to and the settings are the same), and a
/// fingerprint of what each file of the output was made from (a file is written again only when
/// it changes; see `SiteRenderer.rendered`). Whatever is rendered is written only when its bytes differ from the output's.
/// The result is byte for byte the output of a clean build; tests hold it to that.
///
/// `SiteBuilder.build` is a fresh session; `cleiss-site serve` keeps one for its rebuilds.
/// A session is used from one thread at a time.
public final class BuildSession: @unchecked Sendable {
    /// What the last successful build left for the next one.
    struct Memory {
        /// Everything that every page depends on: options, site.yml, charter.yml.
        var settings: Int
        /// The theme's files, which `theme` was loaded from (see `ThemeFingerprint`).
        var themeFingerprint = 0
        var files: [String: ContentLoader.LoadedFile] = [:]
        var checker: CharterChecker?
        var charter: [String: CharterMemo] = [:]
        var markdown: [String: MarkdownMemo] = [:]
        /// Output path of each rendered file → fingerprint of what it was rendered from.
        var outputFingerprints: [String: Int] = [:]
        /// The output folder those fingerprints describe.
        var output: URL
        /// What every link of every page resolves against (see `LinkTargets`).
        var linkTargets: Int = 0
        var resources: [ResourceFile] = []
        /// Every file of the output after the last build.
        var outputFiles: Set<String> = []
        var theme: Theme?
        /// The renderer of the last build, with the site's content: the one place that holds them, so
        /// that `rebuildEditedTexts` can change a page of them without copying the others.
        var renderer: SiteRenderer?
        /// The report of the last build and its charter report, which an edit of texts updates.
        var report: BuildReport?
        var charterReport: CharterReport?
        /// Whether the output has precompressed twins (`--compress`), which edits of texts do not update.
        var compressed = false
    }

    struct CharterMemo: Sendable {
        var page: SourcePage
        var result: (findings: [Finding], statistics: PageStatistics)
    }

    struct MarkdownMemo: Sendable {
        var body: String
        /// Where the body starts in its file: the lines of headings and messages follow it.
        var firstLine: Int
        /// Each link destination of the body and what it resolved to.
        var links: [(destination: String, rewrite: LinkRewrite)]
        var rendered: RenderedMarkdown
    }

    var memory: Memory?
    /// Whether the last build threw: the next one then compares every file.
    private var lastBuildFailed = false

    /// Whether the session will build again (the live preview): only then is each output file's
    /// fingerprint worth computing (about 5 % of a clean build's CPU). A single build compares bytes.
    let rebuilds: Bool

    public init(rebuilds: Bool = true) { self.rebuilds = rebuilds }

    /// Forgets everything: the next build is a clean one (except that unchanged files are still not rewritten).
    public func reset() { memory = nil }

    /// Builds into `options.output`. `changed`: the paths (from the site root) changed since the last
    /// build, when a watcher knows them; edits of texts alone then take the short way (see
    /// `rebuildEditedTexts`). Without it, or with `*` in it, every input is compared.
    @discardableResult
    public func build(_ options: BuildOptions, changed: [String]? = nil) throws -> BuildReport {
        // After a failed build, files changed before this batch may still be broken: compare them all.
        let quick = !lastBuildFailed
        lastBuildFailed = true
        let report: BuildReport
        if quick, let changed, !changed.contains("*"), let edited = try rebuildEditedTexts(options, changed: changed) {
            report = edited
        } else {
            report = try fullBuild(options)
        }
        lastBuildFailed = false
        return report
    }

    /// A build that compares every input with what the session remembers: the steps of `BuildSteps.swift`, in order.
    func fullBuild(_ options: BuildOptions) throws -> BuildReport {
        var progress = BuildProgress()
        let plan = try Self.plan(options)
        // Anything remembered under other settings, or for another output, is of no use.
        let previous = memory.flatMap { $0.settings == plan.settings && $0.output == plan.output.destination ? $0 : nil }
        var next = Memory(settings: plan.settings, output: plan.output.destination)
        let checker = Self.charterChecker(plan, previous: previous)
        let (theme, site) = try loadThemeAndContent(plan, previous: previous, next: &next, progress: &progress)
        let (content, unchanged) = siteModel(site, previous: previous, progress: &progress)
        Self.checkLegalNotice(content, plan: plan, progress: &progress)
        let pages = try checkAndRenderPages(content, plan: plan, checker: checker.value(), theme: theme, previous: previous,
                                            unchanged: unchanged, next: &next, progress: &progress)
        let renderer = Self.renderer(plan, content: content, theme: theme, markdown: pages.markdown)
        let written = try writeOutput(renderer, plan: plan, previous: previous, next: &next, progress: &progress)
        let report = Self.report(plan, content: content, charter: pages.charter, written: written, progress: progress)
        next.report = report
        next.charterReport = pages.charter
        memory = next
        return report
    }

    /// The site's structure (URLs, translations, lists, menus) is made of paths and front matter:
    /// when the same files are there and only texts changed, the previous one serves with the new texts.
    func siteContent(_ site: LoadedSite, previous: Memory?, unchanged: Set<String>) -> SiteContent {
        let loaded = site.files
        // The data of the country pages is compared too: an edit of Data/countries.yml changes generated pages.
        if let previous, let content = previous.renderer?.content, Set(previous.files.keys) == Set(loaded.files.keys), previous.resources == loaded.resources,
           content.countries == loaded.countries,
           let updated = content.replacingTexts(with: Dictionary(loaded.pages.filter { !unchanged.contains($0.path) }.map { ($0.path, $0) },
                                                                 uniquingKeysWith: { first, _ in first }), unchanged: unchanged) {
            return updated
        }
        return site.structure()
    }

    /// What `checkCharterAndRenderMarkdown` gives: the charter's report, each page's Markdown, and the
    /// time the threads spent on each stage (for `--timings`; parsing counts as the Markdown stage's).
    struct CheckedAndRendered {
        var charter: CharterReport
        var markdown: [MarkdownMemo]
        var checkSeconds: Double
        var markdownSeconds: Double
    }

    /// The charter's checks on the pages built (the same checks as `cleiss-site check`) and every page's
    /// Markdown with links rewritten to URLs, in one parallel pass: each page is parsed once, the charter
    /// reads the tree, then the renderer consumes it (and the tree is freed before the next page).
    /// A page whose front matter and text are those of the previous build keeps its findings; one whose
    /// body is the same and whose links still lead where they led keeps its HTML.
    func checkCharterAndRenderMarkdown(_ content: SiteContent, checker: CharterChecker, theme: Theme, languages: [String], previous: Memory?,
                                       unchanged: Set<String>, next: inout Memory) -> CheckedAndRendered {
        let renderers = Dictionary(uniqueKeysWithValues: content.configuration.languages.map { ($0, Self.markdownRenderer($0, content: content, theme: theme)) })
        let rememberedCharter = previous?.charter ?? [:]
        let rememberedMarkdown = previous.flatMap { Self.sameMarkdownSettings($0.theme, theme) ? $0.markdown : nil } ?? [:]
        next.linkTargets = LinkTargets.fingerprint(content)
        // When no page or file moved, every link resolves as before and need not be resolved again to tell.
        let linksUnchanged = previous?.linkTargets == next.linkTargets
        let results = Array(content.pages.indices).concurrentMap(state: { WordCaches() }) { caches, index -> PageStages in
            let page = content.pages[index], source = content.pages[index].source
            let checks = languages.contains(page.language)
            var charter = checks ? rememberedCharter[source.path].flatMap { memo in
                unchanged.contains(source.path) || (memo.page.body == source.body && memo.page.frontMatter == source.frontMatter
                    && memo.page.bodyFirstLine == source.bodyFirstLine) ? memo.result : nil
            } : nil
            var markdown = rememberedMarkdown[source.path].flatMap { memo in
                (unchanged.contains(source.path) || (memo.body == source.body && memo.firstLine == source.bodyFirstLine))
                    && (linksUnchanged || memo.links.allSatisfy({ Self.resolve($0.destination, from: index, in: content) == $0.rewrite })) ? memo : nil
            }
            if let markdown, !checks || charter != nil { return PageStages(charter: charter, markdown: markdown) }
            return Self.checkAndRender(source, at: index, in: content, checker: checks ? checker : nil, renderer: renderers[page.language]!,
                                       caches: &caches, known: PageStages(charter: charter, markdown: markdown))
        }
        let spelling = ContinuousClock.now
        let checked = zip(content.pages, results).filter { languages.contains($0.0.language) }.map { ($0.0.source, $0.1.charter!) }
        // The texts of the pages made from data are checked where they are written, in the data file.
        let dataFindings = content.countries.map { checker.check(countries: $0, strings: theme.strings, languages: languages) } ?? []
        let charter = CharterReport(findings: checker.withSpellingSuggestions(checked.flatMap(\.1.findings) + dataFindings), pages: checked.map(\.1.statistics))
        // The suggestions are looked up on every core too: their wall time is worth as many threads'.
        let spellingSeconds = (ContinuousClock.now - spelling).seconds * Double(ProcessInfo.processInfo.activeProcessorCount)
        next.checker = checker
        next.charter = Dictionary(checked.map { ($0.0.path, CharterMemo(page: $0.0, result: $0.1)) }, uniquingKeysWith: { first, _ in first })
        let memos = results.map { $0.markdown! }
        next.markdown = Dictionary(zip(content.pages, memos).map { ($0.source.path, $1) }, uniquingKeysWith: { first, _ in first })
        return CheckedAndRendered(charter: charter, markdown: memos, checkSeconds: results.map(\.checkSeconds).reduce(spellingSeconds, +),
                                  markdownSeconds: results.map(\.markdownSeconds).reduce(0, +))
    }

    /// One page's way through `checkCharterAndRenderMarkdown`: its findings (when its language is built), its Markdown, and the thread time each took.
    struct PageStages: Sendable {
        var charter: (findings: [Finding], statistics: PageStatistics)?
        var markdown: MarkdownMemo?
        var checkSeconds = 0.0
        var markdownSeconds = 0.0
    }

    /// One page parsed once: the charter reads the tree (unless `checker` is nil or `known` has its
    /// findings), then the renderer consumes it (unless `known` has its Markdown). `renderer` is that of
    /// the page's language.
    static func checkAndRender(_ source: SourcePage, at index: Int, in content: SiteContent, checker: CharterChecker?, renderer: MarkdownRenderer,
                               caches: inout WordCaches, known: PageStages = PageStages()) -> PageStages {
        var stages = known
        let parsing = ContinuousClock.now
        let parsed = ParsedMarkdown(source.body)
        let checking = ContinuousClock.now
        if let checker, stages.charter == nil { stages.charter = checker.check(source, parsed: parsed, caches: &caches) }
        let rendering = ContinuousClock.now
        if stages.markdown == nil { stages.markdown = Self.renderMarkdown(source, parsed: parsed, at: index, in: content, with: renderer) }
        stages.checkSeconds = (rendering - checking).seconds
        stages.markdownSeconds = (checking - parsing).seconds + (ContinuousClock.now - rendering).seconds
        return stages
    }

    /// What the Markdown stage takes from the theme (see `markdownRenderer`): the literal ids of its
    /// templates, which heading anchors avoid, and the footnotes' back label of each language.
    struct MarkdownSettings: Equatable {
        var reservedIDs: Set<String>
        var footnoteBackLabels: [String: String?]

        init(_ theme: Theme) {
            reservedIDs = theme.elementIDs
            footnoteBackLabels = theme.strings.mapValues { $0["footnoteBackLabel"] }
        }
    }

    /// Whether two themes give the Markdown stage the same settings: an edit of a template keeps every
    /// page's HTML unless it adds or removes a literal `id`.
    static func sameMarkdownSettings(_ earlier: Theme?, _ theme: Theme) -> Bool {
        earlier.map(MarkdownSettings.init) == MarkdownSettings(theme)
    }

    static func markdownRenderer(_ language: String, content: SiteContent, theme: Theme) -> MarkdownRenderer {
        let settings = MarkdownSettings(theme)
        return MarkdownRenderer(allowRawHTML: content.configuration.allowRawHTML, reservedIDs: settings.reservedIDs,
                                footnoteBackLabel: settings.footnoteBackLabels[language] ?? nil)
    }

    static func resolve(_ destination: String, from index: Int, in content: SiteContent) -> LinkRewrite {
        switch content.resolveLink(destination, from: index) {
        case .unchanged: return .keep
        case .url(let url): return .replace(url)
        case .missing(let reason): return .broken(reason)
        }
    }

    /// The Markdown of the page at `index` as HTML, remembering where each of its links led. `source`
    /// is the page's file, which may be newer than the one `content` holds (see `rebuildEditedTexts`).
    static func renderMarkdown(_ source: SourcePage, at index: Int, in content: SiteContent, with renderer: MarkdownRenderer) -> MarkdownMemo {
        renderMarkdown(source, parsed: ParsedMarkdown(source.body), at: index, in: content, with: renderer)
    }

    /// The same, from the page's body parsed before (`parsed` is consumed).
    static func renderMarkdown(_ source: SourcePage, parsed: consuming ParsedMarkdown, at index: Int, in content: SiteContent,
                               with renderer: MarkdownRenderer) -> MarkdownMemo {
        var links: [(destination: String, rewrite: LinkRewrite)] = []
        let rendered = renderer.render(parsed, file: source.path, firstLine: source.bodyFirstLine) { destination in
            let rewrite = resolve(destination, from: index, in: content)
            links.append((destination, rewrite))
            return rewrite
        }
        return MarkdownMemo(body: source.body, firstLine: source.bodyFirstLine, links: links, rendered: rendered)
    }
}

extension BuildSession {
    /// The Markdown file of each page of the last build, by output path: where `check --links`
    /// reports a broken link that a page's text wrote.
    public var pageSources: [String: LinkChecker.PageSource] {
        guard let renderer = memory?.renderer else { return [:] }
        let pages = renderer.builtPageIndices.map { renderer.content.pages[$0] }
        return Dictionary(pages.map { page in
            (page.outputPath, LinkChecker.PageSource(path: page.source.path, text: page.source.body, firstLine: page.source.bodyFirstLine))
        }, uniquingKeysWith: { first, _ in first })
    }

    /// The charter's findings of the last build (the preview's charter panel shows each page's).
    public var charterFindings: [Finding] { memory?.charterReport?.findings ?? [] }

    /// The settings of site.yml the last build used.
    public var configuration: SiteConfiguration? { memory?.renderer?.content.configuration }
}
