import FlyingFox
import FlyingSocks
import Foundation

/// The bytes of a server-sent events stream, as FlyingFox's streaming body wants them.
///
/// Given to `HTTPBodySequence(from:)` without a length, it is sent with chunked transfer encoding,
/// each event as soon as it is yielded, until the stream finishes or the page goes away.
struct EventStreamBody: AsyncBufferedSequence {
    typealias Element = UInt8
    let events: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator {
        Iterator(events: events.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<Data>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            await nextBuffer(suggested: 1)?.first
        }

        /// Up to `count` bytes of the current event, waiting for the next event when it is all sent.
        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            while pending.isEmpty {
                guard let data = await events.next() else { return nil }
                pending = ArraySlice(data)
            }
            let chunk = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(chunk.count)
            return chunk
        }
    }
}
