import Diagnostics
import Syllables

/// Builds the checker with the language resources of this machine: hyphenation patterns for syllables
/// (Debian's hyphen-fr, hyphen-en-us) and, when linked, hunspell dictionaries for spelling.
public enum CharterFactory {
    public static func checker(settings: CharterSettings, languages: [String]) throws(DiagnosticsError) -> CharterChecker {
        var syllables: [String: any SyllableCounting] = [:]
        var problems: [Diagnostic] = []
        for language in languages {
            do {
                syllables[language] = try SyllableCounter(language: language)
            } catch {
                problems.append(.error(SourceLocation(file: "site.yml"), "no syllable counting for '\(language)': \(error)",
                                       hint: "install the hyphenation patterns of that language (Debian: hyphen-fr, hyphen-en-us)"))
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return CharterChecker(settings: settings, syllables: syllables)
    }
}

extension SyllableCounter: SyllableCounting {}
