import Configuration
import Diagnostics

/// One pass over a page's bytes before any parser reads it: a page above a limit of site.yml's
/// `limits:` is an error, and NUL characters are replaced.
///
/// Why before cmark-gfm: Debian's cmark-gfm (0.29.0.gfm.6) pads every table row to the header's
/// width (CVE-2023-37463, fixed upstream in gfm.12), so 42 KB of table took 110 s and 5.2 GB, and
/// it builds the cells of a row in a list it walks from the start for each cell, so one row of
/// 60,000 cells took 17 s. Deep nesting costs it time on every line. The scan is linear, and its
/// counts are upper bounds of what cmark-gfm builds (see `MarkdownNesting` and `TableCells`).
public struct PageLimitScan {
    public let file: String
    public let limits: InputLimits

    public init(file: String, limits: InputLimits) {
        self.file = file
        self.limits = limits
    }

    /// The text to parse and the warnings; every error found is thrown.
    public func checked(_ text: String) throws(DiagnosticsError) -> (text: String, warnings: [Diagnostic]) {
        let (text, diagnostics) = check(text)
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics) }
        return (text, diagnostics)
    }

    /// The text to parse (NULs replaced) and the problems found: errors when a limit is passed.
    public func check(_ text: String) -> (text: String, diagnostics: [Diagnostic]) {
        var text = text
        let byteCount = text.utf8.count
        if byteCount > limits.pageBytes {
            return (text, [.error(SourceLocation(file: file, line: 1),
                                  "the page is \(byteCount) bytes long, more than the limit of \(limits.pageBytes) (limits.pageBytes)",
                                  hint: InputLimits.hint(key: "pageBytes", "split it into several pages"))])
        }
        var scan = LineScan(limits: limits)
        text.withUTF8 { scan.run(over: $0) }
        var diagnostics: [Diagnostic] = []
        if let (line, depth) = scan.tooDeep {
            diagnostics.append(.error(SourceLocation(file: file, line: line),
                                      "the text is nested \(depth) levels deep here (block quotes, lists, emphasis, links), more than the limit of \(limits.nesting) (limits.nesting)",
                                      hint: InputLimits.hint(key: "nesting", "remove the extra '>', list markers, '*', '_' or '['")))
        }
        if let table = scan.tooManyCells {
            diagnostics.append(.error(SourceLocation(file: file, line: table.line),
                                      "this table makes \(table.cells) cells (\(table.columns) columns, \(table.rows) \(table.rows == 1 ? "row" : "rows"): every row is made as wide as the header), more than the limit of \(limits.tableCells) (limits.tableCells)",
                                      hint: InputLimits.hint(key: "tableCells", "split the table, or check that its header row has no stray '|'")))
        }
        if !scan.nulLines.isEmpty {
            text = text.replacingNUL()
            let lines = scan.nulLines.prefix(5).map(String.init).joined(separator: ", ")
            let more = scan.nulLines.count > 5 ? " and \(scan.nulLines.count - 5) more" : ""
            diagnostics.append(.warning(SourceLocation(file: file, line: scan.nulLines[0]),
                                        "a NUL character (an invisible zero byte) was replaced by '\u{FFFD}' on line \(lines)\(more)",
                                        hint: "remove it: it usually comes from a copy out of a binary file or a broken export"))
        }
        return (text, diagnostics)
    }
}

extension String {
    /// NUL replaced by U+FFFD, as CommonMark says a parser must (cmark-gfm would stop at it: it is handed a C string).
    func replacingNUL() -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            if byte == 0 { bytes += [0xEF, 0xBF, 0xBD] } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The line-by-line state of `PageLimitScan`: the first line over each limit, and the lines with a NUL.
struct LineScan {
    let limits: InputLimits
    var tooDeep: (line: Int, depth: Int)?
    var tooManyCells: (line: Int, cells: Int, columns: Int, rows: Int)?
    var nulLines: [Int] = []
    private var nesting = MarkdownNesting()
    private var table = TableCells()
    /// Whether the line read is in the front matter (YAML, whose nesting `YAMLReader` checks).
    private var inFrontMatter = false

    init(limits: InputLimits) {
        self.limits = limits
    }

    mutating func run(over bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        var lineNumber = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            lineNumber += 1
            scanLine(UnsafeBufferPointer(rebasing: bytes[start..<end]), number: lineNumber)
            start = end + 1
        }
        finishTable()
    }

    private mutating func scanLine(_ line: UnsafeBufferPointer<UInt8>, number: Int) {
        if line.contains(0) { nulLines.append(number) }
        let isFence = line.elementsEqual("---".utf8) || (number > 1 && line.elementsEqual("...".utf8))
        if number == 1 && isFence || inFrontMatter {
            inFrontMatter = number == 1 || !isFence
            return
        }
        if tooDeep == nil {
            let depth = nesting.deepest(in: line)
            if depth > limits.nesting { tooDeep = (number, depth) }
        }
        if tooManyCells == nil, table.read(line, number: number) { finishTable() }
    }

    /// A table that ended: over the limit or not.
    private mutating func finishTable() {
        if let done = table.finish(), done.cells > limits.tableCells, tooManyCells == nil { tooManyCells = done }
    }
}
