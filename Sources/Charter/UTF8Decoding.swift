/// UTF-8 bytes to Unicode scalars straight into an array, without a String in between.
enum UTF8Decoding {
    /// Appends the scalars of `bytes` to `scalars`; when the bytes are not well-formed UTF-8, appends nothing
    /// and returns false, so that the caller decodes them the way String does (with replacement characters).
    static func append<Bytes: RandomAccessCollection>(_ bytes: Bytes, to scalars: inout [Unicode.Scalar]) -> Bool
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let countBefore = scalars.count
        var index = bytes.startIndex
        let end = bytes.endIndex
        @inline(__always) func continuation(_ offset: Int) -> UInt32? {
            guard index + offset < end else { return nil }
            let byte = bytes[index + offset]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                scalars.append(Unicode.Scalar(lead))
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
            guard let value, let scalar = Unicode.Scalar(value) else {
                scalars.removeLast(scalars.count - countBefore)
                return false
            }
            scalars.append(scalar)
            index += length
        }
        return true
    }
}
