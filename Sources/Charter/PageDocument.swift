import Foundation
import Markdown

/// A point in the page's file, as an editor shows it: 1-based line and column (in characters).
public struct SourcePoint: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public static func < (lhs: SourcePoint, rhs: SourcePoint) -> Bool { (lhs.line, lhs.column) < (rhs.line, rhs.column) }
}

/// Prose as a reader reads it, with the file position of every character, so that a finding
/// anywhere in it points at the right place in the file.
public struct ProseText: Sendable {
    /// Unicode scalars of the text. Code spans, autolinks and images stand as one U+FFFC each.
    public var scalars: [Unicode.Scalar] = []
    public var points: [SourcePoint] = []

    public static let placeholder: Unicode.Scalar = "\u{FFFC}"

    /// Encoded to UTF-8 and decoded in one go: appending to a String scalar by scalar costs several times more.
    public var string: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func append(_ scalar: Unicode.Scalar, at point: SourcePoint) {
        scalars.append(scalar)
        points.append(point)
    }

    public func point(at index: Int) -> SourcePoint {
        points.isEmpty ? SourcePoint(line: 1, column: 1) : points[min(max(index, 0), points.count - 1)]
    }
}

/// What kind of block a run of prose comes from: rules treat them differently.
public enum ProseBlockKind: Sendable, Equatable {
    case paragraph
    case listItem
    case tableCell
    case heading(level: Int)
}

public struct ProseBlock: Sendable {
    public var kind: ProseBlockKind
    public var text: ProseText
    public var start: SourcePoint
}

public struct LinkOccurrence: Sendable {
    public var text: String
    public var destination: String
    public var start: SourcePoint
}

public struct ImageOccurrence: Sendable {
    public var alt: String
    public var title: String
    public var start: SourcePoint
}

public struct HTMLComment: Sendable {
    public var text: String
    public var start: SourcePoint
    public var endLine: Int
}

/// A Markdown page read for the charter: its prose blocks, links, images and comments, with file positions.
public struct PageDocument: Sendable {
    public var file: String
    public var language: String
    /// The lines of the whole file, front matter included.
    public var lines: [String] { sourceLines.strings }
    private(set) var sourceLines: SourceLines
    public var blocks: [ProseBlock] = []
    public var links: [LinkOccurrence] = []
    public var images: [ImageOccurrence] = []
    public var comments: [HTMLComment] = []

    /// Parses `body`, which starts at line `bodyFirstLine` of `fileText`.
    public init?(file: String, language: String, fileText: String, body: String, bodyFirstLine: Int) {
        self.init(file: file, language: language, fileText: fileText, parsed: ParsedMarkdown(body), bodyFirstLine: bodyFirstLine)
    }

    /// Reads the page's body parsed once for the build (`parsed`, which the HTML renderer then consumes);
    /// nil when it could not be parsed. The body starts at line `bodyFirstLine` of `fileText`.
    public init?(file: String, language: String, fileText: String, parsed: borrowing ParsedMarkdown, bodyFirstLine: Int) {
        self.file = file
        self.language = language
        sourceLines = SourceLines(fileText)
        let empty = self
        guard let page = parsed.withRoot({ root in
            var reader = TreeReader(page: empty, lineOffset: bodyFirstLine - 1)
            reader.readBlocks(root)
            return reader.page
        }) else { return nil }
        self = page
    }
}

/// Walks cmark-gfm's tree (through `MarkdownNode`), turning byte columns into character columns of the file's lines.
private struct TreeReader {
    var page: PageDocument
    let lineOffset: Int
    let columns: LineColumns
    var prefixes: ContainerPrefixes
    /// What to add to cmark's byte column on the lines of the block being read (see `ContainerPrefixes`), by body line.
    var shifts: [Int: Int] = [:]

    init(page: PageDocument, lineOffset: Int) {
        self.page = page
        self.lineOffset = lineOffset
        columns = LineColumns(page.sourceLines)
        prefixes = ContainerPrefixes(lines: page.sourceLines, lineOffset: lineOffset)
    }

    /// cmark's 1-based byte column of a node, corrected on the block's later lines.
    func byteColumn(_ node: MarkdownNode) -> Int {
        node.startColumn + (shifts.isEmpty ? 0 : shifts[node.startLine] ?? 0)
    }

    func point(_ node: MarkdownNode) -> SourcePoint {
        // Nodes made after parsing (autolinks) may have no position: use their first descendant's that has one.
        var node = node
        while node.startLine == 0, let child = node.firstChild { node = child }
        return point(line: node.startLine, byteColumn: byteColumn(node))
    }

    /// `byteColumn` is cmark's 1-based byte column in the body's line.
    func point(line bodyLine: Int, byteColumn: Int) -> SourcePoint {
        let line = bodyLine + lineOffset
        guard line >= 1, line <= page.sourceLines.count, byteColumn > 1 else { return SourcePoint(line: max(line, 1), column: 1) }
        return SourcePoint(line: line, column: columns.characterCount(line: line, prefixBytes: byteColumn - 1) + 1)
    }

    /// Reads the blocks of the tree in document order with cmark's iterator, not by recursion: a page of
    /// 50,000 nested `>` would exhaust the stack. `inItem` is kept on a stack of the open containers:
    /// a paragraph is a list item's when the nearest list or item around it is an item.
    mutating func readBlocks(_ root: MarkdownNode) {
        var walk = MarkdownWalk(from: root)
        var inItem: [Bool] = [false]
        while let (event, node) = walk.next() {
            guard node != root else { continue }
            if event == .exit {
                _ = inItem.popLast()
                continue
            }
            let kind = node.kind
            if kind == .htmlBlock { addComments(node.literal, at: point(node)) }
            if TreeReader.leaves.contains(kind) { continue }
            // A container: its exit comes later and pops what is pushed here.
            inItem.append(kind == .item ? true : (kind == .list ? false : inItem.last ?? false))
            var blockKind: ProseBlockKind?
            switch kind {
            case .paragraph: blockKind = inItem.last == true ? .listItem : .paragraph
            case .heading: blockKind = .heading(level: node.headingLevel)
            case .tableCell: blockKind = .tableCell
            default: break
            }
            if let blockKind {
                addBlock(node, kind: blockKind)
                // Its inlines are read: on past its end (skipping its children skips its exit too, so pop here).
                walk.skipChildren(of: node)
                _ = inItem.popLast()
            }
        }
    }

    /// The nodes that hold no other: the walk only enters them.
    static let leaves: [MarkdownNode.Kind] = [.htmlBlock, .codeBlock, .thematicBreak, .text, .code, .softBreak, .lineBreak, .htmlInline]

    /// Appends the characters of a literal to `scalars`, as `String(cString:)` decodes them.
    func appendScalars(of literal: UnsafeRawBufferPointer, to scalars: inout [Unicode.Scalar]) {
        if !UTF8Decoding.append(literal, to: &scalars) { scalars += String(decoding: literal, as: UTF8.self).unicodeScalars }
    }

    /// An HTML comment, with the line where it ends (counted in its text: cmark's end line of an HTML block is not exact).
    mutating func addComments(_ html: String, at start: SourcePoint) {
        let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("<!--") else { return }
        let endLine = start.line + trimmed.unicodeScalars.count { $0 == "\n" }
        page.comments.append(HTMLComment(text: trimmed, start: start, endLine: endLine))
    }

    mutating func addBlock(_ node: MarkdownNode, kind: ProseBlockKind) {
        var text = ProseText()
        // The text holds at most one character per byte of the block's source lines: one allocation, not a dozen.
        let capacity = page.sourceLines.byteCount(lines: node.startLine + lineOffset, node.endLine + lineOffset)
        text.scalars.reserveCapacity(capacity)
        text.points.reserveCapacity(capacity)
        shifts = prefixes.columnShifts(of: node)
        defer { shifts = [:] }
        readInlines(node, into: &text)
        page.blocks.append(ProseBlock(kind: kind, text: text, start: point(node)))
    }

    /// A link or image being read: its text goes to its own `ProseText` until its end.
    struct OpenInline {
        var node: MarkdownNode
        var text = ProseText()
        var start: SourcePoint
    }

    /// Reads the inlines of a block with cmark's iterator, not by recursion (50,000 nested emphasis).
    /// The texts of the links and images open around the current node are on a stack; the block's is at its bottom.
    mutating func readInlines(_ block: MarkdownNode, into blockText: inout ProseText) {
        var walk = MarkdownWalk(from: block)
        var open: [OpenInline] = [OpenInline(node: block, text: blockText, start: point(block))]
        blockText = ProseText()
        while let (event, current) = walk.next() {
            guard current != block else { continue }
            let kind = current.kind
            if event == .exit {
                if kind == .link || kind == .image {
                    let closed = open.removeLast()
                    close(closed, into: &open[open.count - 1].text)
                }
                continue
            }
            var start = point(current)
            // Autolinks from `https://` have no position at all: they follow the text before them (one space).
            if current.startLine == 0 && (current.firstChild.map { $0.startLine == 0 } ?? true),
               let last = open[open.count - 1].text.points.last {
                start = SourcePoint(line: last.line, column: last.column + 1)
            }
            switch kind {
            case .text:
                appendLiteral(current.literalBytes, from: current, at: start, into: &open[open.count - 1].text)
            case .code:
                open[open.count - 1].text.append(ProseText.placeholder, at: start)
            case .softBreak, .lineBreak:
                let last = open[open.count - 1].text.points.last
                open[open.count - 1].text.append(" ", at: last.map { SourcePoint(line: $0.line, column: $0.column + 1) } ?? start)
            case .htmlInline:
                addComments(current.literal, at: start)
            case .link:
                // cmark dates a link that spans lines from its last line: its text starts one column after the `[`.
                if let first = current.firstChild, first.startLine > 0 {
                    let textStart = point(first)
                    if textStart < start { start = SourcePoint(line: textStart.line, column: max(textStart.column - 1, 1)) }
                }
                open.append(OpenInline(node: current, start: start))
            case .image:
                open.append(OpenInline(node: current, start: start))
            case .footnoteReference:
                walk.skipChildren(of: current)
            default:
                break
            }
        }
        blockText = open[0].text
    }

    /// The end of a link or image: it is recorded, and its text (or a placeholder) goes to the text around it.
    mutating func close(_ inline: OpenInline, into text: inout ProseText) {
        let shown = inline.text.string
        if inline.node.kind == .image {
            page.images.append(ImageOccurrence(alt: shown, title: inline.node.title, start: inline.start))
            text.append(ProseText.placeholder, at: inline.start)
            return
        }
        let destination = inline.node.url
        page.links.append(LinkOccurrence(text: shown, destination: destination, start: inline.start))
        if ["", "http://", "mailto:"].contains(where: { $0 + shown == destination }) {
            text.append(ProseText.placeholder, at: inline.start)   // an autolink: a URL, not prose
        } else {
            text.scalars += inline.text.scalars
            text.points += inline.text.points
        }
    }

    /// A text node's characters, each at its column (text nodes never span lines: breaks are nodes). `start` is
    /// the node's position, or for a text node an extension made after parsing (the rest of a line after an
    /// e-mail autolink), which has none, the place after the text before it: the literal is looked for from there.
    func appendLiteral(_ literal: UnsafeRawBufferPointer, from node: MarkdownNode, at start: SourcePoint, into text: inout ProseText) {
        let first = text.scalars.count
        appendScalars(of: literal, to: &text.scalars)
        var column = start.column
        if !standsAtItsPosition(literal, node) {
            let scalars = Array(text.scalars[first...])
            // Escapes and entities make the literal differ from the source: then find it in the line, or count from the start.
            let sourceLine = start.line >= 1 && start.line <= page.sourceLines.count ? columns.scalars(line: start.line) : []
            if !sourceLine.isEmpty, !matches(scalars, in: sourceLine, at: column - 1),
               let found = firstIndex(of: scalars, in: sourceLine, from: max(column - 1, 0)) {
                column = found + 1
            }
        }
        for offset in 0..<text.scalars.count - first {
            text.points.append(SourcePoint(line: start.line, column: column + offset))
        }
    }

    /// Whether the literal's bytes are the source's at the node's own byte position (nearly always: no escape,
    /// no entity). Then its characters are the line's from the column `point(node)` gives, as `matches` would
    /// find, without decoding the line: that position starts a character and UTF-8 maps characters one to one.
    func standsAtItsPosition(_ literal: UnsafeRawBufferPointer, _ node: MarkdownNode) -> Bool {
        let line = node.startLine + lineOffset
        guard node.startLine > 0, line >= 1, line <= page.sourceLines.count else { return false }
        let bytes = page.sourceLines.line(line)
        let offset = max(byteColumn(node) - 1, 0)
        guard offset + literal.count <= bytes.count else { return false }
        let start = bytes.startIndex + offset
        guard start == bytes.endIndex || bytes[start] & 0xC0 != 0x80 else { return false }
        guard literal.count > 0, let literalBase = literal.baseAddress else { return true }
        return bytes.withUnsafeBytes { memcmp(literalBase, $0.baseAddress! + offset, literal.count) == 0 }
    }

    func matches(_ needle: [Unicode.Scalar], in line: [Unicode.Scalar], at index: Int) -> Bool {
        index >= 0 && index + needle.count <= line.count && line[index..<index + needle.count].elementsEqual(needle)
    }

    func firstIndex(of needle: [Unicode.Scalar], in line: [Unicode.Scalar], from start: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= line.count else { return nil }
        var index = start
        while index + needle.count <= line.count {
            if matches(needle, in: line, at: index) { return index }
            index += 1
        }
        return nil
    }
}

import Foundation
