import Foundation
import Testing
@testable import Serving

/// A built site in miniature: pretty URLs, 404 pages per language, a file outside it to reach for.
struct ServedFolder {
    let parent: URL
    var root: URL { parent.appendingPathComponent("Site") }

    init() throws {
        parent = FileManager.default.temporaryDirectory.appendingPathComponent("cleiss-serving-\(UUID().uuidString)")
        for (path, text) in [("Site/index.html", "<body>chooser</body>"), ("Site/fr/index.html", "<body>accueil</body>"),
                             ("Site/fr/contact/index.html", "<body>contact</body>"), ("Site/fr/404.html", "<body>introuvable</body>"),
                             ("Site/en/404.html", "<body>not found</body>"), ("Site/assets/cleiss.css", "body{}"),
                             ("Site/fr/plan d'accès/index.html", "<body>plan</body>"), ("Site/fr/vide/photo.png", "png"),
                             ("Site/.cleiss-site-output", ""), ("secret.txt", "secret")] {
            let url = parent.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("fr/escape").path, withDestinationPath: parent.path)
    }

    func remove() { try? FileManager.default.removeItem(at: parent) }
    func url(_ path: String) -> URL { root.appendingPathComponent(path) }
}

@Suite struct SitePathsTests {
    @Test func prettyURLsServeTheFolderIndex() throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        let paths = SitePaths(root: folder.root, languages: ["fr", "en"])
        #expect(paths.resolve("/") == .file(folder.url("index.html")))
        #expect(paths.resolve("/fr/") == .file(folder.url("fr/index.html")))
        #expect(paths.resolve("/fr/contact/") == .file(folder.url("fr/contact/index.html")))
        #expect(paths.resolve("/fr/contact/index.html") == .file(folder.url("fr/contact/index.html")))
        #expect(paths.resolve("/assets/cleiss.css") == .file(folder.url("assets/cleiss.css")))
        #expect(paths.resolve("/fr/plan%20d'acc%C3%A8s/") == .file(folder.url("fr/plan d'accès/index.html")))
    }

    @Test func aFolderWithoutItsSlashRedirects() throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        let paths = SitePaths(root: folder.root, languages: ["fr", "en"])
        #expect(paths.resolve("/fr") == .redirect(location: "/fr/"))
        #expect(paths.resolve("/fr/contact") == .redirect(location: "/fr/contact/"))
        #expect(paths.resolve("/fr/plan%20d'acc%C3%A8s") == .redirect(location: "/fr/plan%20d'acc%C3%A8s/"))
        // Empty segments are dropped: the location never becomes "//host/", a link to another site.
        #expect(paths.resolve("//fr/contact") == .redirect(location: "/fr/contact/"))
    }

    @Test func missingPathsGetTheirLanguage404Page() throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        let paths = SitePaths(root: folder.root, languages: ["fr", "en"])
        #expect(paths.resolve("/fr/absente/") == .notFound(page: folder.url("fr/404.html")))
        #expect(paths.resolve("/en/missing") == .notFound(page: folder.url("en/404.html")))
        // Outside a language folder: the default language's page.
        #expect(paths.resolve("/nowhere") == .notFound(page: folder.url("fr/404.html")))
        // A folder without index.html, and a file asked as a folder.
        #expect(paths.resolve("/fr/vide/") == .notFound(page: folder.url("fr/404.html")))
        #expect(paths.resolve("/assets/cleiss.css/") == .notFound(page: folder.url("fr/404.html")))
        // The build's marker is not part of the site.
        #expect(paths.resolve("/.cleiss-site-output") == .notFound(page: folder.url("fr/404.html")))
        #expect(SitePaths(root: folder.root, languages: ["de"]).resolve("/de/x") == .notFound(page: nil))
    }

    @Test(arguments: ["/../secret.txt", "/fr/../../secret.txt", "/%2e%2e/secret.txt", "/fr/%2E%2E/%2e%2e/secret.txt",
                      "/..%2Fsecret.txt", "/fr/..%5C..%5Csecret.txt", "/./fr/", "/fr/escape/secret.txt", "/fr/escape", "/fr/%00"])
    func pathsLeavingTheFolderAreRefused(path: String) throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        #expect(SitePaths(root: folder.root, languages: ["fr", "en"]).resolve(path) == .forbidden)
    }
}

@Suite struct SitePathsLinkTests {
    @Test func linksInsideTheFolderAreFollowedAndA404PageLinkedOutsideIsNone() throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        let paths = SitePaths(root: folder.root, languages: ["fr", "en"])
        try FileManager.default.createSymbolicLink(atPath: folder.url("fr/contact/alias.html").path, withDestinationPath: "../index.html")
        #expect(paths.resolve("/fr/contact/alias.html") == .file(folder.url("fr/index.html")))
        try FileManager.default.removeItem(at: folder.url("fr/404.html"))
        try FileManager.default.createSymbolicLink(atPath: folder.url("fr/404.html").path, withDestinationPath: folder.parent.appendingPathComponent("secret.txt").path)
        // The next 404 page is taken instead (the root one, else the other languages').
        #expect(paths.resolve("/fr/absente/") == .notFound(page: folder.url("en/404.html")))
        #expect(paths.resolve("/fr/404.html") == .forbidden)
    }
}

@Suite struct ListenAddressTests {
    @Test func onlyLoopbackAddressesGoWithoutAWarning() throws {
        for host in ["127.0.0.1", "localhost", "127.1.2.3", "::1"] {
            #expect(try #require(ListenAddress(host: host, port: 1313)).exposureWarning == nil, "\(host)")
        }
        for host in ["0.0.0.0", "::", "192.168.1.10", "fe80::1"] {
            #expect(try #require(ListenAddress(host: host, port: 1313)).exposureWarning?.contains("reachable from the network") == true, "\(host)")
        }
    }

    @Test func baseURLsOfLoopbackIPv6AndEveryAddress() throws {
        #expect(try #require(ListenAddress(host: "localhost", port: 1313)).baseURL == "http://127.0.0.1:1313/")
        #expect(try #require(ListenAddress(host: "::1", port: 8080)).baseURL == "http://[::1]:8080/")
        // Every address is no address to browse to: pages are built for localhost.
        #expect(try #require(ListenAddress(host: "0.0.0.0", port: 1313)).baseURL == "http://localhost:1313/")
        #expect(try #require(ListenAddress(host: "::", port: 1313)).baseURL == "http://localhost:1313/")
        #expect(ListenAddress(host: "example.org", port: 1313) == nil)
    }
}
