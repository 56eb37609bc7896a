import Diagnostics
import Foundation
import Testing
@testable import Output
import Support

@Suite struct OutputFolderTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cleiss-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func commitSwapsTheNewOutputIn() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let destination = parent.appendingPathComponent("Site")
        let first = try OutputFolder(destination: destination, protected: [])
        try first.begin()
        _ = try first.commit([try first.write(Data("one".utf8), to: "fr/index.html")])
        let second = try OutputFolder(destination: destination, protected: [])
        try second.begin()
        _ = try second.commit([try second.write(Data("two".utf8), to: "en/index.html")])
        #expect(FileManager.default.fileExists(atPath: destination.appendingPathComponent("en/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: destination.appendingPathComponent("fr/index.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Site"])
    }

    @Test func abortLeavesThePreviousOutput() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let destination = parent.appendingPathComponent("Site")
        let first = try OutputFolder(destination: destination, protected: [])
        try first.begin()
        _ = try first.commit([try first.write(Data("one".utf8), to: "index.html")])
        let second = try OutputFolder(destination: destination, protected: [])
        try second.begin()
        try second.write(Data("two".utf8), to: "index.html")
        second.abort()
        #expect(FileManager.default.contents(atPath: destination.appendingPathComponent("index.html").path) == Data("one".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Site"])
    }

    @Test func refusesPathsThatLeaveTheFolder() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = try OutputFolder(destination: parent.appendingPathComponent("Site"), protected: [])
        try output.begin()
        for path in ["../escape.html", "/etc/passwd", "fr/../../x", "fr//x", ""] {
            #expect(throws: DiagnosticsError.self) { try output.write(Data(), to: path) }
        }
        output.abort()
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
    }

    @Test func refusesFoldersItDidNotMakeAndTheSources() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let documents = parent.appendingPathComponent("Documents")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: documents.appendingPathComponent("letter.txt"))
        #expect(throws: DiagnosticsError.self) { try OutputFolder(destination: documents, protected: []) }
        #expect(throws: DiagnosticsError.self) { try OutputFolder(destination: parent, protected: [parent.appendingPathComponent("Content")]) }
        #expect(throws: DiagnosticsError.self) { try OutputFolder(destination: URL(fileURLWithPath: "/"), protected: []) }
        // A folder holding only a README (Site/ in the repository) is accepted.
        let site = parent.appendingPathComponent("Site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("readme".utf8).write(to: site.appendingPathComponent("README.md"))
        _ = try OutputFolder(destination: site, protected: [])
    }
}

extension OutputFolderTests {
    @Test func removesStagingFoldersThatAnInterruptedBuildLeftBehind() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let leftover = parent.appendingPathComponent(".Site.building-99999")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        try Data().write(to: leftover.appendingPathComponent(OutputFolder.markerName))
        let unrelated = parent.appendingPathComponent(".Site.building-notes")
        try FileManager.default.createDirectory(at: unrelated, withIntermediateDirectories: true)
        let output = try OutputFolder(destination: parent.appendingPathComponent("Site"), protected: [])
        try output.begin()
        _ = try output.commit([])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == [".Site.building-notes", "Site"])
    }
}

extension OutputFolderTests {
    struct FileState: Equatable {
        var inode: UInt64
        var modified: Date
        var bytes: Data
    }

    func state(_ url: URL) throws -> FileState {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return FileState(inode: (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0,
                         modified: attributes[.modificationDate] as? Date ?? .distantPast,
                         bytes: FileManager.default.contents(atPath: url.path) ?? Data())
    }

    /// Builds `files` into `destination` as one build would, returning what commit reports.
    func build(_ files: [String: String], into destination: URL) throws -> OutputFolder.Changes {
        let output = try OutputFolder(destination: destination, protected: [])
        try output.begin()
        let outcomes = try files.keys.sorted().map { try output.write(Data(files[$0]!.utf8), to: $0) }
        return try output.commit(outcomes)
    }

    @Test func aRebuildWritesOnlyTheFilesWhoseBytesChange() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        let first = ["fr/index.html": "accueil", "fr/a/index.html": "a", "en/index.html": "home", "old/gone/index.html": "x"]
        #expect(try build(first, into: site) == OutputFolder.Changes(written: 4, unchanged: 0, removed: 0))
        try Data("readme".utf8).write(to: site.appendingPathComponent("README.md"))
        let before = try first.keys.map { try state(site.appendingPathComponent($0)) }
        // The same files again: nothing is written, not even touched.
        #expect(try build(first, into: site) == OutputFolder.Changes(written: 0, unchanged: 4, removed: 0))
        #expect(try first.keys.map { try state(site.appendingPathComponent($0)) } == before)
        // One changed, one new, one no longer produced.
        var second = first
        second["fr/a/index.html"] = "a, changed"
        second["en/b/index.html"] = "b"
        second["old/gone/index.html"] = nil
        #expect(try build(second, into: site) == OutputFolder.Changes(written: 2, unchanged: 2, removed: 1))
        #expect(try state(site.appendingPathComponent("fr/index.html")) == before[Array(first.keys).firstIndex(of: "fr/index.html")!])
        #expect(FileManager.default.contents(atPath: site.appendingPathComponent("fr/a/index.html").path) == Data("a, changed".utf8))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("old").path), "emptied folders go too")
        #expect(FileManager.default.contents(atPath: site.appendingPathComponent("README.md").path) == Data("readme".utf8))
        #expect(FileListing.files(in: site) == ["README.md", "en/b/index.html", "en/index.html", "fr/a/index.html", "fr/index.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Site"], "no staging folder for an update")
    }

    @Test func aFailedUpdateLeavesTheOutputAsItWas() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        _ = try build(["index.html": "one", "fr/index.html": "un"], into: site)
        let output = try OutputFolder(destination: site, protected: [])
        #expect(output.updatesInPlace)
        try output.begin()
        try output.write(Data("two".utf8), to: "index.html")
        try output.write(Data("nouveau".utf8), to: "fr/nouveau/index.html")
        output.abort()
        #expect(FileListing.files(in: site) == ["fr/index.html", "index.html"])
        #expect(FileManager.default.contents(atPath: site.appendingPathComponent("index.html").path) == Data("one".utf8))
    }

    @Test func anInterruptedUpdateLeavesNothingBehindForTheNextBuild() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        _ = try build(["index.html": "one"], into: site)
        try Data("half".utf8).write(to: site.appendingPathComponent("index.html.cleiss-site-pending-4242"))
        #expect(try build(["index.html": "one"], into: site) == OutputFolder.Changes(written: 0, unchanged: 1, removed: 0))
        #expect(FileListing.files(in: site) == ["index.html"])
    }
}

extension OutputFolderTests {
    @Test func emptyFoldersGoButLinksAreNeverFollowed() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        let outside = parent.appendingPathComponent("Outside/empty")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: site.appendingPathComponent("fr/gone/deeper"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: site.appendingPathComponent("fr/index.html"))
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("link"), withDestinationURL: parent.appendingPathComponent("Outside"))
        FileListing.removeEmptyFolders(in: site)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("fr/gone").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("fr/index.html").path))
        #expect(FileManager.default.fileExists(atPath: outside.path), "an empty folder reached through a link stays")
    }
}
