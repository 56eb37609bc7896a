import Foundation

/// The lexicon shipped with the checker: correct words of the field that hunspell's dictionaries lack
/// (Urssaf, Cnav, pseudonymisation, GitLab, webhook…), added to the site's `words:` unless site.yml says
/// `lexicon: false`. Files of the module's resources: `lexicon.names.txt` (proper names, every language)
/// and `lexicon.<language>.txt`; see `Resources/README.md` for their format.
struct Lexicon: Sendable {
    var words: [String] = []
    /// Words that take the endings of a model word hunspell knows ("pseudonymiser like anonymiser").
    var wordsLikeModels: [(word: String, model: String)] = []
}

enum LexiconFile {
    /// The shared names and the words of `language`.
    static func load(language: String) -> Lexicon {
        var lexicon = Lexicon()
        for name in ["lexicon.names", "lexicon.\(language)"] {
            guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources"),
                  let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let part = parse(text)
            lexicon.words += part.words
            lexicon.wordsLikeModels += part.wordsLikeModels
        }
        return lexicon
    }

    /// One entry a line: `word`, or `word like model`; `#` starts a comment.
    static func parse(_ text: String) -> Lexicon {
        var lexicon = Lexicon()
        for line in text.split(whereSeparator: \.isNewline) {
            let entry = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let fields = entry.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if fields.count == 3 && fields[1] == "like" {
                lexicon.wordsLikeModels.append((fields[0], fields[2]))
            } else if fields.count == 1 {
                lexicon.words.append(fields[0])
            }
        }
        return lexicon
    }
}
