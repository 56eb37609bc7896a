import CBrotli
import CZlib
import Foundation
import Precompression

/// The libraries' own decoders, to read the twins back as a browser would.
enum Decompression {
    static func gunzip(_ data: Data) -> Data? {
        Gzip.decompress(data)
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
