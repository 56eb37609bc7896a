import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` spread over every core, results in input order.
    ///
    /// Each result goes to its own slot, so the workers never contend for a lock on the hot path.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        if count < 2 { return map(transform) }
        let slots = ResultSlots<T>(count: count)
        self.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.store(transform(input[index]), at: index)
            }
        }
        return slots.values()
    }
}

/// Write-once slots filled from several threads, each index by exactly one of them.
final class ResultSlots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil, count: count)
    }

    deinit {
        buffer.deinitialize(count: count)
        buffer.deallocate()
    }

    func store(_ value: T, at index: Int) { buffer[index] = value }

    func values() -> [T] { (0..<count).map { buffer[$0]! } }
}
