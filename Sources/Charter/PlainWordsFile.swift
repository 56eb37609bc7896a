import Foundation
import Yams

/// Reads the built-in plain-words lists shipped as resources of this module.
enum PlainWordsFile {
    static func load(language: String) -> [PlainWord] {
        guard let url = Bundle.module.url(forResource: "plain-words.\(language)", withExtension: "yml", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8),
              let items = (try? Yams.compose(yaml: text))?.sequence else { return [] }
        let words = items.compactMap { item -> PlainWord? in
            guard let phrase = item["phrase"]?.string, let suggestion = item["suggestion"]?.string else { return nil }
            return PlainWord(phrase: phrase, suggestion: suggestion)
        }
        return sortedForMatching(words)
    }

    /// Longest phrases first, so that "effectuer une demande" wins over "effectuer".
    static func sortedForMatching(_ words: [PlainWord]) -> [PlainWord] {
        words.sorted { ($0.phrase.count, $0.phrase) > ($1.phrase.count, $1.phrase) }
    }
}
