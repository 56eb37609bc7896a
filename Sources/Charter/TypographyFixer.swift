import Foundation
import Support

/// Applies the mechanical fixes of `--fix` to a file, in place, and changes nothing else:
/// line endings, a byte-order mark and the no-break spaces already there stay as they are.
public enum TypographyFixer {
    public enum Outcome: Sendable, Equatable {
        case fixed(Int)
        case unchanged
        /// The file was left intact, for this reason.
        case refused(String)
    }

    /// `fixes` are positions in the file's lines as the checker saw them (line endings and BOM removed).
    /// A symbolic link stays a link: the file it points to is fixed when it is inside `root` (the site), else the fixes are refused.
    public static func apply(_ fixes: [TextFix], to url: URL, within root: URL? = nil) -> Outcome {
        guard !fixes.isEmpty else { return .unchanged }
        let manager = FileManager.default
        var url = url
        if (try? manager.destinationOfSymbolicLink(atPath: url.path)) != nil {
            guard let root, let target = SourceTree.realPath(url.path), SourceTree(root: root).contains(target) else {
                return .refused("the file is a symbolic link to a file outside the site; fix that file yourself, or copy it into the site")
            }
            url = URL(fileURLWithPath: target)
        }
        // Decoded strictly and by hand: Foundation's decoding would drop a byte-order mark.
        guard let original = manager.contents(atPath: url.path), var text = String(validating: original, as: UTF8.self) else {
            return .refused("the file cannot be read as UTF-8")
        }
        // The owner's write bit too, not only access(2): root may write anything, yet a file marked read-only stays so.
        let permissions = ((try? manager.attributesOfItem(atPath: url.path))?[.posixPermissions] as? NSNumber)?.intValue ?? 0o644
        guard manager.isWritableFile(atPath: url.path), permissions & 0o200 != 0 else { return .refused("the file is read-only") }
        let bom = text.hasPrefix("\u{FEFF}")
        if bom { text.removeFirst() }
        // Keep each line's own ending. Split on scalars: for String, "\r\n" is one character, not a "\n".
        var lines: [(body: [Unicode.Scalar], ending: String)] = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? (Array(line.dropLast()), "\r\n") : (Array(line), "\n")
        }
        if let last = lines.indices.last { lines[last].ending = "" }
        var applied = 0
        let byLine = Dictionary(grouping: fixes, by: \.line)
        for (lineNumber, lineFixes) in byLine {
            guard lineNumber >= 1, lineNumber <= lines.count else { continue }
            var body = lines[lineNumber - 1].body
            // Right to left, so that a fix does not move the columns of the next one.
            for fix in lineFixes.sorted(by: { $0.column > $1.column }) {
                let start = fix.column - 1
                let expected = Array(fix.original.unicodeScalars)
                guard start >= 0, start + expected.count <= body.count, Array(body[start..<start + expected.count]) == expected else { continue }
                body.replaceSubrange(start..<start + expected.count, with: Array(fix.replacement.unicodeScalars))
                applied += 1
            }
            lines[lineNumber - 1].body = body
        }
        guard applied > 0 else { return .unchanged }
        let result = (bom ? "\u{FEFF}" : "") + lines.map { String(String.UnicodeScalarView($0.body)) + $0.ending }.joined()
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).charter-fix-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try Data(result.utf8).write(to: temporary)
            // Someone saved the file while we worked: keep their version.
            guard manager.contents(atPath: url.path) == original else {
                try? manager.removeItem(at: temporary)
                return .refused("the file changed during the run; run the command again")
            }
            try? manager.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            guard rename(temporary.path, url.path) == 0 else {
                try? manager.removeItem(at: temporary)
                return .refused("cannot replace the file (error \(errno))")
            }
            return .fixed(applied)
        } catch {
            try? manager.removeItem(at: temporary)
            return .refused("cannot write the file: \(error.localizedDescription)")
        }
    }
}
