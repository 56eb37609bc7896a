import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C (SIGINT) and SIGTERM, turned into an event the preview waits for, so that it can stop its
/// server and watcher and remove its temporary folder instead of being killed midway.
/// `@unchecked`: the dispatch sources are only kept alive here, never touched after `init`.
public final class StopSignals: @unchecked Sendable {
    private let received: AsyncStream<Int32>
    private let sources: [any DispatchSourceSignal]

    /// From now on the two signals no longer end the process: they are delivered to `wait()`.
    /// A second one while stopping ends the process at once, for a stop that hangs.
    public init() {
        let (received, delivery) = AsyncStream<Int32>.makeStream()
        self.received = received
        let count = SignalCount()
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if count.increment() > 1 { _exit(128 + number) }
                delivery.yield(number)
            }
            source.resume()
            return source
        }
    }

    /// Waits for SIGINT or SIGTERM and returns its number.
    public func wait() async -> Int32 {
        for await number in received { return number }
        return SIGTERM
    }
}

/// How many stop signals arrived; only touched from the signal handlers.
private final class SignalCount: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
