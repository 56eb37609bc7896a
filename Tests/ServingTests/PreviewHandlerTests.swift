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
        #expect(String(decoding: try await response.bodyData, as: UTF8.self) == "<body>contact\(PanelScript.tag)\(ReloadScript.tag(build: 1))</body>")
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
        #expect(head.headers[.contentLength] == String("<body>accueil</body>".utf8.count + PanelScript.tag.utf8.count + ReloadScript.tag(build: 1).utf8.count))
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

    @Test func thePanelScriptAndThePageFindingsAreServed() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        let script = try await handler(folder).handleRequest(request(PanelScript.path))
        #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
        #expect(String(decoding: try await script.bodyData, as: UTF8.self) == PanelScript.source)
        let asked = HTTPRequest(method: .GET, version: .http11, target: .init(path: PanelScript.findingsPath, query: "page=%2Ffr%2Fcontact%2F"),
                                headers: [:], body: HTTPBodySequence())
        let findings = try await handler(folder).handleRequest(asked)
        #expect(findings.headers[.contentType] == "application/json; charset=utf-8")
        #expect(String(decoding: try await findings.bodyData, as: UTF8.self) == #"{"findings":[],"page":"/fr/contact/"}"#)
    }

    @Test func beforeTheFirstGoodBuildEveryPageWaitsForIt() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        let response = try await handler(folder, built: false).handleRequest(request("/fr/contact/"))
        #expect(response.statusCode == .serviceUnavailable)
        #expect(String(decoding: try await response.bodyData, as: UTF8.self).contains(ReloadScript.tag(build: 0)))
    }

    @Test func filesAreStreamedInChunksWithRangesAndHead() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        let bytes = Data((0..<200_000).map { UInt8($0 % 251) })
        try bytes.write(to: folder.url("assets/big.bin"))
        let handler = await handler(folder)
        let whole = try await handler.handleRequest(request("/assets/big.bin"))
        #expect(whole.headers[.contentLength] == "200000")
        #expect(whole.headers[HTTPHeader("Accept-Ranges")] == "bytes")
        guard case .httpBody(let body) = whole.payload else { Issue.record("no body"); return }
        var chunks: [Int] = []
        for try await chunk in body { chunks.append(chunk.count) }
        #expect(chunks == [65536, 65536, 65536, 3392])
        #expect(try await whole.bodyData == bytes)

        var ranged = request("/assets/big.bin")
        ranged.headers[.range] = "bytes=100000-100009"
        let part = try await handler.handleRequest(ranged)
        #expect(part.statusCode == .partialContent)
        #expect(part.headers[.contentRange] == "bytes 100000-100009/200000")
        #expect(try await part.bodyData == bytes[100000..<100010])
        ranged.headers[.range] = "bytes=200000-"
        #expect(try await handler.handleRequest(ranged).statusCode == .rangeNotSatisfiable)

        let head = try await handler.handleRequest(request("/assets/big.bin", method: .HEAD))
        #expect(head.headers[.contentLength] == "200000")
        #expect(try await head.bodyData.isEmpty)
    }

    @Test func eventStreamsPastTheCapGet503() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        let events = ReloadEvents(maxStreams: 1)
        await events.buildSucceeded(languages: ["fr"])
        let handler = PreviewHandler(root: folder.root, events: events)
        let first = try await handler.handleRequest(request(ReloadScript.eventsPath))
        #expect(first.statusCode == .ok)
        let second = try await handler.handleRequest(request(ReloadScript.eventsPath))
        #expect(second.statusCode == .serviceUnavailable)
        #expect(second.headers[HTTPHeader("Retry-After")] == "5")
        _ = first
    }
}
