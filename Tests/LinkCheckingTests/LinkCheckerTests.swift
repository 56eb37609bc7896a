import Diagnostics
import Foundation
import Testing
@testable import LinkChecking

/// A small bilingual output written file by file, which each test breaks in one way.
struct OutputFixture {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("link-checker-\(UUID().uuidString)")
        try write("index.html", page(lang: "fr", canonical: "/", versions: ["fr": "/fr/", "en": "/en/"], body: "<a href=\"/fr/\">Français</a>"))
        try write("fr/index.html", page(lang: "fr", canonical: "/fr/", versions: ["fr": "/fr/", "en": "/en/"],
                                        body: "<h2 id=\"duree\">Durée</h2><a href=\"/fr/a/#etapes\">A</a><a href=\"a/\">A</a><a href=\"https://www.legifrance.gouv.fr/\">L</a>"))
        try write("en/index.html", page(lang: "en", canonical: "/en/", versions: ["fr": "/fr/", "en": "/en/"], body: "<a href=\"/fr/#duree\">FR</a>"))
        try write("fr/a/index.html", page(lang: "fr", canonical: "/fr/a/", versions: ["fr": "/fr/a/"], body: "<h2 id=\"etapes\">Étapes</h2><img src=\"/assets/logo.svg\" alt=\"\">"))
        try write("assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try write("fr/404.html", "<!DOCTYPE html><html lang=\"fr\"><head><title>404</title></head><body><a href=\"/fr/\">Accueil</a></body></html>")
        try write("sitemap.xml", sitemap(["/": ["fr": "/fr/", "en": "/en/"], "/fr/": ["fr": "/fr/", "en": "/en/"],
                                          "/en/": ["fr": "/fr/", "en": "/en/"], "/fr/a/": ["fr": "/fr/a/"]]))
    }

    static let base = "https://www.cleiss.fr"

    func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func page(lang: String, canonical: String, versions: [String: String], body: String) -> String {
        let alternates = (versions.sorted { $0.key < $1.key } + [("x-default", "/")])
            .map { "<link rel=\"alternate\" hreflang=\"\($0.0)\" href=\"\(Self.base)\($0.1)\" />" }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="\(lang)">
        <head>
        <title>t</title>
        <link rel="canonical" href="\(Self.base)\(canonical)" />
        \(alternates)
        </head>
        <body>
        <a href="#content">skip</a>
        <main id="content">
        \(body)
        </main>
        </body>
        </html>
        """
    }

    func sitemap(_ entries: [String: [String: String]]) -> String {
        let urls = entries.sorted { $0.key < $1.key }.map { location, versions in
            "<url><loc>\(Self.base)\(location)</loc>\n"
                + (versions.sorted { $0.key < $1.key } + [("x-default", "/")])
                .map { "<xhtml:link rel=\"alternate\" hreflang=\"\($0.0)\" href=\"\(Self.base)\($0.1)\"/>" }.joined(separator: "\n") + "</url>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
            + urls.joined() + "</urlset>\n"
    }

    func check(sources: [String: LinkChecker.PageSource] = [:]) -> LinkChecker.Report {
        LinkChecker.check(folder: folder, options: LinkChecker.Options(baseURLs: [Self.base + "/"], displayName: "Site", sources: sources))
    }
}

@Suite struct LinkCheckerTests {
    func messages(_ report: LinkChecker.Report) -> String {
        report.diagnostics.map(\.description).joined(separator: "\n")
    }

    @Test func aWholeSitePassesAndItsLinksAreCounted() throws {
        let fixture = try OutputFixture()
        let report = fixture.check()
        #expect(report.diagnostics.isEmpty, "\(messages(report))")
        #expect(report.pages == 5)
        #expect(report.externalLinks == 1)
        // Alternates and canonicals are links too; the anchors: #content ×4, #etapes, #duree.
        #expect(report.anchors == 6)
    }

    @Test func aLinkToNoFileIsAnErrorAtItsLine() throws {
        let fixture = try OutputFixture()
        try fixture.write("fr/a/index.html", fixture.page(lang: "fr", canonical: "/fr/a/", versions: ["fr": "/fr/a/"], body: "<h2 id=\"etapes\">É</h2>\n<a href=\"/fr/b/\">B</a>"))
        let report = fixture.check()
        let errors = report.diagnostics.errors
        #expect(errors.count == 1, "\(messages(report))")
        #expect(errors.first?.location == SourceLocation(file: "Site/fr/a/index.html", line: 13))
        #expect(errors.first?.message.contains("/fr/b/") == true)
    }

    @Test func anAnchorWithoutItsElementIsAnErrorReportedInTheMarkdownThatWroteIt() throws {
        let fixture = try OutputFixture()
        try fixture.write("en/index.html", fixture.page(lang: "en", canonical: "/en/", versions: ["fr": "/fr/", "en": "/en/"], body: "<a href=\"/fr/#duration\">FR</a>"))
        let source = LinkChecker.PageSource(path: "Content/en/_index.md", text: "Intro.\n\nSee [the length](../fr/_index.md#duration).\n", firstLine: 5)
        let report = fixture.check(sources: ["en/index.html": source])
        let errors = report.diagnostics.errors
        #expect(errors.count == 1, "\(messages(report))")
        #expect(errors.first?.location == SourceLocation(file: "Content/en/_index.md", line: 7, column: 33))
        #expect(errors.first?.message.contains("has no element with the id \"duration\"") == true)
    }

    /// The HTML has the fragment percent-encoded as cmark writes it; the Markdown has it as the editor typed it.
    @Test(arguments: [("#café", "#caf%C3%A9"), ("#über", "#%C3%BCber"), ("<#deux mots>", "#deux%20mots"), ("#🙂", "#%F0%9F%99%82")])
    func aBrokenNonASCIIAnchorIsReportedInTheMarkdownThatWroteIt(written: String, encoded: String) throws {
        let fixture = try OutputFixture()
        try fixture.write("en/index.html", fixture.page(lang: "en", canonical: "/en/", versions: ["fr": "/fr/", "en": "/en/"], body: "<a href=\"\(encoded)\">z</a>"))
        let source = LinkChecker.PageSource(path: "Content/en/_index.md", text: "Intro.\n\nSee [z](\(written)).\n", firstLine: 5)
        let errors = fixture.check(sources: ["en/index.html": source]).diagnostics.errors
        #expect(errors.count == 1)
        #expect(errors.first?.location == SourceLocation(file: "Content/en/_index.md", line: 7, column: written.hasPrefix("<") ? 10 : 9))
    }

    @Test func aDuplicateIDIsAnError() throws {
        let fixture = try OutputFixture()
        try fixture.write("fr/a/index.html", fixture.page(lang: "fr", canonical: "/fr/a/", versions: ["fr": "/fr/a/"], body: "<h2 id=\"etapes\">1</h2><h2 id=\"etapes\">2</h2>"))
        #expect(fixture.check().diagnostics.errors.map(\.message).contains { $0.contains("\"etapes\" is used more than once") })
    }

    @Test func aFolderWithoutItsSlashIsAWarning() throws {
        let fixture = try OutputFixture()
        try fixture.write("fr/a/index.html", fixture.page(lang: "fr", canonical: "/fr/a/", versions: ["fr": "/fr/a/"], body: "<h2 id=\"etapes\">1</h2><a href=\"/fr\">x</a>"))
        let report = fixture.check()
        #expect(report.diagnostics.errors.isEmpty)
        #expect(report.diagnostics.warnings.map(\.message).contains { $0.contains("without its final /") })
    }

    @Test func aRelativeLinkOnA404PageIsAnError() throws {
        let fixture = try OutputFixture()
        try fixture.write("fr/404.html", "<!DOCTYPE html><html lang=\"fr\"><head><title>404</title></head><body><a href=\"index.html\">Accueil</a></body></html>")
        #expect(fixture.check().diagnostics.errors.map(\.message).contains { $0.contains("is on a 404 page") })
    }

    @Test func versionsThatDoNotListEachOtherAreAnError() throws {
        let fixture = try OutputFixture()
        try fixture.write("en/index.html", fixture.page(lang: "en", canonical: "/en/", versions: ["en": "/en/"], body: ""))
        let errors = fixture.check().diagnostics.errors.map(\.message)
        #expect(errors.contains { $0.contains("are not reciprocal") })
    }

    @Test func aMissingXDefaultOrSelfReferenceIsAnError() throws {
        let fixture = try OutputFixture()
        let page = fixture.page(lang: "fr", canonical: "/fr/a/", versions: ["fr": "/fr/"], body: "<h2 id=\"etapes\">1</h2>")
            .replacingOccurrences(of: "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://www.cleiss.fr/\" />", with: "")
        try fixture.write("fr/a/index.html", page)
        let errors = fixture.check().diagnostics.errors.map(\.message)
        #expect(errors.contains { $0.contains("without x-default") })
        #expect(errors.contains { $0.contains("does not list itself") })
    }

    @Test func aCanonicalURLInAnotherLanguageIsAnError() throws {
        let fixture = try OutputFixture()
        try fixture.write("en/index.html", fixture.page(lang: "en", canonical: "/fr/", versions: ["fr": "/fr/", "en": "/en/"], body: ""))
        #expect(fixture.check().diagnostics.errors.map(\.message).contains { $0.contains("the canonical URL of /en/ is https://www.cleiss.fr/fr/") })
    }

    @Test func hreflangLeadingToAPageInAnotherLanguageIsAnError() throws {
        let fixture = try OutputFixture()
        try fixture.write("en/index.html", fixture.page(lang: "fr", canonical: "/en/", versions: ["fr": "/fr/", "en": "/en/"], body: ""))
        #expect(fixture.check().diagnostics.errors.map(\.message).contains { $0.contains("whose lang is \"fr\"") })
    }

    @Test func theSitemapMustListPagesWithTheirAlternates() throws {
        let fixture = try OutputFixture()
        try fixture.write("sitemap.xml", fixture.sitemap(["/": ["fr": "/fr/", "en": "/en/"], "/fr/": ["fr": "/fr/"],
                                                          "/en/": ["fr": "/fr/", "en": "/en/"], "/fr/gone/": ["fr": "/fr/gone/"]]))
        let report = fixture.check()
        let errors = report.diagnostics.errors.map(\.message)
        #expect(errors.contains { $0.contains("https://www.cleiss.fr/fr/gone/</loc> is no page") })
        #expect(errors.contains { $0.contains("alternates of https://www.cleiss.fr/fr/ in sitemap.xml differ") })
        #expect(report.diagnostics.warnings.map(\.message).contains { $0.contains("/fr/a/ is not listed in sitemap.xml") })
    }

    @Test func aSitemapThatIsNotXMLIsAnError() throws {
        let fixture = try OutputFixture()
        try fixture.write("sitemap.xml", "<urlset><url><loc>x</url>")
        #expect(fixture.check().diagnostics.errors.map(\.message).contains { $0.contains("not well-formed") })
    }
}
