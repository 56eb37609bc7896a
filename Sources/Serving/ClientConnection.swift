import FlyingFox
import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One client's connection: its requests read within the limits and answered in turn.
///
/// FlyingFox's own connection loop has no timeout for a client that sends nothing or sends slowly,
/// and reads a request line without a length limit (in CPU time too: 3.7 s for 100 KB); this one
/// reads the head with `RequestHeadParser` and gives every wait a deadline, then hands the request
/// to the same FlyingFox handler.
struct ClientConnection: Sendable {
    let socket: AsyncSocket
    let limits: ServeLimits
    let handler: any HTTPHandler

    /// The bytes read from the socket at a time.
    static let readSize = 4096

    /// Serves requests until the client closes, goes quiet, breaks a limit or asks to close; then closes.
    func run() async {
        defer { try? socket.close() }
        var parser = RequestHeadParser(limits: limits)
        while !Task.isCancelled {
            let head: RequestHead
            do {
                guard let next = try await readHead(&parser) else { return }
                head = next
            } catch let error as RequestHeadError {
                await refuse(status: error.status, reason: error.reason)
                return
            } catch {
                return  // too slow, closed, or the server stopping
            }
            let keepAlive = head.keepsAlive && !head.hasBody
            let response = await answer(head.request)
            let writer = ResponseWriter(socket: socket, limits: limits)
            do { try await writer.send(response, keepAlive: keepAlive) } catch { return }
            guard keepAlive else {
                await closeGracefully()
                return
            }
        }
    }

    /// The next request head; nil when the client closed or sent nothing within the idle timeout.
    /// Once its first byte is in, the whole head must come within the header timeout (slowloris).
    func readHead(_ parser: inout RequestHeadParser) async throws -> RequestHead? {
        if let head = try parser.nextHead() { return head }
        if parser.isEmpty {
            guard let bytes = try await read(within: limits.idleTimeout) else { return nil }
            parser.append(bytes)
        }
        let deadline = ContinuousClock.now + limits.headerTimeout
        while true {
            if let head = try parser.nextHead() { return head }
            let left = deadline - .now
            guard left > .zero, let bytes = try await read(within: left) else { return nil }
            parser.append(bytes)
        }
    }

    /// Bytes from the client, nil once it closed; throws `TimedOut` after `limit`.
    func read(within limit: Duration) async throws -> [UInt8]? {
        do {
            return try await withTimeout(limit) { [socket] in try await socket.read(atMost: Self.readSize) }
        } catch SocketError.disconnected {
            return nil
        }
    }

    func answer(_ request: HTTPRequest) async -> HTTPResponse {
        do {
            return try await handler.handleRequest(request)
        } catch {
            return HTTPResponse(statusCode: .internalServerError, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: Data("The preview failed to answer: \(error)\n".utf8))
        }
    }

    /// Answers a request that cannot be served (too long, malformed, too many clients) and closes.
    func refuse(status: HTTPStatusCode, reason: String, retryAfter: Int? = nil) async {
        var headers: HTTPHeaders = [.contentType: "text/plain; charset=utf-8"]
        if let retryAfter { headers[HTTPHeader("Retry-After")] = String(retryAfter) }
        let response = HTTPResponse(statusCode: status, headers: headers, body: Data("\(status.phrase): \(reason).\n".utf8))
        try? await ResponseWriter(socket: socket, limits: limits).send(response, keepAlive: false)
        await closeGracefully()
    }

    /// Says it has finished sending, then reads and drops what the client is still sending for a
    /// moment before closing: closing with unread bytes would reset the connection, and the client
    /// could lose the answer (the 414 of a request line it is still sending).
    func closeGracefully() async {
        _ = Glibc.shutdown(socket.socket.file.rawValue, Int32(SHUT_WR))
        var dropped = 0
        let deadline = ContinuousClock.now + Self.lingerTime
        while dropped < Self.lingerBytes {
            let left = deadline - .now
            guard left > .zero, let bytes = try? await read(within: left) else { return }
            dropped += bytes.count
        }
    }

    static let lingerTime: Duration = .seconds(2)
    static let lingerBytes = 1024 * 1024
}
