import Markdown

/// Corrects cmark-gfm's columns on the lines of a paragraph or heading after its first.
///
/// cmark-gfm (0.29.0.gfm.6) counts the column of an inline from where its block starts on the block's first line,
/// on every line: right when each line has the same container markers as the first, wrong on a lazy continuation
/// line (`- item` then `next line` unindented: 2 columns too far), a `>b` after `> a`, or a line whose indentation
/// a tab makes. So the markers of each such line are matched again as cmark-gfm's block parser matches them
/// (blocks.c: `parse_block_quote_prefix`, `parse_node_item_prefix`, the list-marker padding, tabs to columns of 4),
/// which gives where the block's text starts on that line, and the shift from cmark-gfm's column.
struct ContainerPrefixes {
    let lines: SourceLines
    /// File line of the body's line 1, less 1.
    let lineOffset: Int
    /// The column, relative to its parent's content, where each list item's content starts (`marker_offset + padding`).
    private var itemContentOffsets: [MarkdownNode: Int] = [:]

    init(lines: SourceLines, lineOffset: Int) {
        self.lines = lines
        self.lineOffset = lineOffset
    }

    /// What to add to cmark-gfm's byte column on each line of `block` after its first (by the body's line numbers);
    /// empty when nothing is to be added, or when a container around it is one this reader does not know (footnotes).
    mutating func columnShifts(of block: MarkdownNode) -> [Int: Int] {
        let first = block.startLine, last = block.endLine
        guard first > 0, last > first else { return [:] }
        var containers: [MarkdownNode] = []
        var node = block.parent
        while let current = node, current.kind != .document {
            switch current.kind {
            case .blockQuote, .item: containers.append(current)
            case .list: break
            default: return [:]
            }
            node = current.parent
        }
        containers.reverse()
        // Each item's content offset, from its first line: outer ones first, as inner ones are matched through them.
        // One pass over a line opens every container that starts on it (`- - - a`): start lines only grow inwards.
        for item in containers where item.kind == .item && itemContentOffsets[item] == nil {
            let line = item.startLine
            let started = containers.prefix { $0.startLine <= line }
            guard var cursor = cursor(line: line), match(&cursor, started, line: line) else { return [:] }
        }
        let blockOffset = block.startColumn - 1
        var shifts: [Int: Int] = [:]
        for line in (first + 1)...last {
            guard var cursor = cursor(line: line) else { break }
            let shift: Int
            if match(&cursor, containers[...], line: line) {
                // Every marker matched: cmark-gfm takes the text from its first non-space character.
                shift = cursor.firstNonspace().offset - blockOffset
            } else {
                // A lazy line: the text is taken from where the markers stopped matching, a half-read tab as spaces.
                shift = cursor.offset - blockOffset + (cursor.partialTab ? 1 - (LineCursor.tabStop - cursor.column % LineCursor.tabStop) : 0)
            }
            if shift != 0 { shifts[line] = shift }
        }
        return shifts
    }

    private func cursor(line: Int) -> LineCursor? {
        let fileLine = line + lineOffset
        guard fileLine >= 1, fileLine <= lines.count else { return nil }
        return LineCursor(bytes: Array(lines.line(fileLine)))
    }

    /// Matches the markers of `containers` on `line` as cmark-gfm does: opens those that start on it (recording the
    /// content offsets of the items), continues the others. False at the first one that does not match (a lazy line).
    private mutating func match(_ cursor: inout LineCursor, _ containers: ArraySlice<MarkdownNode>, line: Int) -> Bool {
        for container in containers {
            let opens = container.startLine == line
            if container.kind == .blockQuote {
                guard opens ? cursor.openBlockQuote() : cursor.continueBlockQuote() else { return false }
            } else if opens {
                guard let offset = cursor.openItem() else { return false }
                itemContentOffsets[container] = offset
            } else {
                guard let offset = itemContentOffsets[container], cursor.continueItem(contentOffset: offset) else { return false }
            }
        }
        return true
    }
}

/// cmark-gfm's place in a line while it matches container markers: a byte offset, a column (a tab goes on to the
/// next multiple of 4), and whether a tab was only partly read (an item's indentation may end inside one).
struct LineCursor {
    static let tabStop = 4
    let bytes: [UInt8]
    var offset = 0
    var column = 0
    var partialTab = false

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    func byte(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

    static func isSpaceOrTab(_ byte: UInt8?) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// `S_find_first_nonspace`: the first byte from `offset` that is not a space or a tab, and its column.
    func firstNonspace() -> (offset: Int, column: Int) {
        var index = offset, column = self.column
        var toTab = Self.tabStop - column % Self.tabStop
        while let byte = byte(index), Self.isSpaceOrTab(byte) {
            if byte == UInt8(ascii: " ") {
                column += 1
                toTab = toTab == 1 ? Self.tabStop : toTab - 1
            } else {
                column += toTab
                toTab = Self.tabStop
            }
            index += 1
        }
        return (index, column)
    }

    /// `S_advance_offset`: on by `count` bytes, or by `count` columns (then a tab may be read in part).
    mutating func advance(_ count: Int, columns: Bool) {
        var count = count
        while count > 0, let byte = byte(offset) {
            if byte == UInt8(ascii: "\t") {
                let toTab = Self.tabStop - column % Self.tabStop
                if columns {
                    partialTab = toTab > count
                    let step = min(count, toTab)
                    column += step
                    if !partialTab { offset += 1 }
                    count -= step
                } else {
                    partialTab = false
                    column += toTab
                    offset += 1
                    count -= 1
                }
            } else {
                partialTab = false
                offset += 1
                column += 1
                count -= 1
            }
        }
    }

    /// `parse_block_quote_prefix`: up to 3 columns of indentation, `>`, and one optional space.
    mutating func continueBlockQuote() -> Bool {
        let first = firstNonspace()
        guard first.column - column <= 3, byte(first.offset) == UInt8(ascii: ">") else { return false }
        advance(first.column - column + 1, columns: true)
        if Self.isSpaceOrTab(byte(offset)) { advance(1, columns: true) }
        return true
    }

    /// A block quote on its first line (`open_new_blocks`).
    mutating func openBlockQuote() -> Bool {
        let first = firstNonspace()
        guard first.column - column <= 3, byte(first.offset) == UInt8(ascii: ">") else { return false }
        advance(first.offset + 1 - offset, columns: false)
        if Self.isSpaceOrTab(byte(offset)) { advance(1, columns: true) }
        return true
    }

    /// `parse_node_item_prefix`: at least the item's content offset of indentation, or a blank line.
    mutating func continueItem(contentOffset: Int) -> Bool {
        let first = firstNonspace()
        if first.column - column >= contentOffset {
            advance(contentOffset, columns: true)
            return true
        }
        guard first.offset >= bytes.count else { return false }
        advance(first.offset - offset, columns: false)
        return true
    }

    /// A list item on its first line: its marker and the spaces after it; returns its content offset
    /// (`marker_offset + padding`), nil when there is no list marker here.
    mutating func openItem() -> Int? {
        let first = firstNonspace()
        let indent = first.column - column
        var end = first.offset
        if let byte = byte(end), [UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*")].contains(byte) {
            end += 1
        } else {
            while let byte = byte(end), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), end - first.offset < 9 { end += 1 }
            guard end > first.offset, let delimiter = byte(end), delimiter == UInt8(ascii: ".") || delimiter == UInt8(ascii: ")") else { return nil }
            end += 1
        }
        let markerWidth = end - first.offset
        advance(end - offset, columns: false)
        let saved = self
        while column - saved.column <= 5, Self.isSpaceOrTab(byte(offset)) { advance(1, columns: true) }
        let spaces = column - saved.column
        let atLineEnd = byte(offset) == nil || byte(offset) == UInt8(ascii: "\n") || byte(offset) == UInt8(ascii: "\r")
        if spaces >= 5 || spaces < 1 || atLineEnd {
            self = saved
            if spaces > 0 { advance(1, columns: true) }
            return indent + markerWidth + 1
        }
        return indent + markerWidth + spaces
    }
}
