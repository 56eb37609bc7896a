import Configuration
import Diagnostics
import Spelling
import Yams

extension CharterConfiguration {
    /// `dictionaries: {fr: fr-comprehensive, en: en-GB}`: the hunspell dictionary of each language.
    /// An unknown value is an error at its line, listing the dictionaries of that language.
    static func readSpellingDictionaries(_ node: Node, into settings: inout CharterSettings, reader: YAMLReader, languages: [String],
                                         diagnostics: inout [Diagnostic]) {
        guard var entries = YAMLMappingReader(node, reader: reader, diagnostics: &diagnostics, what: "'dictionaries'") else { return }
        entries.reportUnknownKeys(known: languages, severity: .error, what: "dictionaries language")
        for language in languages {
            guard let value = entries.value(language) else { continue }
            let choices = SpellingDictionary.choices(for: language).map(\.rawValue)
            guard let name = value.scalar?.string, let dictionary = SpellingDictionary(name: name), dictionary.language == language else {
                let written = value.scalar?.string ?? "…"
                let message = choices.isEmpty ? "no spelling dictionary for the language '\(language)'"
                    : "unknown spelling dictionary '\(written)' for '\(language)'"
                diagnostics.append(.error(reader.location(of: value), message,
                                          hint: choices.isEmpty ? "spelling checks fr and en" : "use one of: \(choices.joined(separator: ", "))"))
                continue
            }
            settings.spellingDictionaries[language] = dictionary
        }
        diagnostics += entries.diagnostics
    }
}
