/// The character set of a hunspell dictionary, from the `SET` line of its .aff file (as hunspell reads
/// it: `Hunspell_get_dic_encoding`; hunspell takes ISO8859-1 when the line is missing).
///
/// hunspell compares bytes: a word must reach `Hunspell_spell` in the dictionary's own encoding, and
/// suggestions come back in it. The Debian dictionaries installed here (hunspell-fr 7.0, hunspell-en-us
/// 2020.12.07) are both `SET UTF-8`; older or other dictionaries use ISO8859-1 or ISO8859-15, which are
/// converted here by table, without Foundation, so that a dictionary swap cannot silently garble words.
enum DictionaryEncoding: Sendable, Equatable {
    case utf8
    /// A one-byte character set: `high[i]` is the Unicode scalar of byte 0x80 + i (bytes below 0x80 are ASCII).
    case singleByte(name: String, high: [UInt32])

    init?(setName: String) {
        let name = String(setName.uppercased().map { $0 == "_" ? "-" : $0 })
        switch name {
        case "UTF-8", "UTF8":
            self = .utf8
        case "ISO8859-1", "ISO-8859-1", "LATIN1", "LATIN-1":
            self = .singleByte(name: "ISO8859-1", high: (0x80...0xFF).map { UInt32($0) })
        case "ISO8859-15", "ISO-8859-15", "LATIN9", "LATIN-9":
            // ISO8859-15 is ISO8859-1 with eight code points replaced (€, Š, š, Ž, ž, Œ, œ, Ÿ).
            var high = (0x80...0xFF).map { UInt32($0) }
            let replaced: [Int: UInt32] = [0xA4: 0x20AC, 0xA6: 0x160, 0xA8: 0x161, 0xB4: 0x17D, 0xB8: 0x17E, 0xBC: 0x152, 0xBD: 0x153, 0xBE: 0x178]
            for (byte, scalar) in replaced { high[byte - 0x80] = scalar }
            self = .singleByte(name: "ISO8859-15", high: high)
        default:
            return nil
        }
    }

    var name: String {
        switch self {
        case .utf8: "UTF-8"
        case .singleByte(let name, _): name
        }
    }

    /// The NUL-terminated bytes of `text`, or nil when one of its characters has no byte in this encoding.
    func encode(_ text: String) -> [CChar]? {
        switch self {
        case .utf8:
            return text.utf8.map { CChar(bitPattern: $0) } + [0]
        case .singleByte(_, let high):
            var bytes: [CChar] = []
            bytes.reserveCapacity(text.unicodeScalars.count + 1)
            for scalar in text.unicodeScalars {
                if scalar.value < 0x80 {
                    bytes.append(CChar(bitPattern: UInt8(scalar.value)))
                } else if let index = high.firstIndex(of: scalar.value) {
                    bytes.append(CChar(bitPattern: UInt8(0x80 + index)))
                } else {
                    return nil
                }
            }
            return bytes + [0]
        }
    }

    /// The scalars of `text` that have no byte in this encoding.
    func unrepresentableScalars(in text: String) -> [Unicode.Scalar] {
        switch self {
        case .utf8:
            return []
        case .singleByte(_, let high):
            return text.unicodeScalars.filter { $0.value >= 0x80 && !high.contains($0.value) }
        }
    }

    /// The text of NUL-terminated bytes in this encoding.
    func decode(_ pointer: UnsafePointer<CChar>) -> String {
        switch self {
        case .utf8:
            return String(cString: pointer)
        case .singleByte(_, let high):
            var result = String.UnicodeScalarView()
            var cursor = pointer
            while cursor.pointee != 0 {
                let byte = UInt8(bitPattern: cursor.pointee)
                let value = byte < 0x80 ? UInt32(byte) : high[Int(byte) - 0x80]
                if let scalar = Unicode.Scalar(value) { result.append(scalar) }
                cursor += 1
            }
            return String(result)
        }
    }
}
