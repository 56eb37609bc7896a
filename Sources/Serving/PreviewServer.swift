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

/// The HTTP server of the preview, on FlyingFox: the built site, the reload script and the event stream.
public actor PreviewServer {
    public let address: ListenAddress
    private let server: HTTPServer

    /// Serves `root` (the output folder) at `address`; `events` says which build is current.
    public init(address: ListenAddress, root: URL, events: ReloadEvents) throws(ServeError) {
        self.address = address
        let socketAddress: any SocketAddress
        do { socketAddress = try address.socketAddress() } catch {
            throw .cannotListen(address: address.baseURL, reason: "not an IP address")
        }
        server = HTTPServer(config: .init(address: socketAddress, timeout: 30, logger: .disabled),
                            handler: PreviewHandler(root: root, events: events))
    }

    /// Starts listening; returns once connections are accepted, or throws why they cannot be.
    public func start() async throws(ServeError) {
        let (outcomes, report) = AsyncStream<Result<Void, any Error>>.makeStream()
        Task { [server] in
            do {
                try await server.run()
                report.yield(.failure(SocketError.disconnected))
            } catch {
                report.yield(.failure(error))
            }
        }
        Task { [server] in
            do {
                try await server.waitUntilListening(timeout: 10)
                report.yield(.success(()))
            } catch {
                report.yield(.failure(error))
            }
        }
        // The first outcome decides: listening, or the error of bind() (the other one comes too late to matter).
        for await outcome in outcomes {
            switch outcome {
            case .success: return
            case .failure(let error): throw describe(error)
            }
        }
    }

    /// Stops accepting connections and closes the open ones (finish the event streams first).
    /// Requests still running get a quarter of a second: a preview has nothing worth waiting longer for.
    public func stop() async {
        await server.stop(timeout: 0.25)
    }

    private func describe(_ error: any Error) -> ServeError {
        if case SocketError.failed(_, let number, let message) = error {
            return number == EADDRINUSE ? .portInUse(port: address.port) : .cannotListen(address: address.baseURL, reason: message.lowercased())
        }
        return .cannotListen(address: address.baseURL, reason: "\(error)")
    }
}
