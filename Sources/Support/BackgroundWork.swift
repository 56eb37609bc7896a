import Foundation

/// Work started on a thread of its own and waited for later, so that it runs beside what the
/// caller does meanwhile (the charter's dictionaries load while the content is read).
public final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the work's thread before `done` is signalled; read only after waiting for it.
    private var result: Result<Value, any Error>?

    public init(_ work: @escaping @Sendable () throws -> Value) {
        Thread { [self] in
            result = Result { try work() }
            done.signal()
        }.start()
    }

    /// A value already there: no thread.
    public init(value: Value) {
        result = .success(value)
        done.signal()
    }

    /// The work's value, waiting for it; rethrows its error. May be called more than once.
    public func value() throws -> Value {
        done.wait()
        done.signal()
        return try result!.get()
    }
}
