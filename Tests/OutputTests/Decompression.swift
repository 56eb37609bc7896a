import CBrotli
import CZlib
import Foundation

/// The libraries' own decoders, to read the twins back as a browser would.
enum Decompression {
    static func gunzip(_ data: Data) -> Data? {
        var stream = z_stream()
        guard cleiss_inflateInit2(&stream, 15 + 16) == Z_OK else { return nil }
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

    static func unbrotli(_ data: Data, expectedSize: Int) -> Data? {
        var size = expectedSize
        var output = Data(count: size)
        let result = data.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { buffer in
                BrotliDecoderDecompress(input.count, input.bindMemory(to: UInt8.self).baseAddress, &size, buffer.bindMemory(to: UInt8.self).baseAddress)
            }
        }
        guard result == BROTLI_DECODER_RESULT_SUCCESS else { return nil }
        output.count = size
        return output
    }
}
