import ContentLoading
import Diagnostics
import Foundation
import Output
import Precompression
import Rendering
import Support

/// The weight of the site's pages of content as visitors download them: a page's HTML and the
/// stylesheets it links, gzip-compressed, must stay under 50 KB, and no script may be needed to read
/// it. Reported by every build (`weight:` line; a warning per page over the budget).
struct WeightBudget {
    static let limit = 50 * 1024

    /// What the build learned of a page of content while rendering it.
    struct Page: Sendable {
        var path: String
        var bytes: Int
        var hasScript: Bool

        init(path: String, data: Data) {
            self.path = path
            bytes = data.count
            hasScript = data.containsBytes("<script")
        }
    }

    var summary: String
    var warnings: [Diagnostic]

    /// `pages`: the pages of content rendered by this build; those of `others` (not rendered again)
    /// are read from the output. Compressing costs: only pages whose raw size could exceed the
    /// budget, and the heaviest, are compressed (gzip never makes text larger than it was by more than a few bytes).
    init(pages rendered: [Page], others: [String], renderer: SiteRenderer, output: OutputFolder, sources: [String: String]) {
        let read = others.compactMap { path -> Page? in
            FileManager.default.contents(atPath: output.currentLocation(of: .unchanged(path: path)).path).map { Page(path: path, data: $0) }
        }
        let pages = rendered + read
        let stylesheets = Self.stylesheets(of: renderer.theme)
        let allCSS = stylesheets.values.reduce(0, +)
        func weight(_ page: Page) -> (html: Int, css: Int)? {
            guard let data = FileManager.default.contents(atPath: output.currentLocation(of: .written(path: page.path)).path)
                    ?? FileManager.default.contents(atPath: output.currentLocation(of: .unchanged(path: page.path)).path),
                  let compressed = Gzip.compress(data) else { return nil }
            let css = stylesheets.filter { data.containsBytes("href=\"\($0.key)\"") }.values.reduce(0, +)
            return (compressed.count, css)
        }
        var warnings: [Diagnostic] = []
        var overBudget = 0
        for page in pages where page.bytes + allCSS > Self.limit {
            guard let measured = weight(page), measured.html + measured.css > Self.limit else { continue }
            overBudget += 1
            warnings.append(.warning(SourceLocation(file: sources[page.path] ?? page.path),
                                     "the page weighs \(Self.kilobytes(measured.html + measured.css)) compressed (HTML \(Self.kilobytes(measured.html)), CSS \(Self.kilobytes(measured.css))), over the budget of \(Self.kilobytes(Self.limit))",
                                     hint: "split it into shorter pages, or move its long tables to pages of their own"))
        }
        for page in pages where page.hasScript {
            warnings.append(.warning(SourceLocation(file: sources[page.path] ?? page.path), "the page has a <script>: a page of content must be readable without JavaScript",
                                     hint: "remove the script from the theme's page templates (the search page alone may have one)"))
        }
        let heaviest = pages.max { ($0.bytes, $1.path) < ($1.bytes, $0.path) }
        if let heaviest, let measured = weight(heaviest) {
            summary = "weight: heaviest page /\(heaviest.path.hasSuffix("index.html") ? String(heaviest.path.dropLast("index.html".count)) : heaviest.path) "
                + "\(Self.kilobytes(measured.html + measured.css)) compressed (HTML \(Self.kilobytes(measured.html)), CSS \(Self.kilobytes(measured.css))), budget \(Self.kilobytes(Self.limit)); "
                + "\(overBudget) over, \(pages.count { $0.hasScript }) with a script, of \(pages.count) pages"
        } else {
            summary = "weight: no page of content"
        }
        self.warnings = warnings
    }

    /// The compressed size of each stylesheet of the theme, by the URL pages link it with.
    static func stylesheets(of theme: Theme) -> [String: Int] {
        var sizes: [String: Int] = [:]
        for asset in theme.assets where asset.hasSuffix(".css") {
            guard let data = FileManager.default.contents(atPath: theme.assetURL(asset).path), let compressed = Gzip.compress(data) else { continue }
            sizes["/\(Theme.assetsFolder)/\(theme.assetNames.published[asset] ?? asset)"] = compressed.count
        }
        return sizes
    }

    static func kilobytes(_ bytes: Int) -> String {
        String(format: "%.1f KB", Double(bytes) / 1024)
    }
}
