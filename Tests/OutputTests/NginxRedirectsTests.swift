import Foundation
import Testing
@testable import Output

@Suite struct NginxRedirectsTests {
    @Test func entriesAreSortedAndFoldersAlsoMatchWithoutTheirSlash() {
        let text = String(decoding: NginxRedirects.entries([
            .init(path: "/fr/detachement/", target: "https://www.cleiss.fr/fr/travailler/detachement/"),
            .init(path: "/en/old.html", target: "https://www.cleiss.fr/en/new/"),
        ]), as: UTF8.self)
        #expect(text.split(separator: "\n").dropFirst() == [
            #""/en/old.html" "https://www.cleiss.fr/en/new/";"#,
            #""/fr/detachement" "https://www.cleiss.fr/fr/travailler/detachement/";"#,
            #""/fr/detachement/" "https://www.cleiss.fr/fr/travailler/detachement/";"#,
        ])
        #expect(text.hasPrefix("# "))
    }

    @Test func nothingAnAuthorWritesCanEndAnEntryOrNameAVariable() {
        let text = String(decoding: NginxRedirects.entries([
            .init(path: "/fr/a\"b;c}$d/", target: "https://www.cleiss.fr/fr/$host\"x y\\z'/"),
        ]), as: UTF8.self)
        #expect(text.contains(#""/fr/a\"b;c}$d/" "https://www.cleiss.fr/fr/%24host%22x%20y%5Cz%27/";"#))
    }
}
