import Foundation

/// The server-sent events of `/__cleiss-site/events`: one stream per open page.
///
/// It remembers how the last build went, so that a page that connects while the site is broken
/// shows the error at once, and which build is current, so that a page loaded just before a
/// rebuild finished still reloads.
public actor ReloadEvents {
    /// How the last build went.
    public enum State: Sendable, Equatable {
        case succeeded
        case failed(message: String)
    }

    /// The number of the last good build; 0 before the first one.
    public private(set) var build = 0
    public private(set) var state = State.succeeded
    /// The languages of the last good build, the default one first: the server picks 404 pages with them.
    public private(set) var languages: [String] = []
    private var clients: [UUID: AsyncStream<Data>.Continuation] = [:]
    private var keepAlive: Task<Void, Never>?
    private let keepAliveInterval: Duration
    private let maxStreams: Int
    private var finished = false

    /// `keepAliveInterval`: how often a comment line is sent on idle streams, so that proxies and
    /// browsers do not close them and a page gone without closing is noticed (its write fails).
    /// `maxStreams`: the streams open at once, each holding a connection.
    public init(keepAliveInterval: Duration = .seconds(15), maxStreams: Int = ServeLimits().maxEventStreams) {
        self.keepAliveInterval = keepAliveInterval
        self.maxStreams = maxStreams
    }

    /// The build number and languages together, as one request needs them.
    public var current: (build: Int, languages: [String]) { (build, languages) }

    /// A new stream: `retry` (reconnect quickly when serve restarts), the current build, then the error if the last build failed.
    /// Nil when `maxStreams` are open: a stream left by a page is removed as soon as the server sees its connection close.
    public func subscribe() -> AsyncStream<Data>? {
        guard clients.count < maxStreams else { return nil }
        let (stream, continuation) = AsyncStream<Data>.makeStream(bufferingPolicy: .bufferingNewest(64))
        guard !finished else {
            continuation.finish()
            return stream
        }
        let id = UUID()
        clients[id] = continuation
        if keepAlive == nil { startKeepAlive() }
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        continuation.yield(Data("retry: 1000\n\n".utf8))
        continuation.yield(Self.event("connected", ["build": build]))
        if case .failed(let message) = state { continuation.yield(Self.event("error", ["message": message])) }
        return stream
    }

    /// A build succeeded: every page reloads.
    public func buildSucceeded(languages: [String]) {
        succeeded(languages: languages, event: "reload")
    }

    /// A build succeeded that changed stylesheets only: every page fetches its stylesheets again,
    /// without reloading (the scroll position and what was typed stay).
    public func stylesheetsChanged(languages: [String]) {
        succeeded(languages: languages, event: "css")
    }

    private func succeeded(languages: [String], event: String) {
        self.languages = languages
        build += 1
        state = .succeeded
        send(Self.event(event, ["build": build]))
    }

    /// A build failed: every page shows `message` and keeps its content.
    public func buildFailed(message: String) {
        state = .failed(message: message)
        send(Self.event("error", ["message": message]))
    }

    /// Ends every stream, so that the server can stop without waiting for the pages to go.
    public func finish() {
        finished = true
        keepAlive?.cancel()
        keepAlive = nil
        for client in clients.values { client.finish() }
        clients = [:]
    }

    private func send(_ data: Data) {
        for client in clients.values { client.yield(data) }
    }

    private func remove(_ id: UUID) {
        clients[id] = nil
    }

    private func startKeepAlive() {
        keepAlive = Task { [weak self, keepAliveInterval] in
            while !Task.isCancelled {
                try? await Task.sleep(for: keepAliveInterval)
                guard let self else { return }
                await self.send(Data(": keep-alive\n\n".utf8))
            }
        }
    }

    /// `event: NAME` and `data: JSON`, one line each: the JSON encoder escapes line breaks, so a
    /// multi-line error message stays on one `data:` line.
    static func event(_ name: String, _ payload: [String: any Sendable]) -> Data {
        let json = (try? JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Data("event: \(name)\ndata: ".utf8) + json + Data("\n\n".utf8)
    }
}
