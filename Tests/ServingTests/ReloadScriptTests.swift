import Foundation
import Testing
@testable import Serving

@Suite struct ReloadScriptTests {
    func inject(_ html: String, build: Int = 3) -> String {
        String(decoding: ReloadScript.inject(into: Data(html.utf8), build: build), as: UTF8.self)
    }

    @Test func theTagGoesBeforeTheClosingBody() {
        let tag = ReloadScript.tag(build: 3)
        #expect(inject("<html><body><p>é</p></body></html>") == "<html><body><p>é</p>\(tag)</body></html>")
    }

    @Test func theLastClosingBodyIsUsedWhateverItsCase() {
        let tag = ReloadScript.tag(build: 3)
        // A code sample showing "</body>" comes before the real one.
        #expect(inject("<body><code>&lt;/body&gt;</code><pre></body></pre>\n</BODY>\n</html>")
            == "<body><code>&lt;/body&gt;</code><pre></body></pre>\n\(tag)</BODY>\n</html>")
    }

    @Test func aPageWithoutBodyGetsTheTagAtTheEnd() {
        #expect(inject("<p>fragment</p>") == "<p>fragment</p>" + ReloadScript.tag(build: 3))
        #expect(inject("") == ReloadScript.tag(build: 3))
    }

    @Test func theTagNamesTheScriptAndTheBuild() {
        let tag = ReloadScript.tag(build: 12)
        #expect(tag == "<script src=\"/__cleiss-site/reload.js\" data-build=\"12\" defer></script>")
    }

    @Test func theScriptListensToTheEventsAndShowsAnAccessibleNotice() {
        let source = ReloadScript.source
        #expect(source.contains("new EventSource(\"\(ReloadScript.eventsPath)\")"))
        for needed in ["\"reload\"", "\"error\"", "\"connected\"", "role\", \"alert\"", "position:fixed", "createElement(\"pre\")",
                       "document.documentElement.lang", "La reconstruction du site a échoué", "The site could not be rebuilt"] {
            #expect(source.contains(needed), "missing \(needed)")
        }
    }
}
