import Foundation

/// The hunspell dictionaries a site may choose for a language (site.yml, `charter: dictionaries:`).
///
/// French has three Debian variants, which install the same files (fr_FR.aff, fr.aff…) and so conflict:
/// one at a time on a machine. `fr-comprehensive` ("toutes variantes") accepts both the classic and
/// the 1990 reformed spellings (fraîcheur and fraicheur, événement and évènement): the default, since
/// a public site receives texts written both ways. The variant of the installed files is read from the
/// header of the .aff file, so that a site asking for `fr-classical` is not checked with another variant
/// without a word. British and American English are two packages that install side by side: by default
/// both are used (`en-GB-US`: colour and color), since a public site receives texts written both ways.
public enum SpellingDictionary: String, CaseIterable, Sendable {
    case frenchComprehensive = "fr-comprehensive"
    case frenchClassical = "fr-classical"
    case frenchRevised = "fr-revised"
    case britishEnglish = "en-GB"
    case americanEnglish = "en-US"
    /// A word either the British or the American dictionary knows.
    case britishAndAmericanEnglish = "en-GB-US"

    /// The language code of the dictionary: "fr" or "en".
    public var language: String { String(rawValue.prefix(2)) }

    /// The dictionary a language gets when site.yml chooses none.
    public static func standard(for language: String) -> SpellingDictionary? {
        switch language {
        case "fr": .frenchComprehensive
        case "en": .britishAndAmericanEnglish
        default: nil
        }
    }

    /// The dictionaries a language may choose, in the order documented.
    public static func choices(for language: String) -> [SpellingDictionary] {
        allCases.filter { $0.language == language }
    }

    /// The choice written in site.yml (case and `_` for `-` do not matter: "en_GB", "EN-gb").
    public init?(name: String) {
        let folded = name.lowercased().replacing("_", with: "-")
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == folded }) else { return nil }
        self = match
    }

    /// The dictionaries loaded for this choice: itself, or British and American English for en-GB-US.
    var parts: [SpellingDictionary] {
        self == .britishAndAmericanEnglish ? [.britishEnglish, .americanEnglish] : [self]
    }

    /// The file names (without .aff/.dic) that may hold the dictionary, the first one preferred
    /// (en-GB-US is its `parts`, each with its own files).
    var fileNames: [String] {
        switch self {
        case .frenchComprehensive, .frenchClassical, .frenchRevised: ["fr_FR", "fr"]
        case .britishEnglish: ["en_GB"]
        case .americanEnglish: ["en_US"]
        case .britishAndAmericanEnglish: []
        }
    }

    /// The Debian package that installs the files.
    public var debianPackage: String {
        switch self {
        case .frenchComprehensive: "hunspell-fr-comprehensive"
        case .frenchClassical: "hunspell-fr-classical"
        case .frenchRevised: "hunspell-fr-revised"
        case .britishEnglish: "hunspell-en-gb"
        case .americanEnglish: "hunspell-en-us"
        case .britishAndAmericanEnglish: "hunspell-en-gb and hunspell-en-us"
        }
    }

    var languageName: String {
        switch self {
        case .frenchComprehensive: "French (classic and 1990 spellings)"
        case .frenchClassical: "French (classic spelling)"
        case .frenchRevised: "French (1990 reformed spelling)"
        case .britishEnglish: "British English"
        case .americanEnglish: "American English"
        case .britishAndAmericanEnglish: "British and American English"
        }
    }

    /// The words of the .aff header (Grammalecte's « AFFIXES DU DICTIONNAIRE ORTHOGRAPHIQUE FRANÇAIS “…” »)
    /// that name the French variant; nil for the English dictionaries, which have one variant each.
    var variantMark: String? {
        switch self {
        case .frenchComprehensive: "“TOUTES VARIANTES”"
        case .frenchClassical: "“CLASSIQUE”"
        case .frenchRevised: "“RÉFORME 1990”"
        case .britishEnglish, .americanEnglish, .britishAndAmericanEnglish: nil
        }
    }

    /// The French variant whose mark the header of `affixPath` carries; nil when it names none (an English
    /// dictionary, or French files from elsewhere, which are then trusted).
    static func installedVariant(affixPath: String) -> SpellingDictionary? {
        // The mark is on one of the first lines: 2 KB of the file is plenty.
        guard let handle = FileHandle(forReadingAtPath: affixPath) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 2048) else { return nil }
        let header = String(decoding: data, as: UTF8.self)
        return allCases.first { variant in variant.variantMark.map { header.contains($0) } ?? false }
    }

    /// The .aff and .dic files of this (single) dictionary in `folder`, checked: both readable, and for
    /// French the variant asked for (`askedFor`, named in the errors). Throws an error naming the Debian package.
    func files(in folder: String, askedFor: SpellingDictionary) throws -> (affix: String, dictionary: String) {
        let files = FileManager.default
        precondition(!fileNames.isEmpty, "files(in:) of a dictionary made of parts")
        let found = fileNames.first { files.isReadableFile(atPath: "\(folder)/\($0).aff") && files.isReadableFile(atPath: "\(folder)/\($0).dic") }
        guard let name = found else {
            let first = fileNames[0]
            let missing = files.isReadableFile(atPath: "\(folder)/\(first).aff") ? "\(folder)/\(first).dic" : "\(folder)/\(first).aff"
            let others = fileNames.dropFirst().map { "\($0).aff/.dic" }
            let alternatives = others.isEmpty ? "" : " (nor \(others.joined(separator: ", ")))"
            var isFolder: ObjCBool = false
            let folderNote = files.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue ? "" : " The folder \(folder) does not exist."
            throw SpellingError(
                .missingDictionary,
                "Missing \(languageName) spelling dictionary (\(askedFor.rawValue)): \(missing) not found\(alternatives).\(folderNote) "
                    + "Install the Debian package \(debianPackage) (apt-get install \(debianPackage)).")
        }
        // The French variants install the same files: the one installed must be the one asked for.
        if let installed = Self.installedVariant(affixPath: "\(folder)/\(name).aff"), installed != self {
            throw SpellingError(
                .missingDictionary,
                "The spelling dictionary \(rawValue) is asked for, but \(folder)/\(name).aff is \(installed.rawValue) "
                    + "(\(installed.debianPackage)). Install the Debian package \(debianPackage) (apt-get install \(debianPackage)), "
                    + "which replaces it, or choose \(installed.rawValue) in site.yml.")
        }
        return ("\(folder)/\(name).aff", "\(folder)/\(name).dic")
    }
}
