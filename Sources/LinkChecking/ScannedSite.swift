import Diagnostics
import Foundation

/// Every page of an output, read: what the checks of one page look up in the others.
struct ScannedSite: Sendable {
    static let sitemapPath = "sitemap.xml"

    let files: Set<String>
    let pages: [String: PageScan]
    let options: LinkChecker.Options

    struct PageProblems {
        var diagnostics: [Diagnostic] = []
        var internalLinks = 0
        var anchors = 0
        var externalLinks = 0
    }

    /// The file a static server answers with for `path`: a folder's `index.html`. `redirected` when
    /// the path names a folder without its final `/`, which servers answer with a redirect first.
    func file(answering path: String) -> (file: String, redirected: Bool)? {
        if path.isEmpty || path.hasSuffix("/") {
            return files.contains(path + "index.html") ? (path + "index.html", false) : nil
        }
        if files.contains(path) { return (path, false) }
        if files.contains(path + "/index.html") { return (path + "/index.html", true) }
        return nil
    }

    /// The URL a visitor sees for an output file: `/fr/a/` for `fr/a/index.html`.
    static func url(of file: String) -> String {
        "/" + (file.hasSuffix("index.html") ? String(file.dropLast("index.html".count)) : file)
    }

    func problems(of path: String) -> PageProblems {
        guard let scan = pages[path] else { return PageProblems() }
        var result = PageProblems()
        for duplicate in scan.duplicateIDs {
            result.diagnostics.append(.error(location(in: path, line: duplicate.line, looking: "id=\"\(duplicate.id)\""),
                                             "the id \"\(duplicate.id)\" is used more than once on \(Self.url(of: path)): a link to #\(duplicate.id) is ambiguous",
                                             hint: "give each element of a page its own id"))
        }
        // A 404 page is served at the address that was not found: a relative link there leads anywhere.
        let servedAnywhere = path.hasSuffix("404.html")
        for link in scan.links {
            switch LinkTarget(link.url, from: path, baseURLs: options.baseURLs, servedElsewhere: options.servedElsewhere) {
            case .external: result.externalLinks += 1
            case .other: break
            case .output(let target, let fragment):
                result.internalLinks += 1
                check(link, leadingTo: target, fragment: fragment, from: path, servedAnywhere: servedAnywhere, into: &result)
            }
        }
        result.diagnostics += LanguageVersions(site: self).problems(of: path, scan: scan)
        return result
    }

    private func check(_ link: PageScan.Link, leadingTo target: String, fragment: String?, from path: String, servedAnywhere: Bool,
                       into result: inout PageProblems) {
        let written = link.url
        if servedAnywhere, !written.hasPrefix("/"), !written.hasPrefix("#"), !options.baseURLs.contains(where: { written.hasPrefix($0) }) {
            result.diagnostics.append(.error(location(in: path, line: link.line, looking: written),
                                             "the relative link \(written) (\(link.attribute)) is on a 404 page, which is served at any missing address: it leads nowhere",
                                             hint: "write links of the 404 template from the root: /fr/…"))
        }
        guard let answer = file(answering: target) else {
            result.diagnostics.append(.error(location(in: path, line: link.line, looking: written),
                                             "broken link on \(Self.url(of: path)): \(written) (\(link.attribute)) leads to no file of the site",
                                             hint: "link to a page that exists (for a page of Content, write the path of its .md file), or remove the link"))
            return
        }
        if answer.redirected {
            result.diagnostics.append(.warning(location(in: path, line: link.line, looking: written),
                                               "\(written) names a folder without its final /: the server answers with a redirect first",
                                               hint: "write \(Self.url(of: answer.file))"))
        }
        guard let fragment, !fragment.isEmpty else { return }
        result.anchors += 1
        // A fragment of a file that is not a page (an image, a PDF) is for its viewer, not checked here;
        // `#top` needs no element (HTML scrolls to the top).
        guard let targetScan = pages[answer.file], fragment.lowercased() != "top", !targetScan.ids.contains(fragment) else { return }
        result.diagnostics.append(.error(location(in: path, line: link.line, looking: "#" + (written.split(separator: "#", maxSplits: 1).last.map(String.init) ?? fragment)),
                                         "broken anchor on \(Self.url(of: path)): \(Self.url(of: answer.file)) has no element with the id \"\(fragment)\" (\(written))",
                                         hint: "link to a heading that exists on that page (its id is in the page's HTML), or remove #\(fragment)"))
    }

    /// Where to report a problem on the page at `path`, line `line`: in the Markdown file it came
    /// from when `needle` is found there, else in the generated file.
    /// The HTML holds the URL percent-encoded (cmark writes `#café` as `#caf%C3%A9`, `<#a b>` as `#a%20b`):
    /// it is looked for as written in the HTML, then decoded, as the Markdown most often has it.
    func location(in path: String, line: Int, looking needle: String) -> SourceLocation {
        if let source = options.sources[path] {
            let decoded = needle.contains("%") ? needle.removingPercentEncoding : nil
            if let place = Self.find(needle, in: source.text) ?? decoded.flatMap({ Self.find($0, in: source.text) }) {
                return SourceLocation(file: source.path, line: source.firstLine + place.line - 1, column: place.column)
            }
        }
        return SourceLocation(file: options.displayName + "/" + path, line: line)
    }

    static func find(_ needle: String, in text: String) -> (line: Int, column: Int)? {
        guard !needle.isEmpty, let range = text.range(of: needle) else { return nil }
        let before = text[..<range.lowerBound]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex, to: before.endIndex) + 1
        return (line, column)
    }
}
