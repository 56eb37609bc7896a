import Dispatch
import Foundation
import Testing
@testable import Markdown

@Suite struct AutolinkTests {
    @Test func frenchPunctuationAfterAnAutolinkStaysText() {
        let html = MarkdownRenderer().render("Citez « Cleiss, www.cleiss.fr\u{00A0}»\u{00A0}; merci.\n", file: "a.md").html
        #expect(html.contains(#"<a href="http://www.cleiss.fr">www.cleiss.fr</a>"# + "\u{00A0}»\u{00A0};"), "\(html)")
        let plain = MarkdownRenderer().render("Voir https://www.cleiss.fr/docs/a.html\u{202F}!\n", file: "a.md").html
        #expect(plain.contains(#"<a href="https://www.cleiss.fr/docs/a.html">https://www.cleiss.fr/docs/a.html</a>"# + "\u{202F}!"), "\(plain)")
    }

    @Test func explicitLinksAreLeftAlone() {
        let html = MarkdownRenderer().render("[le site « officiel »](https://www.cleiss.fr/)\n", file: "a.md").html
        #expect(html.contains(#"<a href="https://www.cleiss.fr/">le site « officiel »</a>"#))
    }

    /// cmark-gfm's global table of special characters races when parsers finish on several threads
    /// at once; rendering must give the same HTML for the same text whatever the other threads do.
    @Test func concurrentRenderingIsDeterministic() {
        let texts = (0..<4000).map { index in
            index % 2 == 0 ? "Voir www.cleiss.fr et ~~ancien~~ texte, contact@cleiss.fr.\n" : "Autre | texte\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        }
        let renderer = MarkdownRenderer()
        let results = ResultBox(count: texts.count)
        DispatchQueue.concurrentPerform(iterations: texts.count) { index in
            results.set(index, renderer.render(texts[index], file: "a.md").html)
        }
        let even = Set(stride(from: 0, to: texts.count, by: 2).map { results.get($0) })
        #expect(even.count == 1, "\(even)")
        #expect(even.first?.contains("<del>ancien</del>") == true)
        #expect(even.first?.contains(#"href="http://www.cleiss.fr""#) == true)
        #expect(even.first?.contains(#"href="mailto:contact@cleiss.fr""#) == true)
    }
}

private final class ResultBox: @unchecked Sendable {
    private var values: [String]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: "", count: count) }
    func set(_ index: Int, _ value: String) { lock.lock(); values[index] = value; lock.unlock() }
    func get(_ index: Int) -> String { lock.lock(); defer { lock.unlock() }; return values[index] }
}
