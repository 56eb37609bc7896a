/// A wait on a client that lasted longer than its limit.
struct TimedOut: Error {}

/// `body`'s result, or `TimedOut` once `limit` has passed; `body` is cancelled then, which ends
/// its wait on the socket (FlyingSocks resumes a cancelled wait at once).
func withTimeout<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw TimedOut()
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}
