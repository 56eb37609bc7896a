/// The one HTML escaper of the engine: the five characters swift-mustache's `HTMLContentType` escapes,
/// with the same replacements (`&lt; &gt; &amp; &quot; &#39;`), so that outputs compare byte for byte.
/// It works on UTF-8 bytes: a value without any of the five is copied in one append.
enum HTMLEscaper {
    static func append(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            guard bytes.contains(where: needsEscaping) else {
                buffer.append(contentsOf: bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "<"): buffer.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): buffer.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "&"): buffer.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "\""): buffer.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): buffer.append(contentsOf: "&#39;".utf8)
                default: buffer.append(byte)
                }
            }
        }
    }

    static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
