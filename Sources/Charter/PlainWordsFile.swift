import Foundation
import Yams

/// Reads the built-in plain-words lists shipped as resources of this module (format: `Resources/README.md`).
enum PlainWordsFile {
    /// An entry of a list, with the example sentences that show its suggestion reads correctly in place.
    struct Entry {
        var word: PlainWord
        /// A sentence where the phrase occurs, and the same sentence with the first alternative that fits.
        var example: String?
        var rewrite: String?
        /// Sentences where the phrase must not be reported (a longer phrase is, or no entry is).
        var untouched: [String]
    }

    static func load(language: String) -> [PlainWord] {
        sortedForMatching(entries(language: language).map(\.word))
    }

    static func entries(language: String) -> [Entry] {
        guard let url = Bundle.module.url(forResource: "plain-words.\(language)", withExtension: "yml", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8),
              let items = (try? Yams.compose(yaml: text))?.sequence else { return [] }
        return items.compactMap { item -> Entry? in
            guard let phrase = item["phrase"]?.string, let suggestion = item["suggestion"] else { return nil }
            // One wording, or a list of them when the right one depends on the sentence.
            let alternatives = suggestion.string.map { [$0] } ?? (suggestion.sequence ?? []).compactMap(\.string)
            guard !alternatives.isEmpty else { return nil }
            return Entry(word: PlainWord(phrase: phrase, alternatives: alternatives), example: item["example"]?.string,
                         rewrite: item["rewrite"]?.string, untouched: (item["untouched"]?.sequence ?? []).compactMap(\.string))
        }
    }

    /// Longest phrases first, so that "effectuer une demande" wins over "effectuer".
    static func sortedForMatching(_ words: [PlainWord]) -> [PlainWord] {
        words.sorted { ($0.phrase.count, $0.phrase) > ($1.phrase.count, $1.phrase) }
    }
}
