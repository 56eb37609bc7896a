import Foundation

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
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            // memchr: the text of a page is scanned for line ends faster than byte by byte.
            while offset < buffer.count, let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset) {
                let index = base.distance(to: UnsafeRawPointer(found))
                if index == 0 || buffer[index - 1] != UInt8(ascii: "\r") { starts.append(index + 1) }
                offset = index + 1
            }
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
        let prefix = line(number).prefix(prefixBytes)
        return prefix.count - UTF8Decoding.continuationBytes(in: prefix)
    }

    func scalars(line number: Int) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        if !UTF8Decoding.append(line(number), to: &scalars) { scalars = Array(String(decoding: line(number), as: UTF8.self).unicodeScalars) }
        return scalars
    }

    /// The bytes of lines `first` through `last` with their line ends; 0 for lines out of the text.
    func byteCount(lines first: Int, _ last: Int) -> Int {
        guard first >= 1, last >= first, last <= count else { return 0 }
        return starts[last] - starts[first - 1]
    }

    var strings: [String] { (1...count).map { String(decoding: line($0), as: UTF8.self) } }
}
