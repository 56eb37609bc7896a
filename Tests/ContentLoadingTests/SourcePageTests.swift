import Testing
@testable import ContentLoading

/// `SourcePage.baseName`, found on bytes, names the file as splitting the path did.
@Suite struct SourcePageBaseNameTests {
    static func page(_ relativePath: String) -> SourcePage {
        SourcePage(language: "fr", path: "Content/fr/" + relativePath, relativePath: relativePath, kind: .page,
                   frontMatter: FrontMatter(title: "T", description: "D", audiences: [], draft: false, aliases: [], menus: [], locations: [:]),
                   body: "", bodyFirstLine: 1)
    }

    @Test(arguments: ["page.md", "dossier/page.md", "a/b/été.md", "index.md", "a/index.md", "sans-extension", "a/b/", "///", "", ".md", "a//b.md"])
    func baseNameIsTheLastSegmentWithoutMd(_ relativePath: String) {
        let split = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        let expected = split.hasSuffix(".md") ? String(split.dropLast(3)) : split
        #expect(Self.page(relativePath).baseName == expected)
    }
}
