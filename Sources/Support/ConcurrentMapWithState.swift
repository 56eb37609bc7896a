import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` spread over every core, results in input order, where each worker thread carries a state of
    /// its own from one element to the next (a cache, a scratch buffer) that no other thread touches.
    ///
    /// Why not one shared cache: every lookup would take a lock. Here there is one worker per core; each
    /// makes its state once and takes elements in batches of `batchSize` from a shared counter, so the
    /// only lock is taken once a batch, and a slow element does not hold up the others.
    public func concurrentMap<State, T: Sendable>(
        batchSize: Int = 8, state makeState: @Sendable () -> State, _ transform: @Sendable (inout State, Element) -> T
    ) -> [T] {
        let count = self.count
        let workers = Swift.min(ProcessInfo.processInfo.activeProcessorCount, (count + batchSize - 1) / Swift.max(batchSize, 1))
        if workers < 2 {
            var state = makeState()
            return map { transform(&state, $0) }
        }
        let slots = ResultSlots<T>(count: count)
        let batches = BatchCounter(total: count, batchSize: Swift.max(batchSize, 1))
        self.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                var state = makeState()
                while let range = batches.next() {
                    for index in range { slots.store(transform(&state, input[index]), at: index) }
                }
            }
        }
        return slots.values()
    }
}

/// Hands out consecutive ranges of indices to whichever worker asks next.
private final class BatchCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var nextStart = 0
    private let total: Int
    private let batchSize: Int

    init(total: Int, batchSize: Int) {
        self.total = total
        self.batchSize = batchSize
    }

    func next() -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard nextStart < total else { return nil }
        let range = nextStart..<Swift.min(nextStart + batchSize, total)
        nextStart = range.upperBound
        return range
    }
}
