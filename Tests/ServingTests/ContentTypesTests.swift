import Testing
@testable import Serving

@Suite struct ContentTypesTests {
    @Test(arguments: [
        ("fr/index.html", "text/html; charset=utf-8"),
        ("assets/cleiss.css", "text/css; charset=utf-8"),
        ("__cleiss-site/reload.js", "text/javascript; charset=utf-8"),
        ("assets/favicon.svg", "image/svg+xml"),
        ("sitemap.xml", "application/xml; charset=utf-8"),
        ("data.json", "application/json"),
        ("fr/photo.PNG", "image/png"),
        ("fr/photo.jpg", "image/jpeg"),
        ("assets/marianne.woff2", "font/woff2"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("fr/formulaire.pdf", "application/pdf"),
        ("fr/archive.unknown", "application/octet-stream"),
        ("fr/no-extension", "application/octet-stream"),
    ])
    func typeFromTheExtension(path: String, expected: String) {
        #expect(ContentTypes.type(forPath: path) == expected)
    }

    @Test func onlyHTMLIsHTML() {
        #expect(ContentTypes.isHTML("fr/404.html"))
        #expect(!ContentTypes.isHTML("assets/cleiss.css"))
        #expect(!ContentTypes.isHTML("fr/x.html/photo.png"))
    }
}
