import CLibXML2
import Diagnostics
import Foundation
import Support

/// Checks a built site as visitors and search engines meet it: every internal link and `#anchor`
/// of every page, the language versions each page declares (hreflang alternates, canonical URL),
/// and `sitemap.xml`. External links are counted, not fetched.
public enum LinkChecker {
    /// Where a generated page came from, so that a problem is reported where it can be fixed.
    public struct PageSource: Sendable {
        /// The Markdown file, as the person knows it (`Content/fr/page.md`).
        public var path: String
        /// Its text (the body, after the front matter), in which the link is looked for to give a line.
        public var text: String
        /// The line of the file on which `text` starts.
        public var firstLine: Int

        public init(path: String, text: String, firstLine: Int = 1) {
            self.path = path
            self.text = text
            self.firstLine = firstLine
        }
    }

    public struct Options: Sendable {
        /// The site's base URLs (per language); absolute links under them are internal.
        public var baseURLs: [String]
        /// How the output folder is named in messages (`Site`).
        public var displayName: String
        /// Output path of a page (`fr/a/index.html`) → the Markdown file it was rendered from.
        public var sources: [String: PageSource]
        /// Folders of the host other systems serve (`/docs/`): links there are not pages of this output.
        public var servedElsewhere: [String]

        public init(baseURLs: [String], displayName: String, sources: [String: PageSource] = [:], servedElsewhere: [String] = []) {
            self.baseURLs = baseURLs
            self.servedElsewhere = servedElsewhere
            self.displayName = displayName
            self.sources = sources
        }
    }

    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var pages: Int
        /// Internal links checked (fragments included), and external links left unchecked.
        public var internalLinks: Int
        public var anchors: Int
        public var externalLinks: Int
        public var seconds: Double = 0

        /// `links: 1,234 internal links (321 to an anchor) in 88 pages, 0 broken; 12 external links not checked`.
        public var summary: String {
            let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
            return "links: \(internalLinks) internal links (\(anchors) to an anchor) in \(pages) pages: \(errors) error\(errors == 1 ? "" : "s"), "
                + "\(warnings) warning\(warnings == 1 ? "" : "s"); \(externalLinks) external link\(externalLinks == 1 ? "" : "s") not checked"
                + "; \(String(format: "%.2f", seconds)) s"
        }
    }

    /// Checks the output in `folder`, reading and checking its pages in parallel.
    public static func check(folder: URL, options: Options) -> Report {
        let start = ContinuousClock.now
        xmlInitParser()
        let files = FileListing.files(in: folder)
        let pagePaths = files.filter { $0.hasSuffix(".html") }
        let scans = pagePaths.concurrentMap { path in
            PageScan((try? Array(Data(contentsOf: folder.appendingPathComponent(path)))) ?? [])
        }
        let site = ScannedSite(files: Set(files), pages: Dictionary(uniqueKeysWithValues: zip(pagePaths, scans)), options: options)
        var report = Report(diagnostics: [], pages: pagePaths.count, internalLinks: 0, anchors: 0, externalLinks: 0)
        let perPage = pagePaths.concurrentMap { path in site.problems(of: path) }
        for page in perPage {
            report.diagnostics += page.diagnostics
            report.internalLinks += page.internalLinks
            report.anchors += page.anchors
            report.externalLinks += page.externalLinks
        }
        if files.contains(ScannedSite.sitemapPath), let bytes = try? Array(Data(contentsOf: folder.appendingPathComponent(ScannedSite.sitemapPath))) {
            report.diagnostics += site.problems(ofSitemap: SitemapScan(bytes))
        }
        report.diagnostics = report.diagnostics.sortedByLocation()
        report.seconds = (ContinuousClock.now - start).seconds
        return report
    }
}
