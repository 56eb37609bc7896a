import Diagnostics
import Foundation
import Testing
@testable import Output

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
        try first.write(Data("one".utf8), to: "fr/index.html")
        try first.commit()
        let second = try OutputFolder(destination: destination, protected: [])
        try second.begin()
        try second.write(Data("two".utf8), to: "en/index.html")
        try second.commit()
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
        try first.write(Data("one".utf8), to: "index.html")
        try first.commit()
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
        try output.commit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == [".Site.building-notes", "Site"])
    }
}
