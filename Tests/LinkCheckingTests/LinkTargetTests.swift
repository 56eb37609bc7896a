import Testing
@testable import LinkChecking

@Suite struct LinkTargetTests {
    let base = ["https://www.cleiss.fr/"]

    @Test func rootRelativeAndRelativeLinksLeadToOutputPaths() {
        #expect(LinkTarget("/fr/a/", from: "fr/b/index.html", baseURLs: base) == .output(path: "fr/a/", fragment: nil))
        #expect(LinkTarget("../a/#x", from: "fr/b/index.html", baseURLs: base) == .output(path: "fr/a/", fragment: "x"))
        #expect(LinkTarget("#y", from: "fr/b/index.html", baseURLs: base) == .output(path: "fr/b/index.html", fragment: "y"))
        #expect(LinkTarget("/", from: "fr/b/index.html", baseURLs: base) == .output(path: "", fragment: nil))
    }

    @Test func absoluteLinksUnderTheBaseURLAreInternal() {
        #expect(LinkTarget("https://www.cleiss.fr/en/a/?q=1#s%C3%A9jour", from: "fr/index.html", baseURLs: base)
                == .output(path: "en/a/", fragment: "séjour"))
        #expect(LinkTarget("https://www.cleiss.fr", from: "fr/index.html", baseURLs: base) == .output(path: "", fragment: nil))
        #expect(LinkTarget("https://www.legifrance.gouv.fr/", from: "fr/index.html", baseURLs: base) == .external)
        #expect(LinkTarget("//example.org/a", from: "fr/index.html", baseURLs: base) == .external)
        #expect(LinkTarget("mailto:a@b.fr", from: "fr/index.html", baseURLs: base) == .other)
    }

    @Test func parentSegmentsStopAtTheRoot() {
        #expect(LinkTarget("../../../x.css", from: "fr/index.html", baseURLs: base) == .output(path: "x.css", fragment: nil))
        #expect(LinkTarget("/fr/a/%C3%A9t%C3%A9/", from: "fr/index.html", baseURLs: base) == .output(path: "fr/a/été/", fragment: nil))
    }
}
