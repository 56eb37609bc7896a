import FlyingFox
import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why the preview could not listen, said so that the person knows what to do.
public enum ServeError: Error, Sendable, Equatable, CustomStringConvertible {
    case portInUse(port: UInt16)
    case cannotListen(address: String, reason: String)

    public var description: String {
        switch self {
        case .portInUse(let port):
            "error: port \(port) is already in use (another serve?); choose another one with --port"
        case .cannotListen(let address, let reason):
            "error: cannot listen on \(address): \(reason); choose another address with --bind or port with --port"
        }
    }
}

/// The HTTP server of the preview: the built site, the reload script and the event stream.
///
/// It accepts connections itself, on FlyingSocks, and answers them with FlyingFox's handler types:
/// FlyingFox's `HTTPServer` has no cap on connections (at the descriptor limit its accept loop ended
/// for good) and no timeout for clients that send slowly or nothing. Here every connection has its
/// deadlines (`ClientConnection`), the connections are counted, and a failed accept is retried.
public actor PreviewServer {
    public let address: ListenAddress
    private let limits: ServeLimits
    private let handler: PreviewHandler
    private var listener: Socket?
    private var serving: Task<Void, Never>?
    private let log: @Sendable (PreviewMessage) -> Void

    /// Serves `root` (the output folder) at `address`; `events` says which build is current.
    /// `log` is told when connections cannot be accepted for a while.
    public init(address: ListenAddress, root: URL, events: ReloadEvents, findings: PageFindings = PageFindings(), limits: ServeLimits = ServeLimits(),
                log: @escaping @Sendable (PreviewMessage) -> Void = { _ in }) throws(ServeError) {
        self.address = address
        self.log = log
        self.limits = limits
        handler = PreviewHandler(root: root, events: events, findings: findings)
        do { _ = try address.socketAddress() } catch {
            throw .cannotListen(address: address.baseURL, reason: "not an IP address")
        }
    }

    /// Starts listening; returns once connections are accepted, or throws why they cannot be.
    public func start() async throws(ServeError) {
        let pool: some AsyncSocketPool = SocketPool.make()
        let accepting: AsyncSocket
        do {
            let socketAddress = try address.socketAddress()
            let socket = try Socket(domain: Int32(type(of: socketAddress).family))
            listener = socket
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: socketAddress)
            try socket.listen()
            try await pool.prepare()
            accepting = try AsyncSocket(socket: socket, pool: pool)
        } catch {
            try? listener?.close()
            listener = nil
            throw describe(error)
        }
        let slots = ConnectionSlots(limit: limits.connectionsAllowed(descriptorLimit: Int(sysconf(Int32(_SC_OPEN_MAX)))))
        let refusals = ConnectionSlots(limit: ServeLimits.refusedAtOnce)
        serving = Task { [limits, handler, log] in
            await withDiscardingTaskGroup { group in
                group.addTask { try? await pool.run() }
                await Self.accept(on: accepting, slots: slots, refusals: refusals, group: &group, log: log) { socket in
                    ClientConnection(socket: socket, limits: limits, handler: handler)
                }
                group.cancelAll()
            }
        }
    }

    /// Accepts until the server stops. Each connection is served in a slot; past the cap it is told
    /// 503 (while few enough are being told), else closed at once. A failed accept (no descriptor left,
    /// a client gone before it was accepted) is retried a moment later: the server never stops accepting.
    private static func accept(on listener: AsyncSocket, slots: ConnectionSlots, refusals: ConnectionSlots,
                               group: inout DiscardingTaskGroup, log: @Sendable (PreviewMessage) -> Void,
                               connection: @escaping @Sendable (AsyncSocket) -> ClientConnection) async {
        // Said at most once a minute, not every 100 ms while it fails (nor each time one connection closes).
        var saidAt: ContinuousClock.Instant?
        while !Task.isCancelled {
            let socket: AsyncSocket
            do {
                socket = try await listener.accept()
            } catch is CancellationError {
                return
            } catch {
                if !Task.isCancelled, saidAt.map({ $0.duration(to: .now) > .seconds(60) }) ?? true {
                    log(.cannotAccept(reason: Self.reason(error)))
                    saidAt = .now
                }
                try? await Task.sleep(for: .milliseconds(100))
                continue
            }
            if await slots.take() {
                group.addTask {
                    await connection(socket).run()
                    await slots.free()
                }
            } else if await refusals.take() {
                group.addTask {
                    await connection(socket).refuse(status: .serviceUnavailable, reason: "too many connections to the preview; try again",
                                                    retryAfter: 1)
                    try? socket.close()
                    await refusals.free()
                }
            } else {
                try? socket.close()
            }
        }
    }

    /// Stops accepting connections and closes the open ones (finish the event streams first).
    /// Requests still running get a moment: a preview has nothing worth waiting longer for.
    public func stop() async {
        if let serving {
            serving.cancel()
            // Whichever comes first: every connection closed, or a second.
            let (ended, end) = AsyncStream<Void>.makeStream()
            Task { await serving.value; end.finish() }
            Task { try? await Task.sleep(for: .seconds(1)); end.finish() }
            for await _ in ended {}
        }
        serving = nil
        try? listener?.close()
        listener = nil
    }

    private static func reason(_ error: any Error) -> String {
        if case SocketError.failed(_, _, let message) = error { return message.lowercased() }
        return "\(error)"
    }

    private func describe(_ error: any Error) -> ServeError {
        if case SocketError.failed(_, let number, let message) = error {
            return number == EADDRINUSE ? .portInUse(port: address.port) : .cannotListen(address: address.baseURL, reason: message.lowercased())
        }
        return .cannotListen(address: address.baseURL, reason: "\(error)")
    }
}
