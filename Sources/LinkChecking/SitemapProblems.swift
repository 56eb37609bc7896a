import Diagnostics
import Foundation

extension ScannedSite {
    /// `sitemap.xml` against the pages: each `<loc>` an absolute URL of a page of the output, its
    /// alternates those the page itself declares, and every page that is its own canonical URL listed.
    func problems(ofSitemap sitemap: SitemapScan) -> [Diagnostic] {
        let file = options.displayName + "/" + Self.sitemapPath
        if let error = sitemap.error {
            return [.error(SourceLocation(file: file, line: error.line), "sitemap.xml is not well-formed XML: \(error.message)", hint: "see how the build writes it (Rendering/SitemapXML.swift)")]
        }
        var problems: [Diagnostic] = []
        var listed: Set<String> = []
        let versions = LanguageVersions(site: self)
        for entry in sitemap.entries {
            let location = SourceLocation(file: file, line: entry.line)
            guard entry.location.hasPrefix("http://") || entry.location.hasPrefix("https://") else {
                problems.append(.error(location, "<loc>\(entry.location)</loc> is not an absolute URL", hint: "the sitemaps protocol needs full URLs, with the site's base URL"))
                continue
            }
            guard let page = versions.page(at: entry.location, from: ""), let scan = pages[page] else {
                problems.append(.error(location, "<loc>\(entry.location)</loc> is no page of the output", hint: "list only pages the build writes"))
                continue
            }
            listed.insert(page)
            if Set(entry.alternates) != Set(scan.alternates) {
                problems.append(.error(location, "the xhtml:link alternates of \(entry.location) in sitemap.xml differ from those of the page",
                                       hint: "write the same hreflang alternates in sitemap.xml as in the page's <head>"))
            }
        }
        // Pages that are their own canonical URL and may be indexed belong in the sitemap (404 pages are served for missing addresses).
        for (path, scan) in pages where !listed.contains(path) && !scan.isNoIndex && !path.hasSuffix("404.html") {
            guard let canonical = scan.canonical, versions.page(at: canonical.href, from: path) == path else { continue }
            problems.append(.warning(SourceLocation(file: file), "\(Self.url(of: path)) is not listed in sitemap.xml", hint: "list every page that search engines may index"))
        }
        return problems
    }
}
