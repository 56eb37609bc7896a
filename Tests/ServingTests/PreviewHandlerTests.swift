import FlyingFox
import Foundation
import Testing
@testable import Serving

@Suite struct PreviewHandlerTests {
    func request(_ path: String, method: HTTPMethod = .GET) -> HTTPRequest {
        HTTPRequest(method: method, version: .http11, target: .init(path: path, query: ""), headers: [:], body: HTTPBodySequence())
    }

    func handler(_ folder: ServedFolder, built: Bool = true) async -> PreviewHandler {
        let events = ReloadEvents()
        if built { await events.buildSucceeded(languages: ["fr", "en"]) }
        return PreviewHandler(root: folder.root, events: events)
    }

    @Test func htmlGetsTheScriptOnTheWireButNotOnDisk() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        let response = try await handler(folder).handleRequest(request("/fr/contact/"))
        #expect(response.statusCode == .ok)
        #expect(response.headers[.contentType] == "text/html; charset=utf-8")
        #expect(response.headers[.cacheControl] == "no-store")
        #expect(String(decoding: try await response.bodyData, as: UTF8.self) == "<body>contact\(ReloadScript.tag(build: 1))</body>")
        #expect(try String(contentsOf: folder.url("fr/contact/index.html"), encoding: .utf8) == "<body>contact</body>")
    }

    @Test func otherFilesAreSentAsTheyAre() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        let response = try await handler(folder).handleRequest(request("/assets/cleiss.css"))
        #expect(response.statusCode == .ok)
        #expect(response.headers[.contentType] == "text/css; charset=utf-8")
        #expect(response.headers[.cacheControl] == "no-store")
        #expect(try await response.bodyData == Data("body{}".utf8))
    }

    @Test func missingPagesGetThe404PageWithItsStatus() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        let response = try await handler(folder).handleRequest(request("/en/missing/"))
        #expect(response.statusCode == .notFound)
        #expect(String(decoding: try await response.bodyData, as: UTF8.self).hasPrefix("<body>not found<script"))
    }

    @Test func redirectsTraversalAndMethods() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        let handler = await handler(folder)
        let redirect = try await handler.handleRequest(request("/fr/contact"))
        #expect(redirect.statusCode == .found)
        #expect(redirect.headers[.location] == "/fr/contact/")
        let traversal = try await handler.handleRequest(request("/fr/%2e%2e/%2e%2e/secret.txt"))
        #expect(traversal.statusCode == .forbidden)
        #expect(try await !String(decoding: traversal.bodyData, as: UTF8.self).contains("secret"))
        #expect(try await handler.handleRequest(request("/fr/", method: .POST)).statusCode == .methodNotAllowed)
        let head = try await handler.handleRequest(request("/fr/", method: .HEAD))
        #expect(head.statusCode == .ok)
        #expect(head.headers[.contentLength] == String("<body>accueil</body>".utf8.count + ReloadScript.tag(build: 1).utf8.count))
        #expect(try await head.bodyData.isEmpty)
    }

    @Test func theScriptIsServed() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        let response = try await handler(folder).handleRequest(request(ReloadScript.path))
        #expect(response.statusCode == .ok)
        #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
        #expect(String(decoding: try await response.bodyData, as: UTF8.self) == ReloadScript.source)
    }

    @Test func beforeTheFirstGoodBuildEveryPageWaitsForIt() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        let response = try await handler(folder, built: false).handleRequest(request("/fr/contact/"))
        #expect(response.statusCode == .serviceUnavailable)
        #expect(String(decoding: try await response.bodyData, as: UTF8.self).contains(ReloadScript.tag(build: 0)))
    }
}
