import Testing
@testable import ContentLoading

@Suite struct URLPathsTests {
    @Test func urlsArePrettyAndEncoded() {
        #expect(URLPaths.url(["fr", "employeurs", "détachement"]) == "/fr/employeurs/d%C3%A9tachement/")
        #expect(URLPaths.outputPath(["fr", "employeurs"]) == "fr/employeurs/index.html")
        #expect(URLPaths.outputPath(forURL: "/fr/d%C3%A9tachement/") == "fr/détachement/index.html")
        #expect(URLPaths.outputPath(forURL: "/fr/404.html") == "fr/404.html")
    }

    @Test func normalizationNeverClimbsAboveTheStart() {
        #expect(URLPaths.normalize(["Content", "fr", "a", "..", "b.md"]) == ["Content", "fr", "b.md"])
        #expect(URLPaths.normalize(["Content", "..", ".."]) == nil)
    }

    @Test func aliasesStayInsideTheSite() {
        #expect(SiteContent.aliasOutputPath("/fr/ancien/") == "fr/ancien/index.html")
        #expect(SiteContent.aliasOutputPath("fr/ancien.html") == "fr/ancien.html")
        #expect(SiteContent.aliasOutputPath("/fr/../../etc/") == nil)
        #expect(SiteContent.aliasOutputPath("https://evil.example/") == nil)
        #expect(SiteContent.aliasOutputPath("/") == nil)
    }
}
