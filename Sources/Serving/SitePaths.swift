import Foundation
import Support
#if canImport(Glibc)
import Glibc
#endif

/// Turns a request path into a file of the built site, the way the published site's host does:
/// pretty URLs (`/fr/x/` is `/fr/x/index.html`), a redirect from `/fr/x` to `/fr/x/`, and the
/// language's 404 page for anything else. Nothing outside the output folder is ever reached.
public struct SitePaths: Sendable {
    public enum Resolution: Sendable, Equatable {
        /// The file to send, with the URL path it answers.
        case file(URL)
        /// A folder asked without its final slash: where to send the browser.
        case redirect(location: String)
        /// Nothing there: the 404 page to send, when the theme made one.
        case notFound(page: URL?)
        /// A path that tries to leave the output folder (`..`, an encoded slash, a link outside).
        case forbidden
    }

    /// The output folder.
    public let root: URL
    /// The site's languages, the default one first: the 404 page of a path outside any language folder.
    public let languages: [String]

    public init(root: URL, languages: [String]) {
        self.root = root.standardizedFileURL
        self.languages = languages
    }

    /// `rawPath` is the path of the request target as received, still percent-encoded.
    public func resolve(_ rawPath: String) -> Resolution {
        guard let segments = Self.segments(of: rawPath) else { return .forbidden }
        // Hidden files (the output's marker) are the build's business, not the site's.
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound(page: notFoundPage(for: segments)) }
        let target = segments.reduce(root) { $0.appendingPathComponent($1) }
        // Symbolic links are followed here, once, and the file sent is the one they lead to
        // (`OpenFile` does not follow a link again): a link that leaves the folder is refused.
        guard let resolved = Self.realPath(target) else { return .notFound(page: notFoundPage(for: segments)) }
        guard isInside(resolved) else { return .forbidden }

        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isFolder) else { return .notFound(page: notFoundPage(for: segments)) }
        if !isFolder.boolValue {
            return rawPath.hasSuffix("/") ? .notFound(page: notFoundPage(for: segments)) : .file(resolved)
        }
        guard let index = Self.realPath(resolved.appendingPathComponent("index.html")), isInside(index) else {
            return .notFound(page: notFoundPage(for: segments))
        }
        if segments.isEmpty || rawPath.hasSuffix("/") { return .file(index) }
        // The location is rebuilt from the decoded segments, so that it always stays on this host.
        return .redirect(location: "/" + segments.map(Self.encode).joined(separator: "/") + "/")
    }

    /// The decoded segments of a path, or nil when one of them could step out of the folder.
    /// Empty segments (`//`) are dropped, as static hosts do.
    static func segments(of rawPath: String) -> [String]? {
        var segments: [String] = []
        for raw in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = raw.removingPercentEncoding else { return nil }
            if segment == "." || segment == ".." || segment.contains("/") || segment.contains("\\") || segment.contains("\0") {
                return nil
            }
            segments.append(segment)
        }
        return segments
    }

    /// Whether `resolved` (a path without symbolic links) is inside the output folder.
    /// The root is resolved on each call: the build swaps a new folder in at the same path.
    func isInside(_ resolved: URL) -> Bool {
        guard let base = Self.realPath(root)?.path else { return false }
        return resolved.path == base || resolved.path.hasPrefix(base == "/" ? "/" : base + "/")
    }

    /// The path with every symbolic link followed and no `.` or `..` left (realpath(3), as the sources are read); nil when it does not exist.
    static func realPath(_ url: URL) -> URL? {
        SourceTree.realPath(url.path).map { URL(fileURLWithPath: $0) }
    }

    /// The 404 page of the language the path is in, else the site's root one, else the default language's.
    public func notFoundPage(for segments: [String]) -> URL? {
        var candidates: [String] = []
        if let first = segments.first, languages.contains(first) { candidates.append("\(first)/404.html") }
        candidates.append("404.html")
        candidates += languages.map { "\($0)/404.html" }
        // A 404 page that is a link out of the folder is not one.
        return candidates.lazy.compactMap { Self.realPath(root.appendingPathComponent($0)) }.first(where: isInside)
    }

    static func encode(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? segment
    }
}
