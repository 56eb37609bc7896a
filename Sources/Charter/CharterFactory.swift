import Diagnostics
import Spelling
import Support
import Syllables

/// Builds the checker with the language resources of this machine: hyphenation patterns for syllables
/// (Debian's hyphen-fr, hyphen-en-us) and, when linked, hunspell dictionaries for spelling.
public enum CharterFactory {
    public static func checker(settings: CharterSettings, languages: [String]) throws(DiagnosticsError) -> CharterChecker {
        var syllables: [String: any SyllableCounting] = [:]
        var spelling: [String: any SpellingChecking] = [:]
        var problems: [Diagnostic] = []
        for language in languages {
            do {
                syllables[language] = try SyllableCounter(language: language)
            } catch {
                problems.append(.error(SourceLocation(file: "site.yml"), "no syllable counting for '\(language)': \(error)",
                                       hint: "install the hyphenation patterns of that language (Debian: hyphen-fr, hyphen-en-us)"))
            }
        }
        // Loading a dictionary costs time (~0.06 s each): only when the rule is on, and the languages at once.
        let spellingLanguages = settings.severity(of: .spelling) == nil ? [] : languages
        for (language, loaded) in zip(spellingLanguages, spellingLanguages.concurrentMap { language in
            Result {
                let lexicon = settings.usesLexicon ? LexiconFile.load(language: language) : Lexicon()
                return try SpellChecker(language: language, extraWords: settings.words + lexicon.words,
                                        wordsLikeModels: lexicon.wordsLikeModels, dictionary: settings.spellingDictionaries[language])
            }
        }) {
            do {
                spelling[language] = try loaded.get()
            } catch {
                problems.append(.error(SourceLocation(file: "site.yml"), "no spelling dictionary for '\(language)': \(error)",
                                       hint: "install the Debian package named above, or choose another dictionary in site.yml (charter: dictionaries:)"))
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return CharterChecker(settings: settings, syllables: syllables, spelling: spelling)
    }
}

extension SyllableCounter: SyllableCounting {}
extension SpellChecker: SpellingChecking {}
