import Diagnostics
import Foundation
import Testing
@testable import ContentLoading

/// The plain shapes of front matter are read without Yams (`PlainFrontMatter`): every front matter
/// must give the same values, locations and messages as through Yams, and only plain shapes may skip it.
@Suite struct FrontMatterFastPathTests {
    static let audiences = ["employeurs", "journalistes"]

    /// Shapes the fast path reads: the benchmark corpus's, the real site's, and every value it accepts,
    /// with the messages the reading itself gives (unknown audience, bad date, bad slug…).
    static let plainShapes = [
        // The benchmark corpus's shape.
        "title: \"Les cotisations en Australie\"\ndescription: \"Ce que vous devez savoir, en mots simples.\"\naudiences: [employeurs]\ntranslationKey: page-00823\ndate: 2026-02-13\nlastmod: 2026-03-11",
        // Plain texts with characters YAML leaves alone, trailing spaces, a comment line, a blank line.
        "# a comment\ntitle: L'été du C# à 10:30   \n\ndescription: a:b, «c» et 'd' — e\nmenus: main\nweight: 0\ndraft: false",
        "title: T\ndescription: D\naudiences:\n  - employeurs\n  - journalistes\naliases:\n- /fr/ancien/\n- /fr/vieux/\nweight: -3\ndraft: true",
        "title: T\ndescription: D\naudiences: [ employeurs ,journalistes ]\naliases: []\nmenus: ['footer', \"main\"]\nweight: 12",
        // Messages of the reading: unknown audiences (their columns after a non-ASCII item), a date that does not
        // exist, lastmod before date, a slug that is no URL segment, an unknown menu.
        "title: T\ndescription: D\naudiences: [\"é\", inconnu, employeurs]\ndate: 2026-02-30\nlastmod: 2025-01-01",
        "title: T\ndescription: D\ndate: 2026-03-01T09:30:00+01:00\nlastmod: 2026-01-01\nslug: Pas/Bon\nmenus: [main, side]",
        "title: T\ndescription: D\naudiences:\n    - inconnu\n    - employeurs\naliases: [/fr/a/, ../sortie]",
        "description: D first\ntitle: \"  quoted, with spaces  \"\ntranslationKey: 'key'",
        // Sources: items indented or not, keys in either order, more spaces after the dash, and every message of their checks.
        "title: T\ndescription: D\nsources:\n  - title: \"Règlement (CE) n° 883/2004, article 12\"\n    url: https://eur-lex.europa.eu/eli/reg/2004/883/oj\n  - url: https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006073189\n    title: Code de la sécurité sociale, article L762-1\nweight: 2",
        "title: T\ndescription: D\nsources:\n- title: 'A'\n  url: http://example.org/a\n-   title: B\n    url: ftp://example.org/b\naudiences: [employeurs]",
        "title: T\ndescription: D\nsources:\n  - title: \" \"\n    lien: https://example.org/\n  - title: C\n    url: /fr/page/\n  - url: https://exemple.fr/é è\n  - titel: D\n    url: https://example.org",
        "title: T\ndescription: D\nsources: []",
    ]

    /// Shapes left to Yams: escapes, comments after values, texts over several lines, duplicate keys, values of
    /// another type, quoted flags and numbers, unknown or missing keys, blank titles, YAML errors.
    static let otherShapes = [
        "title: \"a \\\" b\"\ndescription: D",
        "title: 'l''été'\ndescription: D",
        "title: a\n  b\ndescription: D",
        "title: a # comment\ndescription: D",
        "title: T\ndescription: D\naudiences: [employeurs, [journalistes]]",
        "title: T\ntitle: U\ndescription: D",
        "title: T\ndescription: D\ndraft: \"true\"",
        "title: T\ndescription: D\ndraft: yes",
        "title: T\ndescription: D\nweight: \"3\"",
        "title: T\ndescription: D\nweight: 010",
        "title: T\ndescription: D\nweight: 0x1F",
        "title: T\ndescription: D\nweight: -0",
        "title: -T\ndescription: D",
        "title: T\ndescription: D\ntags: x",
        "title: T",
        "title: \"\"\ndescription: D",
        "title: \"\u{00A0}\"\ndescription: D",
        "title: |\n  block\ndescription: D",
        "title:\tT\ndescription: D",
        "title:T\ndescription: D",
        "title: &a T\ndescription: *a",
        "title: T\ndescription: D\naudiences:",
        "title: T\ndescription: D\naudiences:\n  - employeurs\n    - journalistes",
        "title: T\ndescription: D\nmenus: main # c",
        "title: a\u{2028}b\ndescription: D",
        "title: T\ndescription: a: b",
        "title: T\ndescription: D\naudiences: [employeurs,]",
        "title: T\ndescription: D\nslug: [a]",
        "title: [T]\ndescription: D",
        "- a\n- b",
        "",
        // Sources in shapes of their own: a comment, a key twice in an item, a text or a list of texts, a value that is no
        // text or is empty, a blank line or a deeper indent inside an item.
        "title: T\ndescription: D\nsources:\n  - title: T # c\n    url: https://example.org",
        "title: T\ndescription: D\nsources:\n  - title: T\n    url: https://example.org\n    url: https://example.net",
        "title: T\ndescription: D\nsources: https://example.org",
        "title: T\ndescription: D\nsources: [a]",
        "title: T\ndescription: D\nsources:\n  - https://example.org",
        "title: T\ndescription: D\nsources:\n  - title: [T]\n    url: https://example.org",
        "title: T\ndescription: D\nsources:\n  - title:\n    url: https://example.org",
        "title: T\ndescription: D\nsources:\n  - title: T\n\n    url: https://example.org",
        "title: T\ndescription: D\nsources:\n  - title: T\n      url: https://example.org",
        "title: T\ndescription: D\naudiences:\n  - employeurs: x",
    ]

    static func page(_ frontMatter: String) -> String { "---\n\(frontMatter)\n---\n\nLe texte.\n" }

    static func expectSameReading(_ text: String, file: String) {
        let fast = FrontMatterParser.read(text, file: file, audiences: audiences, plainShapesFirst: true)
        let yams = FrontMatterParser.read(text, file: file, audiences: audiences, plainShapesFirst: false)
        #expect(fast.frontMatter == yams.frontMatter, "\(file)")
        #expect(fast.diagnostics == yams.diagnostics, "\(file)")
        #expect(fast.body?.text == yams.body?.text && fast.body?.firstLine == yams.body?.firstLine, "\(file)")
    }

    static func yamlBlock(_ frontMatter: String) -> Substring { Substring(frontMatter) }

    @Test(arguments: plainShapes)
    func plainShapesSkipYamsWithTheSameResult(_ frontMatter: String) {
        #expect(PlainFrontMatter.read(Self.yamlBlock(frontMatter), file: "Content/fr/p.md", firstLine: 2) != nil)
        Self.expectSameReading(Self.page(frontMatter), file: "Content/fr/p.md")
    }

    @Test(arguments: otherShapes)
    func otherShapesGoThroughYams(_ frontMatter: String) {
        #expect(PlainFrontMatter.read(Self.yamlBlock(frontMatter), file: "Content/fr/p.md", firstLine: 2) == nil)
        Self.expectSameReading(Self.page(frontMatter), file: "Content/fr/p.md")
    }

    /// The messages of the reading really come out of the fast path, where they are (not only "the same as Yams").
    @Test func messagesOfThePlainPathPointAtTheValue() {
        let reading = FrontMatterParser.read(Self.page(Self.plainShapes[4]), file: "Content/fr/p.md", audiences: Self.audiences)
        let unknown = reading.diagnostics.filter { $0.message.hasPrefix("unknown audience") }
        #expect(unknown.map(\.location) == [SourceLocation(file: "Content/fr/p.md", line: 4, column: 13),
                                            SourceLocation(file: "Content/fr/p.md", line: 4, column: 18)])
        #expect(reading.diagnostics.contains { $0.message == "'2026-02-30' is not a valid date" })
    }

    /// A date without spaces around it skips the trimming; with spaces of any kind around it, it is trimmed as before.
    @Test func datesAreTrimmedOnlyWhenTheyNeedIt() {
        #expect(PageDate("2026-03-01")?.original == "2026-03-01")
        #expect(PageDate(" 2026-03-01T09:30:00+01:00\u{00A0}")?.original == "2026-03-01T09:30:00+01:00")
        #expect(PageDate("\u{2003}2026-03-01\n")?.day == 1)
        #expect(PageDate("2026-03-01 x") == nil)
    }

    /// Every page of the real site reads the same both ways, and most take the fast path.
    @Test func realSitePagesReadTheSameBothWays() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let content = repository.appendingPathComponent("Content")
        let files = (FileManager.default.enumerator(atPath: content.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".md") }.sorted()
        #expect(files.count > 20)
        var plain = 0
        for file in files {
            let text = try String(contentsOf: content.appendingPathComponent(file), encoding: .utf8)
            Self.expectSameReading(text, file: "Content/" + file)
            if let fences = FrontMatterParser.fences(in: text), let end = fences.end,
               PlainFrontMatter.read(text[fences.yaml..<end.lineStart].dropLast(), file: file, firstLine: 2) != nil {
                plain += 1
            }
        }
        #expect(plain * 10 >= files.count * 9, "\(plain) of \(files.count) pages on the fast path")
    }
}
