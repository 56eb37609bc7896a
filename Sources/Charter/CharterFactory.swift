import Diagnostics

/// Builds the checker with the language resources of this machine (hyphenation patterns, dictionaries).
public enum CharterFactory {
    public static func checker(settings: CharterSettings, languages: [String]) throws(DiagnosticsError) -> CharterChecker {
        CharterChecker(settings: settings)
    }
}
