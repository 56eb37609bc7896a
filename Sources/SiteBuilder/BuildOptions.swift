import Output
import Diagnostics
import Foundation

/// What `cleiss-site build` was asked to do.
public struct BuildOptions: Sendable {
    /// The site root, holding site.yml, Content/ and Themes/.
    public var source: URL
    /// The output folder; `Site/` under the source by default.
    public var output: URL
    /// The languages to build; nil builds every language of site.yml.
    public var languages: [String]?
    /// Replaces site.yml's baseURL for the languages built.
    public var baseURL: String?
    public var includeDrafts: Bool
    /// Fail the build on charter errors (for CI).
    public var strict: Bool
    /// A build for publication: what must not go online (an incomplete legal notice) is an error, not a warning.
    public var production = false
    /// Publish the theme's assets under content-hashed names (`cleiss.0123456789ab.css`), for long
    /// caching. The live preview turns it off, so that a stylesheet edit keeps its URL and shows at once.
    public var fingerprintAssets = true
    /// Index the site for search with Pagefind when it is found (see `Pagefind.locate`). The live
    /// preview turns it off: indexing every page again at each keystroke would slow it down.
    public var search = true
    /// Measure the weight budget of the pages of content (see `WeightBudget`). The live preview turns it off.
    public var weighPages = true
    /// Also write precompressed twins of the text files (`page.html.gz`, `page.html.br`), for publishing.
    public var compress: Bool

    /// These options as the live preview builds: plain asset names (a stylesheet edit keeps its URL and
    /// shows without a reload), no search index and no weight budget (redone at every edit, they would
    /// slow the preview down). Edits of texts then take the short way (`rebuildEditedTexts`).
    public var forPreview: BuildOptions {
        var options = self
        options.fingerprintAssets = false
        options.search = false
        options.weighPages = false
        return options
    }

    public init(source: URL, output: URL? = nil, languages: [String]? = nil, baseURL: String? = nil, includeDrafts: Bool = false, strict: Bool = false,
                compress: Bool = false) {
        self.strict = strict
        self.compress = compress
        self.source = source
        self.output = output ?? source.appendingPathComponent("Site")
        self.languages = languages
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
    }
}

/// A mistake in how the command was called, not in the content: exit code 2.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What a successful build did, for its last line.
public struct BuildReport: Sendable {
    public var pagesPerLanguage: [(language: String, count: Int)]
    /// Files of the output: written because their bytes changed, left as they were, removed.
    public var files: OutputFolder.Changes
    public var warnings: [Diagnostic]
    /// The charter's summary of the pages built: `0 errors, 3 warnings, 1 info in 66 pages`.
    public var charterSummary: String
    /// `search: Pagefind 1.5.2, pages of fr, en indexed`, or why search is off.
    public var searchSummary = ""
    /// `weight: heaviest page /fr/a/ 9.1 KB compressed…`, empty when not measured.
    public var weightSummary = ""
    /// Wall time of each stage, in order.
    public var stages: [(name: String, seconds: Double)]
    public var seconds: Double

    /// `timings: load 0.12 s, check 0.30 s, …` for `--timings`.
    public var timings: String {
        "timings: " + stages.map { "\($0.name) \(String(format: "%.3f", $0.seconds)) s" }.joined(separator: ", ")
    }

    /// `fr: 42 pages, en: 41 pages, 130 files (2 written, 0 removed) in 0.31 s`.
    public var summary: String {
        let pages = pagesPerLanguage.map { "\($0.language): \($0.count) pages" }.joined(separator: ", ")
        return "\(pages), \(files.written + files.unchanged) files (\(files.written) written, \(files.removed) removed) in \(String(format: "%.2f", seconds)) s"
    }
}
