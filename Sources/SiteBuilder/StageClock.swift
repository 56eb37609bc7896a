import Foundation

/// Wall time per stage of the build, for `--timings`.
struct StageClock {
    private var last = Date()
    private(set) var stages: [(name: String, seconds: Double)] = []

    /// Ends the stage running since the previous call.
    mutating func end(_ name: String) {
        let now = Date()
        stages.append((name, now.timeIntervalSince(last)))
        last = now
    }
}
