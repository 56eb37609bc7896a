/// The lines of a page's file as UTF-8 bytes and where each starts: positions are turned into columns
/// without a String per line.
///
/// Lines are what `String.split(separator: "\n")` gives: cut at every "\n" that is a character of its own,
/// that is, not after "\r" ("\r\n" is one character and stays inside its line).
struct SourceLines: Sendable {
    private let bytes: [UInt8]
    /// The byte offset where each line starts, then one past the end of the text (as if a "\n" followed it).
    private let starts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") && (index == 0 || bytes[index - 1] != UInt8(ascii: "\r")) {
            starts.append(index + 1)
        }
        starts.append(bytes.count + 1)
        self.starts = starts
    }

    var count: Int { starts.count - 1 }

    /// The bytes of a line (1-based), without its "\n".
    func line(_ number: Int) -> ArraySlice<UInt8> { bytes[starts[number - 1]..<starts[number] - 1] }

    /// How many characters (Unicode scalars) the first `prefixBytes` bytes of a line hold.
    /// A cut inside a character counts it, as decoding the cut bytes would give one replacement character.
    func characterCount(line number: Int, prefixBytes: Int) -> Int {
        line(number).prefix(prefixBytes).reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }

    func scalars(line number: Int) -> [Unicode.Scalar] {
        let line = line(number)
        if line.allSatisfy({ $0 < 0x80 }) { return line.map { Unicode.Scalar($0) } }
        return Array(String(decoding: line, as: UTF8.self).unicodeScalars)
    }

    var strings: [String] { (1...count).map { String(decoding: line($0), as: UTF8.self) } }
}
