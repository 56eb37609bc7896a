import Foundation
import Testing
@testable import Rendering
import Support
@testable import SiteBuilder

@Suite struct AssetNameTests {
    @Test func theDigestIsSHA256() {
        // The test vectors of FIPS 180-2.
        #expect(Digest.sha256(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Digest.sha256(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func theDigestGoesBeforeTheExtension() {
        #expect(AssetNames.name("cleiss.css", digest: "0123456789abcdef") == "cleiss.0123456789ab.css")
        #expect(AssetNames.name("img/logo.v2.png", digest: "0123456789abcdef") == "img/logo.v2.0123456789ab.png")
        #expect(AssetNames.name("fonts.d/LICENSE", digest: "0123456789abcdef") == "fonts.d/LICENSE.0123456789ab")
    }

    /// The stylesheet link of a page, as the build wrote it.
    func stylesheet(_ site: TestSite) throws -> String {
        let home = try #require(site.read("fr/index.html"))
        let match = try #require(home.firstMatch(of: /<link rel="stylesheet" href="([^"]+)"/))
        return String(match.1)
    }

    @Test func pagesLinkTheAssetsUnderContentHashedNames() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.build()
        let sheet = "Themes/default/assets/cleiss.css"
        let bytes = try Data(contentsOf: site.root.appendingPathComponent(sheet))
        let first = try stylesheet(site)
        #expect(first == "/assets/cleiss.\(Digest.sha256(bytes).prefix(12)).css")
        #expect(site.read(String(first.dropFirst())).map { Data($0.utf8) } == bytes)
        #expect(site.read("assets/cleiss.css") == nil)
        // A new stylesheet is a new URL on every page, and the old file goes.
        try site.write(sheet, "body { color: #111; }\n")
        try site.build()
        let second = try stylesheet(site)
        #expect(second != first && second.hasPrefix("/assets/cleiss."))
        #expect(site.read(String(second.dropFirst())) == "body { color: #111; }\n")
        #expect(site.read(String(first.dropFirst())) == nil)
        #expect(site.read("en/404.html")?.contains(second) == true && site.read("index.html")?.contains(second) == true)
    }

    @Test func thePreviewKeepsPlainNames() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        var options = BuildOptions(source: site.root, output: site.output)
        options.fingerprintAssets = false
        try SiteBuilder.build(options)
        #expect(try stylesheet(site) == "/assets/cleiss.css")
        #expect(site.read("assets/cleiss.css") != nil)
    }
}
