import Diagnostics

/// "did you mean …?" for a misspelt name in a template, by the site's one suggester (`Suggestions`),
/// held closer than for site.yml: at most a third of the name's length, at least one edit, since a
/// template's names are short and many (`url`, `lang`).
enum Suggestion {
    /// `; did you mean “title”?` or nothing.
    static func hint(for name: String, among candidates: some Sequence<String>) -> String {
        Suggestions.closest(to: name, among: candidates, tolerance: { max(1, $0 / 3) }).map { "; did you mean “\($0)”?" } ?? ""
    }
}
