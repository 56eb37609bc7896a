import Foundation
import Support

/// Applies the mechanical fixes of `--fix` to a file, in place, and changes nothing else:
/// line endings, a byte-order mark and the no-break spaces already there stay as they are.
public enum TypographyFixer {
    public enum Outcome: Sendable, Equatable {
        /// How many fixes were applied, and those that could not be.
        case fixed(Int, notApplied: [NotApplied])
        /// None could be applied (or there were none): those that could not, each with why.
        case unchanged(notApplied: [NotApplied])
        /// The file was left intact, for this reason.
        case refused(String)
    }

    /// A fix that was not applied, and why: `--fix` says so for each, it does not skip it in silence.
    public struct NotApplied: Sendable, Equatable {
        public var fix: TextFix
        public var reason: String
    }

    /// `fixes` are positions in the file's lines as the checker saw them (line endings and BOM removed).
    /// A symbolic link stays a link: the file it points to is fixed when it is inside `root` (the site), else the fixes are refused.
    public static func apply(_ fixes: [TextFix], to url: URL, within root: URL? = nil) -> Outcome {
        guard !fixes.isEmpty else { return .unchanged(notApplied: []) }
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
        var notApplied: [NotApplied] = []
        let byLine = Dictionary(grouping: fixes, by: \.line)
        for (lineNumber, lineFixes) in byLine {
            guard lineNumber >= 1, lineNumber <= lines.count else {
                notApplied += lineFixes.map { NotApplied(fix: $0, reason: "the file has no line \($0.line)") }
                continue
            }
            var body = lines[lineNumber - 1].body
            // Right to left, so that a fix does not move the columns of the next one.
            for fix in lineFixes.sorted(by: { $0.column > $1.column }) {
                let start = fix.column - 1
                let expected = Array(fix.original.unicodeScalars)
                guard start >= 0, start + expected.count <= body.count, Array(body[start..<start + expected.count]) == expected else {
                    // An escape (`\!`), an entity (`&#58;`) or another fix in the same place: the text is not written as it reads.
                    notApplied.append(NotApplied(fix: fix, reason: "the file does not have “\(fix.original)” there as the text reads it (an escape, an entity or another fix in the same place); fix it by hand"))
                    continue
                }
                body.replaceSubrange(start..<start + expected.count, with: Array(fix.replacement.unicodeScalars))
                applied += 1
            }
            lines[lineNumber - 1].body = body
        }
        notApplied.sort { ($0.fix.line, $0.fix.column) < ($1.fix.line, $1.fix.column) }
        guard applied > 0 else { return .unchanged(notApplied: notApplied) }
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
            return .fixed(applied, notApplied: notApplied)
        } catch {
            try? manager.removeItem(at: temporary)
            return .refused("cannot write the file: \(error.localizedDescription)")
        }
    }
}
