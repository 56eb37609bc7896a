import Foundation
import Testing
@testable import ContentLoading

@Suite struct URLPathsTests {
    @Test func urlsArePrettyAndEncoded() {
        #expect(URLPaths.url(["fr", "employeurs", "détachement"]) == "/fr/employeurs/d%C3%A9tachement/")
        #expect(URLPaths.outputPath(["fr", "employeurs"]) == "fr/employeurs/index.html")
        #expect(URLPaths.outputPath(forURL: "/fr/d%C3%A9tachement/") == "fr/détachement/index.html")
        #expect(URLPaths.outputPath(forURL: "/fr/404.html") == "fr/404.html")
    }

    @Test func plainSlugsAreKeptAsFoundationKeepsThem() {
        // Every ASCII byte alone in a segment: the plain ones skip Foundation, and all give what Foundation gives.
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#")
        for byte in UInt8(0x21)...UInt8(0x7E) {
            let segment = "a" + String(UnicodeScalar(byte)) + "Z9"
            #expect(URLPaths.url([segment]) == "/" + segment.addingPercentEncoding(withAllowedCharacters: allowed)! + "/", "\(segment)")
        }
        #expect(URLPaths.url(["a b", "x"]) == "/a%20b/x/")
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
