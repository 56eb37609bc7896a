import Diagnostics

/// A page of the site with its place in it: URL, translation group, output file.
public struct Page: Sendable {
    public let source: SourcePage
    /// Root-relative and percent-encoded: `/fr/employeurs/detachement/`.
    public let url: String
    /// Relative to the output folder: `fr/employeurs/detachement/index.html`.
    public let outputPath: String
    /// Pages of one group are versions of one page in several languages.
    public let translationGroup: String

    public var language: String { source.language }
    public var frontMatter: FrontMatter { source.frontMatter }
    public var title: String { source.frontMatter.title }
    public var kind: PageKind { source.kind }
    /// The date shown as "last update": lastmod, otherwise date.
    public var lastUpdated: PageDate? { frontMatter.lastmod ?? frontMatter.date }
}

/// A redirect from an old URL (front matter `aliases`) to a page.
public struct AliasRoute: Sendable {
    public let outputPath: String
    public let page: Int
    public let location: SourceLocation
}

/// A resource copied into the output.
public struct ResourceRoute: Sendable {
    public let resource: ResourceFile
    public let url: String
    public let outputPath: String
}
