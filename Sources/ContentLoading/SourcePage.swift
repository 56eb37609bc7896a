import Diagnostics

/// What a Markdown file is in the site's tree.
public enum PageKind: Sendable, Hashable {
    /// `Content/<lang>/_index.md`.
    case home
    /// `_index.md` of a folder: the folder's list page.
    case section
    /// Any other Markdown file.
    case page
}

/// A Markdown file read from `Content/<lang>/`, before URLs are given.
public struct SourcePage: Sendable {
    public var language: String
    /// Relative to the site root: `Content/fr/employeurs/detachement.md`.
    public var path: String
    /// Relative to the language folder: `employeurs/detachement.md`.
    public var relativePath: String
    public var kind: PageKind
    public var frontMatter: FrontMatter
    public var body: String
    /// The line of the file where the body starts, so that Markdown lines map to file lines.
    public var bodyFirstLine: Int

    public init(language: String, path: String, relativePath: String, kind: PageKind, frontMatter: FrontMatter, body: String, bodyFirstLine: Int) {
        self.language = language
        self.path = path
        self.relativePath = relativePath
        self.kind = kind
        self.frontMatter = frontMatter
        self.body = body
        self.bodyFirstLine = bodyFirstLine
    }

    /// The folder of the file relative to the language folder, `""` at the top.
    public var folder: String {
        guard let slash = relativePath.lastIndex(of: "/") else { return "" }
        return String(relativePath[..<slash])
    }

    /// The file name without `.md`: the last non-empty segment of the path. Found on the UTF-8 bytes,
    /// not by splitting the path into characters: the site model asks it of every page, on one thread.
    public var baseName: String {
        let bytes = relativePath.utf8, slash = UInt8(ascii: "/")
        var end = bytes.endIndex
        while end > bytes.startIndex && bytes[bytes.index(before: end)] == slash { end = bytes.index(before: end) }
        guard end > bytes.startIndex else { return relativePath.hasSuffix(".md") ? String(relativePath.dropLast(3)) : relativePath }
        let start = bytes[..<end].lastIndex(of: slash).map { bytes.index(after: $0) } ?? bytes.startIndex
        let name = relativePath[start..<end]
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : String(name)
    }
}

/// A file under Content that is not Markdown (an image, a PDF), copied beside its page.
public struct ResourceFile: Sendable, Hashable {
    public var language: String
    /// Relative to the site root.
    public var path: String
    /// Relative to the language folder.
    public var relativePath: String
}
