import Diagnostics
import Foundation
import Support
import Testing

/// The sources are listed and read without leaving the site: links inside it are followed, links
/// out of it and loops are errors naming the link, and the walk always ends.
@Suite struct SourceTreeTests {
    let manager = FileManager.default

    /// A site folder with `Content/en/page.md`, inside a folder that also holds `outside/secret.txt`.
    func site() throws -> (root: URL, parent: URL) {
        let parent = manager.temporaryDirectory.appendingPathComponent("cleiss-sources-\(UUID().uuidString)")
        let root = parent.appendingPathComponent("site")
        try manager.createDirectory(at: root.appendingPathComponent("Content/en/guide"), withIntermediateDirectories: true)
        try manager.createDirectory(at: parent.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try Data("page".utf8).write(to: root.appendingPathComponent("Content/en/page.md"))
        try Data("secret".utf8).write(to: parent.appendingPathComponent("outside/secret.txt"))
        return (root, parent)
    }

    func link(_ path: String, in root: URL, to target: String) throws {
        try manager.createSymbolicLink(atPath: root.appendingPathComponent(path).path, withDestinationPath: target)
    }

    func list(_ root: URL) -> (files: [String], diagnostics: [Diagnostic]) {
        SourceTree(root: root).files(in: root.appendingPathComponent("Content/en"), displayPrefix: "Content/en")
    }

    @Test func linksOutOfTheSiteAreErrorsNamingThemAndAreNotListed() throws {
        let (root, parent) = try site()
        defer { try? manager.removeItem(at: parent) }
        try link("Content/en/env.txt", in: root, to: "/proc/self/environ")
        try link("Content/en/secret.txt", in: root, to: "../../../outside/secret.txt")
        try link("Content/en/out", in: root, to: "../../../outside")
        let listing = list(root)
        #expect(listing.files == ["page.md"])
        #expect(listing.diagnostics.map(\.location.file) == ["Content/en/env.txt", "Content/en/out", "Content/en/secret.txt"].sorted())
        #expect(listing.diagnostics.allSatisfy { $0.severity == .error && $0.message.contains("outside the site") })
        #expect(listing.diagnostics.first?.message == "the symbolic link points to /proc/self/environ, outside the site: it is not published")
    }

    @Test func linksInsideTheSiteAreFollowed() throws {
        let (root, parent) = try site()
        defer { try? manager.removeItem(at: parent) }
        try manager.createDirectory(at: root.appendingPathComponent("Shared"), withIntermediateDirectories: true)
        try Data("logo".utf8).write(to: root.appendingPathComponent("Shared/logo.svg"))
        try link("Content/en/images", in: root, to: "../../Shared")
        try link("Content/en/guide/copy.md", in: root, to: "../page.md")
        let listing = list(root)
        #expect(listing.diagnostics.isEmpty)
        #expect(listing.files == ["guide/copy.md", "images/logo.svg", "page.md"])
        #expect(try SourceTree(root: root).read("Content/en/guide/copy.md") == Data("page".utf8))
    }

    /// Two links to one folder at each of 24 levels would list 2^24 copies of the last one: each folder is listed once.
    @Test func aFolderReachedTwiceIsAnErrorOnTheLinkAndIsListedOnce() throws {
        let (root, parent) = try site()
        defer { try? manager.removeItem(at: parent) }
        let levels = 24
        for level in 1...levels {
            try manager.createDirectory(at: root.appendingPathComponent("Content/en/d\(level)"), withIntermediateDirectories: true)
            try Data("page".utf8).write(to: root.appendingPathComponent("Content/en/d\(level)/p.md"))
        }
        for level in 1..<levels {
            try link("Content/en/d\(level)/a", in: root, to: "../d\(level + 1)")
            try link("Content/en/d\(level)/b", in: root, to: "../d\(level + 1)")
        }
        let listing = list(root)
        #expect(listing.files.count <= 2 * levels + 1, "each folder once: \(listing.files.count) files")
        #expect(listing.diagnostics.count == 2 * (levels - 1))
        #expect(listing.diagnostics.allSatisfy { $0.severity == .error && $0.message.contains("already in the site as") })
        let places = Set(listing.diagnostics.map(\.location.file))
        #expect(places.allSatisfy { $0.hasSuffix("/a") || $0.hasSuffix("/b") }, "each message names a link: \(places.sorted())")
    }

    @Test func loopsAreErrorsAndTheWalkEnds() throws {
        let (root, parent) = try site()
        defer { try? manager.removeItem(at: parent) }
        try link("Content/en/loop", in: root, to: ".")
        try link("Content/en/guide/up", in: root, to: "..")
        // Two folders that point at each other: a loop only through both.
        try manager.createDirectory(at: root.appendingPathComponent("Content/en/x"), withIntermediateDirectories: true)
        try link("Content/en/guide/to-x", in: root, to: "../x")
        try link("Content/en/x/to-guide", in: root, to: "../guide")
        let listing = list(root)
        #expect(listing.files == ["page.md"])
        let looped = Set(listing.diagnostics.map(\.location.file))
        // The pair is cut at its first link: each folder is already in the site where it really is.
        #expect(looped == ["Content/en/loop", "Content/en/guide/up", "Content/en/guide/to-x", "Content/en/x/to-guide"])
        #expect(listing.diagnostics.allSatisfy { $0.message.contains("a folder that contains it") || $0.message.contains("already in the site as") })
    }

    @Test func aFileSwappedForALinkOutAfterTheListingIsRefused() throws {
        let (root, parent) = try site()
        defer { try? manager.removeItem(at: parent) }
        let tree = SourceTree(root: root)
        #expect(tree.files(in: root.appendingPathComponent("Content/en"), displayPrefix: "Content/en").files == ["page.md"])
        try manager.removeItem(at: root.appendingPathComponent("Content/en/page.md"))
        try link("Content/en/page.md", in: root, to: parent.appendingPathComponent("outside/secret.txt").path)
        let error = #expect(throws: DiagnosticsError.self) { try tree.read("Content/en/page.md") }
        #expect(error?.diagnostics.first?.message.contains("outside the site") == true)
    }

    @Test func aFolderSwappedForALinkOutAfterTheListingIsRefused() throws {
        let (root, parent) = try site()
        defer { try? manager.removeItem(at: parent) }
        try Data("guide".utf8).write(to: root.appendingPathComponent("Content/en/guide/secret.txt"))
        let tree = SourceTree(root: root)
        #expect(tree.files(in: root.appendingPathComponent("Content/en"), displayPrefix: "Content/en").files == ["guide/secret.txt", "page.md"])
        try manager.removeItem(at: root.appendingPathComponent("Content/en/guide"))
        try link("Content/en/guide", in: root, to: parent.appendingPathComponent("outside").path)
        let error = #expect(throws: DiagnosticsError.self) { try tree.read("Content/en/guide/secret.txt") }
        #expect(error?.diagnostics.first?.message.contains("outside the site") == true)
    }

    @Test func aDeepTreeIsListedWithoutRecursion() throws {
        let (root, parent) = try site()
        defer { try? manager.removeItem(at: parent) }
        // 1,000 levels: a path of 2,000 characters, under PATH_MAX.
        let deep = (0..<1_000).map { _ in "d" }.joined(separator: "/")
        try manager.createDirectory(at: root.appendingPathComponent("Content/en/" + deep), withIntermediateDirectories: true)
        try Data("deep".utf8).write(to: root.appendingPathComponent("Content/en/\(deep)/deep.md"))
        #expect(list(root).files == ["\(deep)/deep.md", "page.md"])
    }
}
