import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file of the built site, opened once: the answer reads it in chunks as the client takes them,
/// so that eight clients of a 256 MB file hold eight chunks, not eight copies of the file.
final class OpenFile: Sendable {
    let descriptor: Int32
    let size: Int

    /// Nil unless `url` is a regular file that can be read. The last component is not followed if
    /// it is a symbolic link: `SitePaths` gives the resolved path, so a link swapped in meanwhile is refused.
    init?(_ url: URL) {
        let descriptor = Glibc.open(url.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            Glibc.close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        size = Int(status.st_size)
    }

    deinit { Glibc.close(descriptor) }

    /// Up to `count` bytes from `offset`; empty at the end of the file.
    func read(at offset: Int, count: Int) throws -> Data {
        var data = Data(count: count)
        let read = data.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
        guard read >= 0 else { throw SocketError.makeFailed("Read") }
        data.count = read
        return data
    }

    /// The whole file, for a page that gets the reload script.
    func contents() throws -> Data {
        try read(at: 0, count: size)
    }
}

/// The bytes `range` of an open file, as FlyingFox's streaming body takes them.
struct FileBody: AsyncBufferedSequence {
    typealias Element = UInt8
    let file: OpenFile
    let range: Range<Int>

    /// Bytes read and sent at a time.
    static let chunkSize = 64 * 1024

    func makeAsyncIterator() -> Iterator {
        Iterator(file: file, offset: range.lowerBound, end: range.upperBound)
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        let file: OpenFile
        var offset: Int
        let end: Int

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        /// The next chunk; nil at the end of the range, or when the file was cut short meanwhile
        /// (the client then gets fewer bytes than announced and sees the answer is incomplete).
        mutating func nextBuffer(suggested count: Int) async throws -> Data? {
            guard offset < end else { return nil }
            let chunk = try file.read(at: offset, count: Swift.min(Swift.max(count, 1), end - offset))
            guard !chunk.isEmpty else { return nil }
            offset += chunk.count
            return chunk
        }
    }
}
