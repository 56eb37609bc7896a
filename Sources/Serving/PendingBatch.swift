/// The paths gathered since the last delivery. They are due once events pause for `debounce`, or
/// `longestDelay` after the first of them, so that a stream of events that never pauses (a
/// generator writing many pages) still gets rebuilt.
struct PendingBatch: Sendable {
    let debounce: Duration
    var longestDelay = Duration.milliseconds(500)
    private(set) var paths: [String] = []
    private var first = ContinuousClock.now, last = ContinuousClock.now

    init(debounce: Duration) {
        self.debounce = debounce
    }

    var due: ContinuousClock.Instant? {
        paths.isEmpty ? nil : min(last + debounce, first + longestDelay)
    }

    mutating func add(_ new: [String], at now: ContinuousClock.Instant) {
        guard !new.isEmpty else { return }
        if paths.isEmpty { first = now }
        last = now
        for path in new where !paths.contains(path) { paths.append(path) }
    }

    /// The paths, when they are due; the batch is empty again then.
    mutating func take(at now: ContinuousClock.Instant) -> [String]? {
        guard let due, now >= due else { return nil }
        defer { paths = [] }
        return paths
    }

    /// How long `poll` may wait, in milliseconds: until the batch is due, or for ever (-1) when it is empty.
    func pollTimeout(at now: ContinuousClock.Instant) -> Int32 {
        guard let due else { return -1 }
        return Int32(max(0, (due - now) / .milliseconds(1)).rounded(.up))
    }
}
