import Foundation

/// What git knows of the content files: when each was first committed, and when it last changed.
///
/// Read in one `git log` over `Content/` and `Data/` (the data of generated pages), not one process per file. A commit whose message holds
/// `[minor]` (a typo fix) does not count as a content change, so it does not make translations outdated.
public struct GitHistory: Sendable {
    /// Path relative to the site root → day of the first commit that added it (`2026-03-12`).
    public var firstCommitDay: [String: String] = [:]
    /// Path → time of its last commit (any commit).
    public var lastCommit: [String: Int] = [:]
    /// Path → time of its last commit not marked `[minor]`.
    public var lastContentCommit: [String: Int] = [:]

    public static let minorMarker = "[minor]"

    /// Nil when the site is not in a git work tree (or git is missing).
    public static func read(root: URL) -> GitHistory? {
        guard run(["rev-parse", "--is-inside-work-tree"], in: root)?.hasPrefix("true") == true,
              let log = run(["log", "--relative", "--no-renames", "--format=%x01%ct%x02%as%x02%s", "--name-only", "--", "Content", "Data"], in: root) else {
            return nil
        }
        var history = GitHistory()
        // Newest first: the first time a path is seen is its last commit; the last time, its first.
        for commit in log.split(separator: "\u{01}") {
            let lines = commit.split(separator: "\n", omittingEmptySubsequences: true)
            guard let header = lines.first else { continue }
            let fields = header.split(separator: "\u{02}", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let time = Int(fields[0]) else { continue }
            let day = String(fields[1]), minor = fields[2].contains(minorMarker)
            for path in lines.dropFirst().map(String.init) {
                if history.lastCommit[path] == nil { history.lastCommit[path] = time }
                if !minor && history.lastContentCommit[path] == nil { history.lastContentCommit[path] = time }
                history.firstCommitDay[path] = day
            }
        }
        return history
    }

    /// The folder of git's reference logs (`.git/logs`), whose `HEAD` file grows with every commit,
    /// checkout, reset, merge or pull; nil outside a git work tree. The live preview watches it.
    public static func referenceLogFolder(root: URL) -> URL? {
        guard let gitFolder = run(["rev-parse", "--absolute-git-dir"], in: root)?.trimmingCharacters(in: .whitespacesAndNewlines),
              gitFolder.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: gitFolder).appendingPathComponent("logs")
    }

    static func run(_ arguments: [String], in folder: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
