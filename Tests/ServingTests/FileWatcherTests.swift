import Foundation
import Testing
@testable import Serving

@Suite(.timeLimit(.minutes(1))) struct FileWatcherTests {
    /// A site root with Content/fr/page.md and site.yml, watched like serve watches it.
    struct WatchedSite {
        let root: URL
        let watcher: FileWatcher

        init(signals: [FileWatcher.Signal] = []) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("cleiss-watch-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/fr"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: root.appendingPathComponent("Themes/default"), withIntermediateDirectories: true)
            try Data("---\ntitle: x\n---\n".utf8).write(to: root.appendingPathComponent("Content/fr/page.md"))
            try Data("title: x\n".utf8).write(to: root.appendingPathComponent("site.yml"))
            watcher = try FileWatcher(root: root, folders: LivePreview.watchedFolders, files: LivePreview.watchedFiles, signals: signals,
                                      debounce: .milliseconds(50))
        }

        func url(_ path: String) -> URL { root.appendingPathComponent(path) }

        func remove() {
            watcher.stop()
            try? FileManager.default.removeItem(at: root)
        }

        /// The changed paths gathered until `expected` are all seen, or 30 s have passed.
        func changes(until expected: Set<String>) async -> Set<String> {
            let seen = Seen()
            let watcher = self.watcher
            let reader = Task {
                while let batch = await watcher.nextChanges() {
                    if await seen.add(batch).isSuperset(of: expected) { return }
                }
            }
            // Generous: the whole test suite runs in parallel on two cores, and this returns as soon as all are seen.
            let deadline = ContinuousClock.now + .seconds(30)
            while ContinuousClock.now < deadline, await !seen.paths.isSuperset(of: expected) {
                try? await Task.sleep(for: .milliseconds(10))
            }
            reader.cancel()
            watcher.stop()  // ends the reader's wait
            return await seen.paths
        }
    }

    actor Seen {
        var paths: Set<String> = []
        func add(_ batch: [String]) -> Set<String> {
            paths.formUnion(batch)
            return paths
        }
    }

    @Test func writingRenamingAndDeletingAreSeen() async throws {
        let site = try WatchedSite()
        defer { site.remove() }
        try Data("---\ntitle: y\n---\n".utf8).write(to: site.url("Content/fr/page.md"))
        try FileManager.default.moveItem(at: site.url("Content/fr/page.md"), to: site.url("Content/fr/renamed.md"))
        try Data("new".utf8).write(to: site.url("Themes/default/new.css"))
        try FileManager.default.removeItem(at: site.url("Themes/default/new.css"))
        try Data("title: y\n".utf8).write(to: site.url("site.yml"))
        let expected: Set = ["Content/fr/page.md", "Content/fr/renamed.md", "Themes/default/new.css", "site.yml"]
        #expect(await site.changes(until: expected) == expected)
    }

    @Test func newFoldersAreWatchedToo() async throws {
        let site = try WatchedSite()
        defer { site.remove() }
        // A folder created with its contents at once (moved in), then a file written into a new subfolder later.
        let outside = site.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("deep"), withIntermediateDirectories: true)
        try Data("a".utf8).write(to: outside.appendingPathComponent("deep/a.md"))
        try FileManager.default.moveItem(at: outside, to: site.url("Content/fr/moved"))
        // b.md is seen either as an event of the new folder's watch, or listed when that watch is added after it.
        try FileManager.default.createDirectory(at: site.url("Content/en/section"), withIntermediateDirectories: true)
        try Data("b".utf8).write(to: site.url("Content/en/section/b.md"))
        let expected: Set = ["Content/fr/moved", "Content/fr/moved/deep/a.md", "Content/en", "Content/en/section/b.md"]
        #expect(await site.changes(until: expected).isSuperset(of: expected))
    }

    @Test func editorFilesAndOtherRootFilesAreIgnored() async throws {
        let site = try WatchedSite()
        defer { site.remove() }
        for name in ["Content/fr/.page.md.swp", "Content/fr/page.md~", "Content/fr/.#page.md", "Content/fr/4913", "notes.txt"] {
            try Data("x".utf8).write(to: site.url(name))
        }
        try FileManager.default.createDirectory(at: site.url("Site"), withIntermediateDirectories: true)
        try Data("last".utf8).write(to: site.url("Content/fr/page.md"))
        // The page is the last write: once it is seen, whatever else was reported came before it.
        #expect(await site.changes(until: ["Content/fr/page.md"]) == ["Content/fr/page.md"])
    }

    @Test func aSignalFolderOutsideTheSourcesReportsItsFilesUnderItsName() async throws {
        let logs = FileManager.default.temporaryDirectory.appendingPathComponent("cleiss-watch-logs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: logs) }
        let site = try WatchedSite(signals: [FileWatcher.Signal(folder: logs.path, names: ["HEAD"], reportedAs: LivePreview.gitHistoryChange)])
        defer { site.remove() }
        // Another file of the folder is not the signal; HEAD, written last, is.
        try Data("x".utf8).write(to: logs.appendingPathComponent("ORIG_HEAD"))
        try Data("0000 1111 commit: x\n".utf8).write(to: logs.appendingPathComponent("HEAD"))
        #expect(await site.changes(until: [LivePreview.gitHistoryChange]) == [LivePreview.gitHistoryChange])
    }

    @Test func aBurstOfWritesToOneFileIsOnePath() async throws {
        let site = try WatchedSite()
        defer { site.remove() }
        for index in 0..<20 { try Data("\(index)".utf8).write(to: site.url("Content/fr/page.md")) }
        let watcher = site.watcher
        let timeout = Task {
            try await Task.sleep(for: .seconds(30))
            watcher.stop()
        }
        let batch = await watcher.nextChanges()
        timeout.cancel()
        #expect(batch == ["Content/fr/page.md"])
    }

    @Test func aBatchIsDueWhenEventsPauseOrAfterTheLongestDelay() {
        let start = ContinuousClock.now
        var batch = PendingBatch(debounce: .milliseconds(50))
        #expect(batch.pollTimeout(at: start) == -1)
        batch.add(["Content/fr/a.md"], at: start)
        batch.add(["Content/fr/a.md", "site.yml"], at: start + .milliseconds(30))
        #expect(batch.pollTimeout(at: start + .milliseconds(30)) == 50)
        #expect(batch.take(at: start + .milliseconds(79)) == nil)
        #expect(batch.take(at: start + .milliseconds(80)) == ["Content/fr/a.md", "site.yml"])
        #expect(batch.take(at: start + .milliseconds(200)) == nil)

        // Events every 10 ms never pause for 50 ms: the batch is due 500 ms after its first event.
        var stream = PendingBatch(debounce: .milliseconds(50))
        var delivered: Duration?
        for tick in 0..<100 {
            let now = start + .milliseconds(10 * tick)
            stream.add(["Content/fr/\(tick).md"], at: now)
            if let paths = stream.take(at: now) {
                delivered = .milliseconds(10 * tick)
                #expect(paths.count == 51)
                break
            }
        }
        #expect(delivered == .milliseconds(500))
    }

    @Test func editorSaveFileNames() {
        #expect(FileWatcher.isEditorTemporaryFile(".page.md.swp"))
        #expect(FileWatcher.isEditorTemporaryFile("page.md~"))
        #expect(FileWatcher.isEditorTemporaryFile(".#page.md"))
        #expect(FileWatcher.isEditorTemporaryFile("4913"))
        #expect(!FileWatcher.isEditorTemporaryFile("page.md"))
    }
}

/// The watches are laid without following links: a loop (`up -> ..`) is not walked 40 levels deep,
/// and a folder outside the site is not watched.
@Suite struct WatchTableLinkTests {
    @Test func linksAreListedAsFilesNotWalked() throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("cleiss-watch-links-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: root) }
        try manager.createDirectory(at: root.appendingPathComponent("Content/fr/guide"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("Content/fr/guide/page.md"))
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("Content/fr/guide/up").path, withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("Content/fr/etc").path, withDestinationPath: "/etc")
        let inotify = inotify_init1(Int32(IN_CLOEXEC))
        #expect(inotify >= 0)
        defer { close(inotify) }
        var table = WatchTable(inotify: inotify, root: root.path, folders: ["Content"], files: [])
        let found = try table.watchTree("Content")
        #expect(found == ["Content/fr/etc", "Content/fr/guide/page.md", "Content/fr/guide/up"])
        #expect(Set(table.paths.values) == ["Content", "Content/fr", "Content/fr/guide"])
    }
}
