import CZlib
import Foundation

/// gzip through zlib, at level 9.
public enum Gzip {
    /// zlib's window of 2^15 bytes, plus 16: a gzip wrapper instead of zlib's own.
    static let gzipWindowBits: Int32 = 15 + 16

    /// The gzip member of `data`. Its header is zlib's default one: no file name, no comment and a
    /// modification time of 0, so that two builds write the same bytes.
    public static func compress(_ data: Data) -> Data? {
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

    /// The bytes of a gzip member; nil if `data` is not one, or has bytes after it.
    public static func decompress(_ data: Data) -> Data? {
        var stream = z_stream()
        guard cleiss_inflateInit2(&stream, gzipWindowBits) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = [UInt8](data)
        return input.withUnsafeMutableBufferPointer { input -> Data? in
            stream.next_in = input.baseAddress
            stream.avail_in = uInt(input.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                if status == Z_STREAM_END { return stream.avail_in == 0 ? output : nil }
                guard status == Z_OK else { return nil }
            }
        }
    }
}
