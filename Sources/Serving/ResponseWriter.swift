import FlyingFox
import FlyingSocks
import Foundation

/// A peer that closed its end of a stream while it was sent.
struct PeerClosed: Error {}

/// Sends an answer on a connection: the head, then the body chunk by chunk, each write within
/// the write timeout (a client that reads nothing is dropped).
///
/// A body of unknown length (the event stream) is sent while the connection is watched: when the
/// page goes away its end of the connection closes, and the stream stops at once instead of at
/// the next heartbeat that fails.
struct ResponseWriter: Sendable {
    let socket: AsyncSocket
    let limits: ServeLimits

    func send(_ response: HTTPResponse, keepAlive: Bool) async throws {
        guard case .httpBody(let body) = response.payload else { throw PeerClosed() }
        try await write(Self.head(of: response, length: body.count, keepAlive: keepAlive))
        if body.count == nil {
            try await sendWatchingThePeer(body)
        } else {
            for try await chunk in body { try await write(chunk) }
        }
    }

    /// The status line and headers; `Content-Length`, or chunked when the length is unknown.
    static func head(of response: HTTPResponse, length: Int?, keepAlive: Bool) -> Data {
        var headers = response.headers
        if headers[.contentLength] == nil {
            if let length { headers[.contentLength] = String(length) } else { headers[.transferEncoding] = "chunked" }
        }
        headers[.connection] = keepAlive ? "keep-alive" : "close"
        var text = "HTTP/1.1 \(response.statusCode.code) \(response.statusCode.phrase)\r\n"
        for (name, value) in headers.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            text += "\(name.rawValue): \(value)\r\n"
        }
        return Data((text + "\r\n").utf8)
    }

    private func sendWatchingThePeer(_ body: HTTPBodySequence) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for try await chunk in body { try await write(chunk) }
            }
            group.addTask {
                try await waitForThePeerToClose()
                throw PeerClosed()
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    /// Returns when the client closes its end; what it sends meanwhile (nothing, on an event stream) is dropped.
    private func waitForThePeerToClose() async throws {
        do {
            while !Task.isCancelled { _ = try await socket.read(atMost: ClientConnection.readSize) }
        } catch SocketError.disconnected {
            return
        }
    }

    private func write(_ data: Data) async throws {
        // FlyingSocks writes without looking at cancellation while the client keeps up: a stopping server must.
        try Task.checkCancellation()
        try await withTimeout(limits.writeTimeout) { [socket] in try await socket.write(data) }
    }
}
