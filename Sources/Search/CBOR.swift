import Foundation

/// The part of CBOR (RFC 8949) that Pagefind's index files use: unsigned integers, byte and text
/// strings, arrays and maps, with definite lengths. Read and written back in the shortest form,
/// which is the form Pagefind writes.
indirect enum CBOR: Equatable {
    case unsigned(UInt64)
    case bytes([UInt8])
    /// A text string, kept as its UTF-8 bytes: compared and sorted bytewise.
    case text([UInt8])
    case array([CBOR])
    case map([(CBOR, CBOR)])

    static func == (lhs: CBOR, rhs: CBOR) -> Bool {
        switch (lhs, rhs) {
        case (.unsigned(let a), .unsigned(let b)): a == b
        case (.bytes(let a), .bytes(let b)), (.text(let a), .text(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.map(let a), .map(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// The one item that `bytes` hold, or nil when they hold anything else (another major type,
    /// an indefinite length, bytes left over).
    static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> CBOR? where Bytes.Index == Int {
        var index = bytes.startIndex
        guard let item = decode(bytes, at: &index), index == bytes.endIndex else { return nil }
        return item
    }

    private static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes, at index: inout Int) -> CBOR? where Bytes.Index == Int {
        guard index < bytes.endIndex else { return nil }
        let initial = bytes[index]
        index += 1
        let major = initial >> 5, info = initial & 0x1f
        var argument: UInt64
        switch info {
        case 0..<24: argument = UInt64(info)
        case 24...27:
            let size = 1 << Int(info - 24)
            guard index + size <= bytes.endIndex else { return nil }
            argument = bytes[index..<index + size].reduce(0) { $0 << 8 | UInt64($1) }
            index += size
        default: return nil
        }
        switch major {
        case 0: return .unsigned(argument)
        case 2, 3:
            guard argument <= UInt64(bytes.endIndex - index) else { return nil }
            let content = Array(bytes[index..<index + Int(argument)])
            index += Int(argument)
            return major == 2 ? .bytes(content) : .text(content)
        case 4:
            var items: [CBOR] = []
            for _ in 0..<argument {
                guard let item = decode(bytes, at: &index) else { return nil }
                items.append(item)
            }
            return .array(items)
        case 5:
            var pairs: [(CBOR, CBOR)] = []
            for _ in 0..<argument {
                guard let key = decode(bytes, at: &index), let value = decode(bytes, at: &index) else { return nil }
                pairs.append((key, value))
            }
            return .map(pairs)
        default: return nil
        }
    }

    var encoded: [UInt8] {
        var bytes: [UInt8] = []
        encode(into: &bytes)
        return bytes
    }

    private func encode(into bytes: inout [UInt8]) {
        switch self {
        case .unsigned(let value): Self.head(0, value, into: &bytes)
        case .bytes(let content):
            Self.head(2, UInt64(content.count), into: &bytes)
            bytes += content
        case .text(let content):
            Self.head(3, UInt64(content.count), into: &bytes)
            bytes += content
        case .array(let items):
            Self.head(4, UInt64(items.count), into: &bytes)
            for item in items { item.encode(into: &bytes) }
        case .map(let pairs):
            Self.head(5, UInt64(pairs.count), into: &bytes)
            for (key, value) in pairs {
                key.encode(into: &bytes)
                value.encode(into: &bytes)
            }
        }
    }

    /// The initial byte and the argument in its shortest form.
    private static func head(_ major: UInt8, _ argument: UInt64, into bytes: inout [UInt8]) {
        let size: Int
        switch argument {
        case 0..<24:
            bytes.append(major << 5 | UInt8(argument))
            return
        case 24...0xff: size = 1
        case 0x100...0xffff: size = 2
        case 0x1_0000...0xffff_ffff: size = 4
        default: size = 8
        }
        bytes.append(major << 5 | UInt8(24 + size.trailingZeroBitCount))
        for shift in stride(from: (size - 1) * 8, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: argument >> UInt64(shift))) }
    }
}
