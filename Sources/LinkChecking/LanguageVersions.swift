import Diagnostics
import Foundation

/// The language versions a page declares to search engines, checked as they read them: each
/// version lists every version, itself included, and `x-default`; versions list the same set
/// (reciprocal alternates); each version's canonical URL is its own, never another language's.
struct LanguageVersions {
    let site: ScannedSite

    func problems(of path: String, scan: PageScan) -> [Diagnostic] {
        let url = ScannedSite.url(of: path)
        var problems: [Diagnostic] = []
        func report(_ line: Int, _ message: String, hint: String) {
            problems.append(.error(SourceLocation(file: site.options.displayName + "/" + path, line: line), message, hint: hint))
        }
        // A redirect page kept from search engines (an alias) names its target as canonical, rightly.
        if !scan.isNoIndex, let canonical = scan.canonical, !leadsHere(canonical.href, from: path) {
            report(canonical.line, "the canonical URL of \(url) is \(canonical.href), another page: search engines would index that one instead",
                   hint: "each page, in each language, is its own canonical URL")
        }
        guard !scan.alternates.isEmpty else { return problems }
        let line = scan.alternatesLine
        let languages = scan.alternates.map(\.hreflang)
        for duplicate in Set(languages.filter { language in languages.count { $0 == language } > 1 }).sorted() {
            report(line, "\(url) lists hreflang=\"\(duplicate)\" more than once", hint: "list each language version once")
        }
        if scan.canonical == nil {
            report(line, "\(url) lists language versions but has no canonical URL", hint: "add <link rel=\"canonical\"> with the page's own absolute URL")
        }
        if !languages.contains("x-default") {
            report(line, "\(url) lists language versions without x-default", hint: "add the x-default alternate (the language chooser)")
        }
        // A page is its own version in its language, or the x-default of its versions (the language chooser).
        let own = scan.alternates.first { $0.hreflang == scan.language }
        let isDefault = scan.alternates.contains { $0.hreflang == "x-default" && leadsHere($0.href, from: path) }
        if !isDefault, own.map({ !leadsHere($0.href, from: path) }) ?? true {
            report(line, "\(url) (lang=\"\(scan.language ?? "")\") does not list itself among its hreflang alternates",
                   hint: "every version lists every version, itself included")
        }
        for alternate in scan.alternates where alternate.hreflang != "x-default" && alternate.hreflang != scan.language {
            guard let other = page(at: alternate.href, from: path), let otherScan = site.pages[other] else { continue }
            let otherURL = ScannedSite.url(of: other)
            if otherScan.language != alternate.hreflang {
                report(line, "hreflang=\"\(alternate.hreflang)\" on \(url) leads to \(otherURL), whose lang is \"\(otherScan.language ?? "")\"",
                       hint: "point each hreflang at the version in that language")
            }
            if Set(otherScan.alternates) != Set(scan.alternates) {
                let missing = Set(scan.alternates).subtracting(otherScan.alternates).map { "\($0.hreflang) \($0.href)" }.sorted()
                let extra = Set(otherScan.alternates).subtracting(scan.alternates).map { "\($0.hreflang) \($0.href)" }.sorted()
                report(line, "the alternates of \(url) and \(otherURL) are not reciprocal: \(otherURL) lacks [\(missing.joined(separator: ", "))]"
                       + (extra.isEmpty ? "" : " and adds [\(extra.joined(separator: ", "))]"),
                       hint: "translations must list the same language versions (translationKey links them)")
            }
        }
        return problems
    }

    /// The page of the output that `href`, written on the page at `path`, leads to.
    func page(at href: String, from path: String) -> String? {
        guard case .output(let target, _) = LinkTarget(href, from: path, baseURLs: site.options.baseURLs, servedElsewhere: site.options.servedElsewhere) else { return nil }
        return site.file(answering: target)?.file
    }

    private func leadsHere(_ href: String, from path: String) -> Bool {
        page(at: href, from: path) == path
    }
}
