import Diagnostics
import Foundation
import Testing
@testable import Output
import Support
#if canImport(Glibc)
import Glibc
#endif

/// What a person (or another program) may put in an output: links, their own files, a second
/// build. Nothing outside the output is ever touched, and nothing of theirs is removed.
@Suite struct OutputSafetyTests {
    let manager = FileManager.default

    func temporaryFolder() throws -> URL {
        let url = manager.temporaryDirectory.appendingPathComponent("cleiss-output-\(UUID().uuidString)")
        try manager.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func build(_ files: [String: String], into destination: URL) throws -> OutputFolder.Changes {
        let output = try OutputFolder(destination: destination, protected: [])
        try output.begin()
        do {
            let outcomes = try files.keys.sorted().map { try output.write(Data(files[$0]!.utf8), to: $0) }
            return try output.commit(outcomes)
        } catch {
            output.abort()
            throw error
        }
    }

    @Test func aRebuildNeverRemovesWhatALinkInTheOutputPointsTo() throws {
        let parent = try temporaryFolder()
        defer { try? manager.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        _ = try build(["index.html": "home", "uploads/old.pdf": "old"], into: site)
        let data = parent.appendingPathComponent("data")
        try manager.createDirectory(at: data, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: data.appendingPathComponent("report.pdf"))
        try manager.removeItem(at: site.appendingPathComponent("uploads"))
        try manager.createSymbolicLink(at: site.appendingPathComponent("uploads"), withDestinationURL: data)
        let changes = try build(["index.html": "home"], into: site)
        #expect(changes.foreign == ["uploads"])
        #expect(manager.contents(atPath: data.appendingPathComponent("report.pdf").path) == Data("precious".utf8))
        #expect((try? manager.destinationOfSymbolicLink(atPath: site.appendingPathComponent("uploads").path)) == data.path)
    }

    @Test func aFileUnderALinkedFolderIsNeitherComparedNorWrittenThroughIt() throws {
        let parent = try temporaryFolder()
        defer { try? manager.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        _ = try build(["index.html": "home", "fr/index.html": "accueil"], into: site)
        let elsewhere = parent.appendingPathComponent("elsewhere")
        try manager.moveItem(at: site.appendingPathComponent("fr"), to: elsewhere)
        try manager.createSymbolicLink(at: site.appendingPathComponent("fr"), withDestinationURL: elsewhere)
        // The same bytes behind the link are not taken for the output's: the file is written, and refused at the commit.
        let error = #expect(throws: DiagnosticsError.self) { try build(["index.html": "home", "fr/index.html": "accueil"], into: site) }
        #expect(error?.diagnostics.first?.location.file == site.appendingPathComponent("fr").path)
        #expect(manager.contents(atPath: elsewhere.appendingPathComponent("index.html").path) == Data("accueil".utf8))
        #expect(try manager.contentsOfDirectory(atPath: elsewhere.path) == ["index.html"])
        #expect(try manager.contentsOfDirectory(atPath: parent.path).sorted() == ["Site", "elsewhere"])
    }

    @Test func filesThatNoBuildWroteAreReportedAndKept() throws {
        let parent = try temporaryFolder()
        defer { try? manager.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        _ = try build(["index.html": "home", "a/index.html": "a"], into: site)
        try Data("mine".utf8).write(to: site.appendingPathComponent("google123.html"))
        let changes = try build(["index.html": "home"], into: site)
        #expect(changes == OutputFolder.Changes(written: 0, unchanged: 1, removed: 1, foreign: ["google123.html"]))
        #expect(manager.contents(atPath: site.appendingPathComponent("google123.html").path) == Data("mine".utf8))
        #expect(!manager.fileExists(atPath: site.appendingPathComponent("a").path))
        let output = try OutputFolder(destination: site, protected: [])
        #expect(output.foreignFilesWarning(changes)?.message == "not written by cleiss-site, left in place: google123.html")
    }

    @Test func theManifestListsTheBuildsFilesSortedAndIsRewrittenOnlyWhenTheyChange() throws {
        let parent = try temporaryFolder()
        defer { try? manager.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        let marker = site.appendingPathComponent(OutputFolder.markerName)
        _ = try build(["b.html": "b", "a/index.html": "a"], into: site)
        #expect(OutputManifest.read(in: site) == ["a/index.html", "b.html"])
        let first = try manager.attributesOfItem(atPath: marker.path)[.systemFileNumber] as? NSNumber
        _ = try build(["b.html": "b", "a/index.html": "a"], into: site)
        #expect(try manager.attributesOfItem(atPath: marker.path)[.systemFileNumber] as? NSNumber == first, "an unchanged rebuild writes nothing")
        _ = try build(["b.html": "b", "c\nd.html": "c"], into: site)
        #expect(OutputManifest.read(in: site) == ["b.html", "c\nd.html"])
    }

    @Test func pendingFilesWaitOutsideTheOutputAndAKilledBuildsAreRemoved() throws {
        let parent = try temporaryFolder()
        defer { try? manager.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        _ = try build(["index.html": "one"], into: site)
        // What a build killed during its update leaves: a pending folder beside the output.
        let leftover = parent.appendingPathComponent(".Site.pending-99999")
        try manager.createDirectory(at: leftover, withIntermediateDirectories: true)
        try Data().write(to: leftover.appendingPathComponent(OutputFolder.markerName))
        // Killed between making its folder and writing the marker: no marker, a process that no longer runs.
        let unmarked = parent.appendingPathComponent(".Site.pending-2147483646")
        try manager.createDirectory(at: unmarked.appendingPathComponent("fr"), withIntermediateDirectories: true)
        let output = try OutputFolder(destination: site, protected: [])
        try output.begin()
        #expect(!manager.fileExists(atPath: leftover.path))
        #expect(!manager.fileExists(atPath: unmarked.path))
        let outcome = try output.write(Data("two".utf8), to: "fr/new/index.html")
        #expect(FileListing.files(in: site) == ["index.html"], "nothing servable in the output before the commit")
        #expect(output.currentLocation(of: outcome).path.hasPrefix(parent.appendingPathComponent(".Site.pending-").path))
        _ = try output.commit([outcome, .unchanged(path: "index.html")])
        #expect(FileListing.files(in: site) == ["fr/new/index.html", "index.html"])
        #expect(try manager.contentsOfDirectory(atPath: parent.path).sorted() == ["Site"])
    }

    @Test func aSecondProcessCannotTakeTheLockAndItIsGoneWhenReleased() throws {
        let parent = try temporaryFolder()
        defer { try? manager.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        var output: OutputFolder? = try OutputFolder(destination: site, protected: [])
        let path = try #require(output?.lock.path)
        // Within this process the lock is shared (a preview's rebuilds); another open file description stands for another process.
        let shared = try OutputFolder(destination: site, protected: [])
        let other = open(path, O_RDWR | O_CLOEXEC)
        defer { close(other) }
        #expect(flock(other, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK)
        #expect(String(decoding: manager.contents(atPath: path) ?? Data(), as: UTF8.self) == "\(getpid())\n")
        output = nil
        #expect(flock(other, LOCK_EX | LOCK_NB) != 0, "still held by the second holder")
        _ = shared
        withExtendedLifetime(shared) {}
    }

    @Test func theLockIsReleasedWithTheLastHolder() throws {
        let parent = try temporaryFolder()
        defer { try? manager.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        let path: String
        do {
            let output = try OutputFolder(destination: site, protected: [])
            path = output.lock.path
            #expect(manager.fileExists(atPath: path))
        }
        #expect(!manager.fileExists(atPath: path))
        let other = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        defer { close(other); unlink(path) }
        #expect(flock(other, LOCK_EX | LOCK_NB) == 0)
    }
}
