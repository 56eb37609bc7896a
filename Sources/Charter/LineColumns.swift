/// Character columns and decoded lines of a page, remembered from one question to the next.
///
/// The tree reader asks about nodes in document order: counting each column from the start of its
/// line, or decoding the whole line for each node, made a line of 20,000 bare `www.` links quadratic
/// (5.7 s). Here a column is counted on from the last one asked on the same line, and the last line
/// decoded is kept. A class, so that the reader's non-mutating functions can use it.
final class LineColumns {
    let lines: SourceLines
    private var countedLine = 0
    private var countedBytes = 0
    private var countedCharacters = 0
    private var decodedLine = 0
    private var decoded: [Unicode.Scalar] = []

    init(_ lines: SourceLines) {
        self.lines = lines
    }

    /// `SourceLines.characterCount(line:prefixBytes:)`: a count of bytes less continuation bytes, which adds up piece by piece.
    func characterCount(line number: Int, prefixBytes: Int) -> Int {
        let bytes = lines.line(number)
        let end = min(prefixBytes, bytes.count)
        if number != countedLine || end < countedBytes {
            countedLine = number
            countedBytes = 0
            countedCharacters = 0
        }
        let piece = bytes[(bytes.startIndex + countedBytes)..<(bytes.startIndex + end)]
        countedCharacters += piece.count - UTF8Decoding.continuationBytes(in: piece)
        countedBytes = end
        return countedCharacters
    }

    func scalars(line number: Int) -> [Unicode.Scalar] {
        if number != decodedLine {
            decodedLine = number
            decoded = lines.scalars(line: number)
        }
        return decoded
    }
}
