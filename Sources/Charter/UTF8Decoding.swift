/// UTF-8 bytes to Unicode scalars straight into an array, without a String in between.
enum UTF8Decoding {
    /// Appends the scalars of `bytes` to `scalars`; when the bytes are not well-formed UTF-8, appends nothing
    /// and returns false, so that the caller decodes them the way String does (with replacement characters).
    static func append<Bytes: RandomAccessCollection>(_ bytes: Bytes, to scalars: inout [Unicode.Scalar]) -> Bool
    where Bytes.Element == UInt8, Bytes.Index == Int {
        // Well-formed UTF-8 has one scalar per byte that is not a continuation byte: decoded into an array of that
        // size, then copied in one go (appending scalar by scalar, or from a lazy sequence, cost several times more).
        let count = bytes.count - continuationBytes(in: bytes)
        var wellFormed = true
        let decoded = [Unicode.Scalar](unsafeUninitializedCapacity: count) { output, initialized in
            wellFormed = decode(bytes, into: output)
            initialized = wellFormed ? count : 0
        }
        if wellFormed { scalars += decoded }
        return wellFormed
    }

    /// How many bytes of `bytes` are continuation bytes (10xxxxxx), eight bytes at a time.
    static func continuationBytes<Bytes: RandomAccessCollection>(in bytes: Bytes) -> Int where Bytes.Element == UInt8, Bytes.Index == Int {
        bytes.withContiguousStorageIfAvailable { buffer in
            var count = 0
            var index = 0
            let raw = UnsafeRawBufferPointer(buffer)
            while index + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // The top bit set and the next one clear: a continuation byte.
                count += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                index += 8
            }
            while index < raw.count {
                if raw[index] & 0xC0 == 0x80 { count += 1 }
                index += 1
            }
            return count
        } ?? bytes.reduce(0) { $1 & 0xC0 == 0x80 ? $0 + 1 : $0 }
    }

    /// Decodes `bytes` into `output`, filling it; false on the first sequence that is not well-formed.
    private static func decode<Bytes: RandomAccessCollection>(_ bytes: Bytes, into output: UnsafeMutableBufferPointer<Unicode.Scalar>) -> Bool
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var index = bytes.startIndex
        var written = 0
        let end = bytes.endIndex
        @inline(__always) func continuation(_ offset: Int) -> UInt32? {
            guard index + offset < end else { return nil }
            let byte = bytes[index + offset]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                output[written] = Unicode.Scalar(lead)
                written += 1
                index += 1
                continue
            }
            var value: UInt32?
            var length = 0
            if lead >= 0xC2 && lead <= 0xDF, let second = continuation(1) {
                value = UInt32(lead & 0x1F) << 6 | second
                length = 2
            } else if lead >= 0xE0 && lead <= 0xEF, let second = continuation(1), let third = continuation(2) {
                let decoded = UInt32(lead & 0x0F) << 12 | second << 6 | third
                value = decoded >= 0x800 && !(0xD800...0xDFFF).contains(decoded) ? decoded : nil
                length = 3
            } else if lead >= 0xF0 && lead <= 0xF4, let second = continuation(1), let third = continuation(2), let fourth = continuation(3) {
                let decoded = UInt32(lead & 0x07) << 18 | second << 12 | third << 6 | fourth
                value = (0x10000...0x10FFFF).contains(decoded) ? decoded : nil
                length = 4
            }
            guard let value, let scalar = Unicode.Scalar(value), written < output.count else { return false }
            output[written] = scalar
            written += 1
            index += length
        }
        return written == output.count
    }
}
