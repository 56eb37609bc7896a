/// The cells of each GitHub table of a page, counted line by line without parsing, for `PageLimitScan`.
///
/// A table is a line with `|` followed by a delimiter row (`|---|:-:|`), then every line up to a
/// blank one (the header or the delimiter row has a `|`). cmark-gfm 0.29.0.gfm.6 makes every row as wide as the header and reads every cell
/// of a row, so a table costs the sum over its rows of the wider of the header and the row; that is
/// what is counted (an upper bound: a cell is counted for every `|`, escaped or in code or not).
struct TableCells {
    /// The `|`-separated cells of the line before, 0 when it was blank.
    private var previousCells = 0
    private var previousHasPipe = false
    private var previousLine = 0
    private var open: (line: Int, columns: Int, rows: Int, cells: Int)?

    /// Reads the next line; true when it ended a table (call `finish` then).
    mutating func read(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> Bool {
        let content = Self.contentStart(of: line)
        let pipes = line[content...].count { $0 == UInt8(ascii: "|") }
        let cells = content == line.count ? 0 : Self.cells(in: line[content...], pipes: pipes)
        defer { previousCells = cells; previousHasPipe = pipes > 0; previousLine = number }
        let isDelimiterRow = previousCells > 0 && (pipes > 0 || previousHasPipe) && Self.isDelimiterRow(line[content...])
        if var table = open {
            if cells == 0 { return true }
            // A delimiter row inside: a new table may start at the line before, perhaps wider.
            if isDelimiterRow { table.columns = max(table.columns, previousCells, cells) }
            table.rows += 1
            table.cells += max(table.columns, cells)
            open = table
            return false
        }
        if isDelimiterRow {
            let columns = max(previousCells, cells)
            open = (previousLine, columns, 1, columns)
        }
        return false
    }

    /// The table that was open, with its cells counted.
    mutating func finish() -> (line: Int, cells: Int, columns: Int, rows: Int)? {
        defer { open = nil }
        return open.map { ($0.line, $0.cells, $0.columns, $0.rows) }
    }

    /// The cells `|` separates: a `|` at the start or the end of the row opens or closes one, it does not separate two.
    static func cells(in text: Slice<UnsafeBufferPointer<UInt8>>, pipes: Int) -> Int {
        let last = text.lastIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
        let outer = (text.first == UInt8(ascii: "|") ? 1 : 0) + (last.map { text[$0] == UInt8(ascii: "|") } == true && pipes > 1 ? 1 : 0)
        return max(pipes + 1 - outer, 1)
    }

    /// After the indentation and `>` of block quotes (a blank line inside a quote is blank too).
    static func contentStart(of line: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        while index < line.count, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">")].contains(line[index]) { index += 1 }
        return index
    }

    /// Only `|`, `-`, `:` and spaces, with at least one `-`.
    static func isDelimiterRow(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var hasHyphen = false
        for byte in text {
            switch byte {
            case UInt8(ascii: "-"): hasHyphen = true
            case UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"): continue
            default: return false
            }
        }
        return hasHyphen
    }
}
