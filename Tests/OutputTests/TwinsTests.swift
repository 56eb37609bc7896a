import Foundation
import Testing
@testable import Output
import Precompression
import Support

@Suite struct TwinsTests {
    /// A page that compresses, of some size: the repeated markup of a real page.
    static let page = String(repeating: "<li><a href=\"/fr/travailler-a-l-etranger/\">Travailler à l'étranger</a></li>\n", count: 200)

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cleiss-twins-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Builds `files` into `site` as one build would, with twins when `compress`.
    @discardableResult
    func build(_ files: [String: String], into site: URL, compress: Bool = true) throws -> OutputFolder.Changes {
        let output = try OutputFolder(destination: site, protected: [])
        try output.begin()
        var outcomes = try files.keys.sorted().map { try output.write(Data(files[$0]!.utf8), to: $0) }
        if compress { outcomes += try output.writeTwins(of: outcomes) }
        return try output.commit(outcomes)
    }

    func contents(_ site: URL, _ path: String) -> Data? {
        FileManager.default.contents(atPath: site.appendingPathComponent(path).path)
    }

    @Test func bothTwinsDecompressToTheFile() throws {
        let data = Data(Self.page.utf8)
        let gzip = try #require(ContentEncoding.gzip.compress(data))
        let brotli = try #require(ContentEncoding.brotli.compress(data))
        #expect(Decompression.gunzip(gzip) == data)
        #expect(Decompression.unbrotli(brotli, expectedSize: data.count) == data)
        #expect(gzip.count < data.count / 10 && brotli.count < data.count / 10)
        #expect(brotli.count < gzip.count, "quality 11 beats gzip -9 on text")
        // gzip -9 -n: no name flag, modification time 0, "maximum compression" flag, Unix.
        #expect(Array(gzip.prefix(10)) == [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 2, 3])
        let empty = try #require(ContentEncoding.gzip.compress(Data()))
        #expect(Decompression.gunzip(empty) == Data())
    }

    @Test func aCorruptTwinIsNotReadBack() throws {
        // The decoders above must be able to fail, or the test before proves nothing.
        var gzip = try #require(ContentEncoding.gzip.compress(Data(Self.page.utf8)))
        gzip[gzip.count / 2] ^= 0xFF
        #expect(Decompression.gunzip(gzip) != Data(Self.page.utf8))
        var brotli = try #require(ContentEncoding.brotli.compress(Data(Self.page.utf8)))
        brotli[brotli.count / 2] ^= 0xFF
        #expect(Decompression.unbrotli(brotli, expectedSize: Self.page.utf8.count) != Data(Self.page.utf8))
    }

    @Test func textFilesGetTwinsThatShrink() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        let files = ["fr/index.html": Self.page, "assets/cleiss.css": Self.page, "assets/logo.png": Self.page, "robots.txt": "x", "sitemap.XML": Self.page]
        try build(files, into: site)
        #expect(FileListing.files(in: site) == [
            "assets/cleiss.css", "assets/cleiss.css.br", "assets/cleiss.css.gz", "assets/logo.png",
            "fr/index.html", "fr/index.html.br", "fr/index.html.gz", "robots.txt",
            "sitemap.XML", "sitemap.XML.br", "sitemap.XML.gz",
        ], "no twin for a PNG, nor for a file that would not shrink")
        let page = try #require(contents(site, "fr/index.html"))
        #expect(Decompression.gunzip(try #require(contents(site, "fr/index.html.gz"))) == page)
        #expect(Decompression.unbrotli(try #require(contents(site, "fr/index.html.br")), expectedSize: page.count) == page)
    }

    @Test func twoBuildsWriteTheSameTwins() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let files = ["fr/index.html": Self.page, "en/index.html": Self.page.uppercased()]
        try build(files, into: parent.appendingPathComponent("One"))
        Thread.sleep(forTimeInterval: 1.1)  // a time in the gzip header would differ
        try build(files, into: parent.appendingPathComponent("Two"))
        let one = FileListing.files(in: parent.appendingPathComponent("One"))
        #expect(one == FileListing.files(in: parent.appendingPathComponent("Two")))
        #expect(one.count == 6)
        for path in one {
            #expect(contents(parent.appendingPathComponent("One"), path) == contents(parent.appendingPathComponent("Two"), path), "\(path)")
        }
    }

    @Test func twinsAreWrittenOnlyWhenTheirFileChanges() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        try build(["fr/index.html": Self.page, "en/index.html": Self.page], into: site)
        let twin = site.appendingPathComponent("en/index.html.br").path
        let before = try FileManager.default.attributesOfItem(atPath: twin)
        #expect(try build(["fr/index.html": Self.page, "en/index.html": Self.page], into: site) == OutputFolder.Changes(written: 0, unchanged: 6, removed: 0))
        let changed = Self.page + "<p>Nouveau</p>\n"
        #expect(try build(["fr/index.html": changed, "en/index.html": Self.page], into: site) == OutputFolder.Changes(written: 3, unchanged: 3, removed: 0))
        let after = try FileManager.default.attributesOfItem(atPath: twin)
        #expect(before[.modificationDate] as? Date == after[.modificationDate] as? Date)
        #expect(before[.systemFileNumber] as? NSNumber == after[.systemFileNumber] as? NSNumber)
        #expect(Decompression.gunzip(try #require(contents(site, "fr/index.html.gz"))) == Data(changed.utf8))
    }

    @Test func staleTwinsGo() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        try build(["fr/index.html": Self.page, "fr/ancienne/index.html": Self.page, "en/index.html": Self.page], into: site)
        // A file gone: its twins go with it.
        #expect(try build(["fr/index.html": Self.page, "en/index.html": Self.page], into: site).removed == 3)
        #expect(FileListing.files(in: site) == ["en/index.html", "en/index.html.br", "en/index.html.gz", "fr/index.html", "fr/index.html.br", "fr/index.html.gz"])
        // A file that no longer shrinks loses its twins.
        #expect(try build(["fr/index.html": Self.page, "en/index.html": "<p>"], into: site).removed == 2)
        #expect(FileListing.files(in: site) == ["en/index.html", "fr/index.html", "fr/index.html.br", "fr/index.html.gz"])
        // A build without compressing: no twin stays, not even of unchanged files.
        #expect(try build(["fr/index.html": Self.page, "en/index.html": "<p>"], into: site, compress: false).removed == 2)
        #expect(FileListing.files(in: site) == ["en/index.html", "fr/index.html"])
        // And compressing again brings them back for files left unchanged.
        #expect(try build(["fr/index.html": Self.page, "en/index.html": "<p>"], into: site) == OutputFolder.Changes(written: 2, unchanged: 2, removed: 0))
    }

    @Test func aTwinOlderThanItsFileIsMadeAgain() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        try build(["index.html": Self.page], into: site)
        // As if a build had stopped after renaming the new page but before its twins: the page is
        // newer than twins of other bytes.
        let changed = Self.page + "<p>Nouveau</p>\n"
        for twin in ["index.html.gz", "index.html.br"] {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: site.appendingPathComponent(twin).path)
        }
        try Data(changed.utf8).write(to: site.appendingPathComponent("index.html"))
        #expect(try build(["index.html": changed], into: site) == OutputFolder.Changes(written: 2, unchanged: 1, removed: 0))
        #expect(Decompression.gunzip(try #require(contents(site, "index.html.gz"))) == Data(changed.utf8))
        #expect(Decompression.unbrotli(try #require(contents(site, "index.html.br")), expectedSize: changed.utf8.count) == Data(changed.utf8))
    }

    @Test func aNewOutputIsCompressedInItsStagingFolder() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        let output = try OutputFolder(destination: site, protected: [])
        #expect(!output.updatesInPlace)
        try output.begin()
        let page = try output.write(Data(Self.page.utf8), to: "index.html")
        let twins = try output.writeTwins(of: [page])
        #expect(twins == [.written(path: "index.html.gz"), .written(path: "index.html.br")])
        _ = try output.commit([page] + twins)
        #expect(Decompression.gunzip(try #require(contents(site, "index.html.gz"))) == Data(Self.page.utf8))
    }
}
