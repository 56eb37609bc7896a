import CBrotli
import Foundation

/// Brotli through Google's encoder, at quality 11.
enum Brotli {
    /// The brotli stream of `data`, for text (the mode is a hint to the encoder).
    ///
    /// The window is the encoder's default 4 MiB: the output's files are smaller than that, and a
    /// larger window only makes browsers reserve more memory to decode.
    static func compress(_ data: Data) -> Data? {
        var size = BrotliEncoderMaxCompressedSize(data.count)
        guard size > 0 else { return nil }
        var output = Data(count: size)
        let succeeded = data.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { buffer in
                BrotliEncoderCompress(BROTLI_MAX_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, input.count,
                                      input.bindMemory(to: UInt8.self).baseAddress, &size, buffer.bindMemory(to: UInt8.self).baseAddress)
            }
        }
        guard succeeded == BROTLI_TRUE else { return nil }
        output.count = size
        return output
    }
}
