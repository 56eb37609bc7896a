/// The description `cleiss-site new` and `translate` write until an editor writes the real one: the
/// charter's front-matter rule reports it, so that a page cannot go out with it unnoticed, while the
/// page still builds and shows in the preview (an empty description would stop the build).
public enum DescriptionPlaceholder {
    /// Per language; a language without its own text gets the English one.
    static let texts = [
        "fr": "À écrire : une phrase qui dit à quoi sert la page.",
        "en": "To write: one sentence that says what the page is for.",
    ]

    public static func text(for language: String) -> String { texts[language] ?? texts["en"]! }

    public static func isPlaceholder(_ description: String) -> Bool { texts.values.contains(description) }
}

/// The first line of the block `cleiss-site translate` writes: the original text, quoted, for the
/// translator. A page that still holds it is a translation in progress (`report` lists it), and the
/// charter reports it on a page that is no longer a draft, which would publish the untranslated text.
public enum TranslationInProgress {
    public static let marker = "<!-- cleiss-site: to translate -->"

    public static func isMarked(_ body: String) -> Bool { body.contains(marker) }
}
