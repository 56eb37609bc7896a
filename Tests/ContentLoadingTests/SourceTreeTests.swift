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
        #expect(looped.isSuperset(of: ["Content/en/loop", "Content/en/guide/up", "Content/en/guide/to-x/to-guide", "Content/en/x/to-guide/to-x"]))
        #expect(listing.diagnostics.allSatisfy { $0.message.contains("a folder that contains it") })
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
