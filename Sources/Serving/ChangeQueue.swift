import Foundation

/// Changed paths handed from the watcher's thread to the one rebuild loop.
///
/// Paths that arrive while a rebuild runs pile up here and are taken together by the next call to
/// `next()`, so that a burst of saves during a long build gives one more build, not one per save.
final class ChangeQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [String] = []
    private var waiter: CheckedContinuation<[String]?, Never>?
    private var finished = false

    func post(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        lock.lock()
        if finished {
            lock.unlock()
            return
        }
        for path in paths where !pending.contains(path) { pending.append(path) }
        let waiter = takeWaiterWithPending()
        lock.unlock()
        waiter?.continuation.resume(returning: waiter?.paths)
    }

    /// Every path posted since the last call, waiting for one; nil once the queue is finished.
    func next() async -> [String]? {
        await withCheckedContinuation { continuation in
            lock.lock()
            if finished {
                lock.unlock()
                continuation.resume(returning: nil)
            } else if !pending.isEmpty {
                let paths = pending
                pending = []
                lock.unlock()
                continuation.resume(returning: paths)
            } else {
                waiter = continuation
                lock.unlock()
            }
        }
    }

    /// Ends the queue: the waiting `next()` returns nil, and so do later calls; pending paths are dropped.
    /// Returns false when it was already finished.
    @discardableResult
    func finish() -> Bool {
        lock.lock()
        if finished {
            lock.unlock()
            return false
        }
        finished = true
        let waiter = self.waiter
        self.waiter = nil
        lock.unlock()
        waiter?.resume(returning: nil)
        return true
    }

    /// Called with the lock held.
    private func takeWaiterWithPending() -> (continuation: CheckedContinuation<[String]?, Never>, paths: [String])? {
        guard let waiter else { return nil }
        self.waiter = nil
        let paths = pending
        pending = []
        return (waiter, paths)
    }
}
