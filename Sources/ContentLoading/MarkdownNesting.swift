/// How deep Markdown nests, line by line, without parsing it: an upper bound of the depth of the
/// tree cmark-gfm would build, for `PageLimitScan`.
///
/// Blocks: a container opened on a line is announced on that line by its own marker (`>`, `-`, `*`,
/// `+`, `1.`) or, for a list nested by indentation, by at least two columns of it; so the markers
/// and half the indentation before a line's text bound the blocks open there.
/// Inlines, within a paragraph (blank lines end it): `[` opens and `]` closes; a run of `*`, `_` or
/// `~` that can close (CommonMark's flanking rules) closes what is open, and one that can open opens
/// as many levels as it has characters. Lines inside fenced code are not read for inlines.
struct MarkdownNesting {
    private var brackets = 0
    private var emphasis = 0
    /// The fence character and length of an open fenced code block.
    private var fence: (character: UInt8, length: Int)?

    /// The deepest level reached on `line`.
    mutating func deepest(in line: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        var blocks = 0
        var indentation = 0
        // The container markers and indentation before the text.
        while index < line.count {
            let byte = line[index]
            if byte == UInt8(ascii: " ") { indentation += 1; index += 1; continue }
            if byte == UInt8(ascii: "\t") { indentation += 4; index += 1; continue }
            // A marker and the spaces after it (part of the marker in CommonMark) open one level.
            if let markerEnd = byte == UInt8(ascii: ">") ? index + 1 : Self.listMarkerEnd(in: line, at: index) {
                blocks += 1
                index = markerEnd
                while index < line.count, line[index] == UInt8(ascii: " ") || line[index] == UInt8(ascii: "\t") { index += 1 }
                continue
            }
            break
        }
        blocks += indentation / 2
        if index == line.count {
            brackets = 0   // a blank line ends the paragraph
            emphasis = 0
            return blocks
        }
        if readsFence(line, at: index) { return blocks }
        return blocks + deepestInline(in: line, from: index)
    }

    /// Where the text after a bullet or ordered list marker starts; nil when `index` starts none.
    static func listMarkerEnd(in line: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        var end = index
        let byte = line[index]
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
            end += 1
        } else {
            while end < line.count, end - index < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[end]) { end += 1 }
            guard end > index, end < line.count, line[end] == UInt8(ascii: ".") || line[end] == UInt8(ascii: ")") else { return nil }
            end += 1
        }
        guard end == line.count || line[end] == UInt8(ascii: " ") || line[end] == UInt8(ascii: "\t") else { return nil }
        return end
    }

    /// Whether the line opens, closes or is inside a fenced code block.
    private mutating func readsFence(_ line: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = line[index]
        var length = 0
        if byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~") {
            while index + length < line.count, line[index + length] == byte { length += 1 }
        }
        if let open = fence {
            if byte == open.character && length >= open.length { fence = nil }
            return true
        }
        guard length >= 3 else { return false }
        fence = (byte, length)
        return true
    }

    private mutating func deepestInline(in line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var deepest = brackets + emphasis
        var index = start
        while index < line.count {
            let byte = line[index]
            switch byte {
            case UInt8(ascii: "\\"):
                index += 2
                continue
            case UInt8(ascii: "["):
                brackets += 1
            case UInt8(ascii: "]"):
                brackets = max(brackets - 1, 0)
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                var end = index
                while end < line.count, line[end] == byte { end += 1 }
                readRun(of: byte, length: end - index, before: index > 0 ? line[index - 1] : nil, after: end < line.count ? line[end] : nil)
                index = end
                deepest = max(deepest, brackets + emphasis)
                continue
            default:
                break
            }
            deepest = max(deepest, brackets + emphasis)
            index += 1
        }
        return deepest
    }

    /// CommonMark's rules: a run can open when followed by text, close when preceded by it; `_` inside a word does neither.
    private mutating func readRun(of byte: UInt8, length: Int, before: UInt8?, after: UInt8?) {
        func isSpace(_ byte: UInt8?) -> Bool { byte.map { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } ?? true }
        func isPunctuation(_ byte: UInt8?) -> Bool { byte.map { $0 < 0x80 && ($0 >= 0x21 && $0 <= 0x2F || $0 >= 0x3A && $0 <= 0x40 || $0 >= 0x5B && $0 <= 0x60 || $0 >= 0x7B && $0 <= 0x7E) } ?? false }
        let leftFlanking = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before))
        let rightFlanking = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after))
        let underscore = byte == UInt8(ascii: "_")
        let canOpen = leftFlanking && (!underscore || !rightFlanking || isPunctuation(before))
        let canClose = rightFlanking && (!underscore || !leftFlanking || isPunctuation(after))
        var remaining = length
        if canClose {
            let closed = min(emphasis, remaining)
            emphasis -= closed
            remaining -= closed
        }
        if canOpen { emphasis += remaining }
    }
}
