import Foundation
@testable import Spelling

/// Checkers shared by the tests that only read (a French handle loads in ~0.1 s).
enum Checkers {
    static let french = try! SpellChecker(language: "fr")
    static let english = try! SpellChecker(language: "en")
    static let site = ["Cleiss", "Urssaf", "Unesco", "Légifrance", "ameli"]
    static let frenchWithSiteWords = try! SpellChecker(language: "fr", extraWords: site)
    static let englishWithSiteWords = try! SpellChecker(language: "en", extraWords: site)
}

/// The whitespace-separated tokens of a text, as the charter's tokenizer gives them (punctuation attached).
func tokens(_ text: String) -> [String] {
    text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("spelling-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
