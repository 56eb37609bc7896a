import CZlib
import Foundation

/// gzip through zlib, at level 9.
enum Gzip {
    /// zlib's window of 2^15 bytes, plus 16: a gzip wrapper instead of zlib's own.
    static let gzipWindowBits: Int32 = 15 + 16

    /// The gzip member of `data`. Its header is zlib's default one: no file name, no comment and a
    /// modification time of 0, so that two builds write the same bytes.
    static func compress(_ data: Data) -> Data? {
        guard data.count < Int(UInt32.max) else { return nil }
        var stream = z_stream()
        // memLevel 9: zlib's largest hash table, for the smallest output.
        guard cleiss_deflateInit2(&stream, 9, gzipWindowBits, 9, Z_DEFAULT_STRATEGY) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        var output = Data(count: Int(deflateBound(&stream, uLong(data.count))))
        let status = data.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { buffer -> Int32 in
                // zlib reads next_in without writing it; its type lacks the const.
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = buffer.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(buffer.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.count = Int(stream.total_out)
        return output
    }
}
