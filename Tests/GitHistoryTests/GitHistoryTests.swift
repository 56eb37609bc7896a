import Foundation
import Testing
@testable import GitHistory

/// What `git log` over `Content/` tells of each file, read from a real repository.
@Suite struct GitHistoryTests {
    struct Repository {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cleiss-git-history-\(UUID().uuidString)")

        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        /// Runs git with both dates set, so the commit times read back are known.
        func git(_ arguments: [String], date: String = "2026-03-01T10:00:00+00:00") throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", root.path, "-c", "user.name=Test", "-c", "user.email=test@example.fr"] + arguments
            process.environment = ProcessInfo.processInfo.environment.merging(["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
        }

        func commit(_ message: String, date: String) throws {
            try git(["add", "."])
            try git(["commit", "-q", "-m", message], date: date)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func outsideAWorkTreeThereIsNoHistory() throws {
        let repository = Repository()
        defer { repository.remove() }
        try repository.write("Content/fr/page.md", "Texte.\n")
        #expect(GitHistory.read(root: repository.root) == nil)
        #expect(GitHistory.referenceLogFolder(root: repository.root) == nil)
    }

    @Test func firstDayLastCommitAndLastContentCommitPerFile() throws {
        let repository = Repository()
        defer { repository.remove() }
        try repository.write("Content/fr/page.md", "Un.\n")
        try repository.write("notes.txt", "Not content.\n")
        try repository.git(["init", "-q"])
        try repository.commit("First", date: "2026-03-01T10:00:00+00:00")
        try repository.write("Content/fr/page.md", "Deux.\n")
        try repository.write("Content/en/page.md", "Two.\n")
        try repository.commit("New rules", date: "2026-04-01T10:00:00+00:00")
        // A typo fix changes the file but not its content, as translations see it.
        try repository.write("Content/fr/page.md", "Deux !\n")
        try repository.commit("Typo \(GitHistory.minorMarker)", date: "2026-05-01T10:00:00+00:00")

        let history = try #require(GitHistory.read(root: repository.root))
        let april = 1_775_037_600, may = 1_777_629_600
        #expect(history.firstCommitDay == ["Content/fr/page.md": "2026-03-01", "Content/en/page.md": "2026-04-01"])
        #expect(history.lastCommit == ["Content/fr/page.md": may, "Content/en/page.md": april])
        #expect(history.lastContentCommit == ["Content/fr/page.md": april, "Content/en/page.md": april])
        let logs = try #require(GitHistory.referenceLogFolder(root: repository.root))
        #expect(FileManager.default.fileExists(atPath: logs.appendingPathComponent("HEAD").path))
    }
}
