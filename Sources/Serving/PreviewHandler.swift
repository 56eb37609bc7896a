import FlyingFox
import Foundation

/// Answers the browser: the built site's files, the reload script and the event stream.
///
/// Every answer carries `Cache-Control: no-store`, so that the browser never shows a page older
/// than the last build. HTML answers get the reload script; the files on disk never do.
struct PreviewHandler: HTTPHandler {
    /// The output folder.
    let root: URL
    let events: ReloadEvents
    /// The charter's findings per page, for the charter panel.
    var findings = PageFindings()

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return Self.response(.methodNotAllowed, type: "text/plain; charset=utf-8", body: Data("Only GET and HEAD are served.\n".utf8),
                                 extra: [HTTPHeader("Allow"): "GET, HEAD"], head: false)
        }
        let head = request.method == .HEAD
        let rawPath = request.target.path()
        switch rawPath {
        case ReloadScript.eventsPath:
            return await eventStream()
        case ReloadScript.path:
            return Self.response(.ok, type: ContentTypes.type(forPath: "reload.js"), body: Data(ReloadScript.source.utf8), head: head)
        case PanelScript.path:
            return Self.response(.ok, type: ContentTypes.type(forPath: "panel.js"), body: Data(PanelScript.source.utf8), head: head)
        case PanelScript.findingsPath:
            let page = URLComponents(string: "?" + request.target.query())?.queryItems?.first { $0.name == "page" }?.value ?? "/"
            return Self.response(.ok, type: "application/json; charset=utf-8", body: findings.json(forPage: page), head: head)
        default:
            return await siteResponse(rawPath: rawPath, query: request.target.query(), head: head, range: request.headers[.range])
        }
    }

    func siteResponse(rawPath: String, query: String, head: Bool, range: String? = nil) async -> HTTPResponse {
        let (build, languages) = await events.current
        guard build > 0 else {
            return Self.response(.serviceUnavailable, type: "text/html; charset=utf-8", body: ReloadScript.inject(into: Self.notBuiltPage, build: 0),
                                 extra: [HTTPHeader("Retry-After"): "1"], head: head)
        }
        let paths = SitePaths(root: root, languages: languages)
        await waitWhileTheOutputIsSwapped()
        switch paths.resolve(rawPath) {
        case .file(let url):
            guard let file = OpenFile(url) else { return notFound(paths.notFoundPage(for: []), build: build, head: head) }
            if ContentTypes.isHTML(url.path), file.size <= Self.largestPageWithTheScript, let data = try? file.contents() {
                return page(.ok, path: url.path, data: data, build: build, head: head)
            }
            return Self.stream(file, type: ContentTypes.type(forPath: url.path), range: ByteRange(header: range, size: file.size), head: head)
        case .redirect(let location):
            // 302, not 301: a permanent redirect would stay in the browser's cache after the preview.
            return Self.response(.found, type: "text/plain; charset=utf-8", body: Data(),
                                 extra: [.location: location + (query.isEmpty ? "" : "?" + query)], head: head)
        case .notFound(let page):
            return notFound(page, build: build, head: head)
        case .forbidden:
            return Self.response(.forbidden, type: "text/plain; charset=utf-8", body: Data("Forbidden: this path leaves the site.\n".utf8), head: head)
        }
    }

    func page(_ status: HTTPStatusCode, path: String, data: Data, build: Int, head: Bool) -> HTTPResponse {
        let isHTML = ContentTypes.isHTML(path)
        return Self.response(status, type: ContentTypes.type(forPath: path), body: isHTML ? ReloadScript.inject(into: data, build: build, after: PanelScript.tag) : data, head: head)
    }

    func notFound(_ page: URL?, build: Int, head: Bool) -> HTTPResponse {
        guard let page, let file = OpenFile(page), file.size <= Self.largestPageWithTheScript, let data = try? file.contents() else {
            return Self.response(.notFound, type: "text/plain; charset=utf-8", body: Data("Not found.\n".utf8), head: head)
        }
        return self.page(.notFound, path: page.path, data: data, build: build, head: head)
    }

    func eventStream() async -> HTTPResponse {
        guard let stream = await events.subscribe() else {
            // EventSource does not retry after a 503: that page goes without live reload, and says so in its console.
            return Self.response(.serviceUnavailable, type: "text/plain; charset=utf-8", body: Data("Too many pages are open on the preview.\n".utf8),
                                 extra: [HTTPHeader("Retry-After"): "5"], head: false)
        }
        return HTTPResponse(statusCode: .ok,
                            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
                            body: HTTPBodySequence(from: EventStreamBody(events: stream)))
    }

    /// A file sent as it is on disk, in chunks; one range of it when asked (`Range: bytes=…`).
    static func stream(_ file: OpenFile, type: String, range: ByteRange, head: Bool) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-store", HTTPHeader("X-Content-Type-Options"): "nosniff",
                                    HTTPHeader("Accept-Ranges"): "bytes"]
        let status: HTTPStatusCode, bytes: Range<Int>
        switch range {
        case .whole:
            (status, bytes) = (.ok, 0..<file.size)
        case .part(let part):
            (status, bytes) = (.partialContent, part)
            headers[.contentRange] = "bytes \(part.lowerBound)-\(part.upperBound - 1)/\(file.size)"
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(file.size)"
            return HTTPResponse(statusCode: .rangeNotSatisfiable, headers: headers, body: Data())
        }
        headers[.contentLength] = String(bytes.count)
        if head { return HTTPResponse(statusCode: status, headers: headers, body: Data()) }
        return HTTPResponse(statusCode: status, headers: headers,
                            body: HTTPBodySequence(from: FileBody(file: file, range: bytes), count: bytes.count, suggestedBufferSize: FileBody.chunkSize))
    }

    /// Pages up to this size get the reload script, which needs the whole page in memory; a larger
    /// HTML file (no real page is) is streamed as it is, without live reload.
    static let largestPageWithTheScript = 8 * 1024 * 1024

    /// The build replaces the output folder by two renames; a request falling between them waits a little.
    func waitWhileTheOutputIsSwapped() async {
        for _ in 0..<50 where !FileManager.default.fileExists(atPath: root.path) {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    static func response(_ status: HTTPStatusCode, type: String, body: Data, extra: HTTPHeaders = [:], head: Bool) -> HTTPResponse {
        var headers = extra
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        if head {
            // HEAD: the length of the body a GET would get, and no body.
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: status, headers: headers, body: Data())
        }
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }

    /// Answered before the first good build, so that the page shows the build's errors and reloads once it is fixed.
    static let notBuiltPage = Data("""
    <!DOCTYPE html>
    <html lang="en">
    <head><meta charset="utf-8" /><title>cleiss-site serve: not built yet</title></head>
    <body>
    <main><h1>The site is not built yet</h1><p lang="fr">Le site n’est pas encore construit : corrigez les erreurs affichées dans le terminal.</p>
    <p>Fix the errors shown in the terminal: this page reloads once the build succeeds.</p></main>
    </body>
    </html>
    """.utf8)
}
