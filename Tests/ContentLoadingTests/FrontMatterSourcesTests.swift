import Diagnostics
import Testing
@testable import ContentLoading

/// `sources:` in a front matter: what it reads, and every mistake at its place with what to do, the same through
/// both readers (the plain shapes' and Yams's).
@Suite struct FrontMatterSourcesTests {
    static let file = "Content/fr/p.md"

    /// The reading of `frontMatter` as a page's, after checking that both readers agree on it.
    static func read(_ frontMatter: String) -> FrontMatterParser.Reading {
        let text = "---\n\(frontMatter)\n---\n\nLe texte.\n"
        FrontMatterFastPathTests.expectSameReading(text, file: file)
        return FrontMatterParser.read(text, file: file, audiences: FrontMatterFastPathTests.audiences)
    }

    static func messages(_ reading: FrontMatterParser.Reading) -> [String] {
        reading.diagnostics.map { "\($0.location): \($0.severity.rawValue): \($0.message)" }
    }

    @Test func readsTitlesAndAddressesInOrder() {
        let reading = Self.read("""
            title: T
            description: D
            sources:
              - title: "Règlement (CE) n° 883/2004, article 12"
                url: https://eur-lex.europa.eu/eli/reg/2004/883/oj
              - url: https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006073189
                title: 'Code de la sécurité sociale, article L762-1'
            """)
        #expect(reading.diagnostics.isEmpty, "\(Self.messages(reading))")
        #expect(reading.frontMatter.sources == [
            CitedSource(title: "Règlement (CE) n° 883/2004, article 12", url: "https://eur-lex.europa.eu/eli/reg/2004/883/oj",
                        urlLocation: SourceLocation(file: Self.file, line: 6, column: 10)),
            CitedSource(title: "Code de la sécurité sociale, article L762-1", url: "https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006073189",
                        urlLocation: SourceLocation(file: Self.file, line: 7, column: 10)),
        ])
        #expect(FrontMatter.knownKeys.contains("sources"))
    }

    @Test func everyMistakeInAnItemIsAnErrorAtItsPlace() {
        let reading = Self.read("""
            title: T
            description: D
            sources:
              - title: " "
                lien: https://example.org/
              - title: C
                url: /fr/page/
              - url: ftp://example.org/b
              - titel: D
                url: https://example.org
            """)
        #expect(Self.messages(reading) == [
            "Content/fr/p.md:6:5: error: unknown key 'lien' in a source",
            "Content/fr/p.md:5:5: error: this source has no 'url'",
            "Content/fr/p.md:5:12: error: the title of this source is empty",
            "Content/fr/p.md:8:10: error: '/fr/page/' is not an absolute http or https address",
            "Content/fr/p.md:9:5: error: this source has no 'title'",
            "Content/fr/p.md:9:10: error: 'ftp://example.org/b' is not an absolute http or https address",
            "Content/fr/p.md:10:5: error: unknown key 'titel' in a source",
            "Content/fr/p.md:10:5: error: this source has no 'title'",
        ])
        #expect(reading.diagnostics.allSatisfy { $0.hint?.isEmpty == false })
        #expect(reading.diagnostics.contains { $0.hint == "did you mean 'title'?; a source has only a 'title' and a 'url'" })
        #expect(reading.frontMatter.sources.isEmpty)
    }

    @Test func shapesThatAreNoListOfSources() {
        #expect(Self.messages(Self.read("title: T\ndescription: D\nsources: https://example.org")) == [
            "Content/fr/p.md:4:10: error: 'sources' must be a list of sources, each with a title and a url",
        ])
        #expect(Self.messages(Self.read("title: T\ndescription: D\nsources:\n  - https://example.org")) == [
            "Content/fr/p.md:5:5: error: each item of 'sources' must have a 'title' and a 'url'",
        ])
        #expect(Self.messages(Self.read("title: T\ndescription: D\nsources:\n  - title: [T]\n    url: https://example.org")) == [
            "Content/fr/p.md:5:12: error: the title of a source must be a single text value",
        ])
        #expect(Self.messages(Self.read("title: T\ndescription: D\nsource:\n  - title: T\n    url: https://example.org")).first
                == "Content/fr/p.md:4:1: warning: unknown front matter key 'source'")
        let misspelt = Self.read("title: T\ndescription: D\nsource: []")
        #expect(misspelt.diagnostics.first?.hint == "did you mean 'sources'?")
    }

    @Test func theListAndItsTextsAreBounded() {
        let items = (1...51).map { "  - title: Texte \($0)\n    url: https://example.org/\($0)" }.joined(separator: "\n")
        let many = Self.read("title: T\ndescription: D\nsources:\n" + items)
        #expect(Self.messages(many) == ["Content/fr/p.md:4:1: error: 'sources' has 51 items (at most 50)"])
        let long = Self.read("title: T\ndescription: D\nsources:\n  - title: \(String(repeating: "a", count: 301))\n    url: https://example.org/\(String(repeating: "b", count: 2_000))")
        #expect(Self.messages(long) == [
            "Content/fr/p.md:5:12: error: the title of this source has 301 characters (at most 300)",
            "Content/fr/p.md:6:10: error: the url of this source has 2020 characters (at most 2000)",
        ])
    }

    @Test func aPageWithAWrongSourceIsNotBuilt() {
        #expect(throws: DiagnosticsError.self) {
            try FrontMatterParser.parse("---\ntitle: T\ndescription: D\nsources:\n  - title: T\n---\n", file: Self.file, audiences: [])
        }
    }

    @Test func addressesAreAbsoluteWebAddresses() {
        for good in ["https://eur-lex.europa.eu/eli/reg/2004/883/oj", "http://example.org", "HTTPS://Example.org/a?b=c#d", "https://exemple.fr/été"] {
            #expect(SourcesField.isAbsoluteWebAddress(good), "\(good)")
        }
        for bad in ["", "/fr/page/", "example.org", "https:/example.org", "https://", "mailto:a@b.c", "javascript:alert(1)", "https://a b.org", "https://a.org/\u{7F}", "https://:80/", "https://user@/"] {
            #expect(!SourcesField.isAbsoluteWebAddress(bad), "\(bad)")
        }
    }
}
