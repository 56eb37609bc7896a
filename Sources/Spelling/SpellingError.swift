/// Why a `SpellChecker` could not be made. `message` is meant to be shown as is to whoever runs the build.
public struct SpellingError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The language is neither French nor English.
        case unsupportedLanguage
        /// The .aff or .dic file of the language is not in the dictionary folder.
        case missingDictionary
        /// The dictionary declares a character set (`SET` line of the .aff file) this module cannot convert to.
        case unsupportedEncoding
        /// hunspell could not load the files.
        case unreadableDictionary
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
