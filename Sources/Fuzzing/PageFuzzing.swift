import Charter
import Configuration
import ContentLoading
import Diagnostics
import Foundation
import Markdown

/// One page through the stages a build gives it: the content loader (UTF-8, front matter), the
/// Markdown renderer and the charter. The libFuzzer target `FuzzPage` and the regression tests of
/// `Tests/FuzzRegressions/page` call it; whatever the bytes, it must return, never crash or stall.
public struct PageFuzzing: Sendable {
    /// The site the page belongs to: this repository's site.yml (its languages, audiences and charter).
    static let siteConfigurationFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(ConfigurationLoader.fileName)

    /// What became of one input.
    public enum Outcome: Sendable, Equatable {
        /// The page was refused with these errors (bad front matter, not UTF-8, …).
        case refused(errors: Int)
        /// The page was rendered and checked.
        case checked(htmlBytes: Int, headings: Int, findings: Int)
    }

    let workspace: FuzzWorkspace
    let configuration: SiteConfiguration
    let checker: CharterChecker
    let renderer = MarkdownRenderer()

    public init() throws {
        let workspace = FuzzWorkspace(name: "page")
        defer { workspace.clear() }
        try workspace.write(Data(contentsOf: Self.siteConfigurationFile), to: ConfigurationLoader.fileName)
        self.workspace = workspace
        configuration = try ConfigurationLoader.load(root: workspace.root)
        let settings = try CharterConfiguration.load(root: workspace.root, languages: configuration.languages)
        checker = try CharterFactory.checker(settings: settings, languages: configuration.languages)
    }

    /// Loads `data` as a page of the site, renders it and checks it against the charter. The
    /// language alternates with the input's length, so that both languages' rules are reached.
    public func run(_ data: Data) throws -> Outcome {
        let language = configuration.languages[data.count % configuration.languages.count]
        let path = "\(ContentLoader.contentFolder)/\(language)/page.md"
        try workspace.write(data, to: path)
        defer { workspace.clear() }
        let loaded: ContentLoader.Result
        do {
            loaded = try ContentLoader.load(root: workspace.root, configuration: configuration, languages: [language])
        } catch {
            return .refused(errors: error.diagnostics.count)
        }
        guard let page = loaded.pages.first else { return .refused(errors: loaded.diagnostics.count) }
        // As in a build: one parse, read by the charter, then rendered.
        let parsed = ParsedMarkdown(page.body)
        var caches = WordCaches()
        let charter = checker.check(page, parsed: parsed, caches: &caches)
        let rendered = renderer.render(parsed, file: page.path, firstLine: page.bodyFirstLine)
        return .checked(htmlBytes: rendered.html.utf8.count, headings: rendered.headings.count, findings: charter.findings.count)
    }
}
