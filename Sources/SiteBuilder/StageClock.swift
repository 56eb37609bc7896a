import Foundation
import Support

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

    /// Ends a stage whose last `seconds` belong to the next one (one call of the loader reads every
    /// file, then parses them all: two stages).
    mutating func end(_ name: String, handingOver seconds: Double) {
        let now = Date()
        let handed = min(max(seconds, 0), now.timeIntervalSince(last))
        stages.append((name, now.timeIntervalSince(last) - handed))
        last = now.addingTimeInterval(-handed)
    }

    /// Ends a stage whose parts ran interleaved on every core (rendering a file, then writing it):
    /// its wall time is shared among the parts in proportion to the time each took on the threads.
    /// The last `seconds` of it belong to the next stage (compressing, after the files are written).
    mutating func end(_ parts: [(name: String, threadSeconds: Double)], handingOver seconds: Double = 0) {
        let now = Date()
        let handed = min(max(seconds, 0), now.timeIntervalSince(last))
        let wall = now.timeIntervalSince(last) - handed
        let total = parts.map(\.threadSeconds).reduce(0, +)
        for part in parts {
            stages.append((part.name, total > 0 ? wall * part.threadSeconds / total : wall / Double(parts.count)))
        }
        last = now.addingTimeInterval(-handed)
    }
}

