import CHyphen
import Foundation

/// Why a `SyllableCounter` could not be made.
public struct SyllableError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Counts syllables with hyphenation patterns (libhyphen), the method of pyphen/textstat.
///
/// A word has (hyphenation points + 1) syllables, which is what textstat counts with pyphen
/// (`len(pyphen.positions(word)) + 1`). The result equals pyphen's, point for point, because the
/// counter reproduces what pyphen does differently from libhyphen's defaults:
///
/// - **Word cleaning, as textstat's `count_syllables`**: textstat removes punctuation *before* it
///   splits the text into words, so "l'assurance" is counted as "lassurance" and "Royaume-Uni" as
///   "royaumeuni" (hyphens are removed, not split on). Exactly: every character that is neither a
///   letter, a digit, `_`, white space nor an ASCII apostrophe goes (typographic apostrophes and
///   hyphens included); an ASCII apostrophe goes too unless an English contraction ending follows it
///   (`t`, `s`, `d`, `ve`, `ll`, `re`, case-sensitive: "don't" and "worker's" keep theirs). What is
///   left is lowercased and split on white space, and the parts' syllables are added up.
///   In French no elision is followed by one of those endings, so every French apostrophe goes.
/// - **Minima of 2 characters on both sides** (pyphen's `left=2, right=2`, which textstat keeps),
///   whatever LEFTHYPHENMIN / RIGHTHYPHENMIN the dictionary says (hyph_en_US.dic says 3 on the right:
///   libhyphen alone would not split "on-ly").
/// - **One level of patterns**: pyphen reads every pattern of the file as one set. libhyphen, for a
///   file without `NEXTLEVEL`, adds a first "compound" level that cuts words at apostrophes and
///   hyphens and applies other minima around them; the counter therefore loads single-level
///   dictionaries with an empty first level (a `NEXTLEVEL` line after the encoding line), which is
///   how hyph_fr.dic is already written. Checked on 124,926 CMUdict words (en_US) and 75,686 words
///   of the hunspell French dictionary: the same number of points as pyphen 0.18.1 for every one.
///
/// Deliberate differences from textstat:
/// - a part without a letter (a number such as "183") counts 0 syllables; textstat counts 1;
/// - the word is put in Unicode NFC first (textstat drops a decomposed accent instead);
/// - for English, textstat ≥ 0.7.10 looks a word up in CMUdict (through nltk) first and uses pyphen
///   only for words missing there; this counter has no pronunciation dictionary and always uses the
///   patterns (about 94 % of the English words of the test texts get the same count either way; the
///   patterns mostly undercount: "area" 1 instead of 3, "about" 1 instead of 2);
/// - libhyphen treats digits inside a word as word boundaries, pyphen as letters ("covid19").
///
/// Thread safety: `hnj_hyphen_hyphenate2` only *reads* the dictionary (its states, transitions,
/// matches, minima, `nohyphen` list and next level). Everything it writes is either allocated by
/// the call itself (`prep_word`, `matchlen`, `matchindex`, `matchrepl`, and the buffers of the
/// recursive compound pass) or supplied by the caller (`hyphens`, `rep`, `pos`, `cut`), and libhyphen
/// keeps no global state (the only global, for its VERBOSE debug output, is not compiled in). The
/// dictionary is loaded and its minima set once, in `init`, and never changed after, so any number of
/// threads may hyphenate at once with no lock. The one lock guards the per-word cache.
public final class SyllableCounter: @unchecked Sendable {
    /// The language code given to `init`.
    public let language: String
    /// The hyphenation dictionary file in use.
    public let dictionaryPath: String

    private let dictionary: UnsafeMutablePointer<HyphenDict>
    /// True for a UTF-8 dictionary, false for ISO 8859-1.
    private let utf8: Bool
    private let cacheLock = NSLock()
    private var cache: [String: Int] = [:]
    /// A site has a vocabulary of some thousands of words; past this the cache starts again.
    private static let cacheLimit = 100_000

    /// language: "fr" or "en" (en uses hyph_en_US.dic). Throws a SyllableError with a readable message if the dictionary is missing.
    ///
    /// Other codes are looked for as `hyph_<code>.dic` ("de_DE", "it_IT"…); a region ("fr_CA", "en-GB")
    /// is dropped for fr and en, which always use hyph_fr.dic and hyph_en_US.dic.
    public init(language: String, dictionaryFolder: String = "/usr/share/hyphen") throws {
        self.language = language
        let code = language.replacingOccurrences(of: "-", with: "_")
        let root = code.split(separator: "_").first.map { $0.lowercased() } ?? ""
        let fileName: String
        let package: String
        switch root {
        case "fr": (fileName, package) = ("hyph_fr.dic", "hyphen-fr")
        case "en": (fileName, package) = ("hyph_en_US.dic", "hyphen-en-us")
        case "": throw SyllableError("No language given for the syllable counter.")
        default: (fileName, package) = ("hyph_\(code).dic", "the hyphen-* package of that language")
        }
        let path = (dictionaryFolder as NSString).appendingPathComponent(fileName)
        dictionaryPath = path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SyllableError("No hyphenation dictionary for the language \"\(language)\": \(path) cannot be read (install \(package)).")
        }
        var bytes = [UInt8](data)
        let firstLineEnd = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
        let encoding = String(decoding: bytes[..<firstLineEnd], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        switch encoding.uppercased() {
        case "UTF-8": utf8 = true
        case "ISO8859-1", "ISO-8859-1": utf8 = false
        default:
            throw SyllableError("The hyphenation dictionary \(path) is in the encoding \"\(encoding)\"; only UTF-8 and ISO8859-1 are supported.")
        }
        // One level of patterns, as pyphen reads them (see the type's documentation).
        let hasNextLevel = bytes.split(separator: UInt8(ascii: "\n")).contains { line in
            line.starts(with: Array("NEXTLEVEL".utf8))
        }
        if !hasNextLevel {
            if firstLineEnd == bytes.endIndex { bytes.append(UInt8(ascii: "\n")) }
            bytes.insert(contentsOf: Array("NEXTLEVEL\n".utf8), at: firstLineEnd + 1)
        }
        let loaded: UnsafeMutablePointer<HyphenDict>? = bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress, let file = fmemopen(base, buffer.count, "r") else { return nil }
            defer { fclose(file) }
            return hnj_hyphen_load_file(file)
        }
        guard let loaded else {
            throw SyllableError("The hyphenation dictionary \(path) could not be loaded by libhyphen.")
        }
        // pyphen's (and so textstat's) minima: at least 2 characters before and after a point.
        loaded.pointee.lhmin = 2
        loaded.pointee.rhmin = 2
        dictionary = loaded
    }

    deinit {
        hnj_hyphen_free(dictionary)
    }

    /// Syllables in one word (letters, possibly with apostrophes/hyphens inside); at least 1 for a word with a letter, 0 for none.
    public func syllables(in word: String) -> Int {
        cacheLock.lock()
        let cached = cache[word]
        cacheLock.unlock()
        if let cached { return cached }

        var count = 0
        for part in Self.textstatWords(word) where part.unicodeScalars.contains(where: Self.isLetter) {
            count += hyphenationPoints(part) + 1
        }

        cacheLock.lock()
        if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[word] = count
        cacheLock.unlock()
        return count
    }

    /// The hyphenation points libhyphen finds in a lowercased word without punctuation.
    func hyphenationPoints(_ word: String) -> Int {
        var bytes: [CChar]
        if utf8 {
            bytes = word.utf8.map { CChar(bitPattern: $0) }
        } else {
            // ISO 8859-1: one byte a character; a character outside it cannot match a pattern anyway.
            bytes = word.unicodeScalars.map { CChar(bitPattern: $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "?")) }
        }
        let size = bytes.count
        guard size > 0, size < Int(Int32.max) - 5 else { return 0 }
        let characters = word.unicodeScalars.count
        bytes.append(0) // libhyphen also reads the word as a C string (minima, nohyphen)
        var hyphens = [CChar](repeating: 0, count: size + 5)
        var rep: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        var pos: UnsafeMutablePointer<Int32>? = nil
        var cut: UnsafeMutablePointer<Int32>? = nil
        // rep, pos and cut must be pointers to nil, not nil: libhyphen reads *rep.
        _ = hnj_hyphen_hyphenate2(dictionary, bytes, Int32(size), &hyphens, nil, &rep, &pos, &cut)
        if let rep {
            for index in 0..<size { free(rep[index]) }
            free(rep)
        }
        free(pos)
        free(cut)
        // For a UTF-8 dictionary the vector is already indexed by character (hnj_hyphen_norm);
        // an odd digit after character i is a point between characters i and i + 1.
        var points = 0
        for index in 0..<max(characters - 1, 0) where hyphens[index] & 1 == 1 {
            points += 1
        }
        return points
    }

    /// The words textstat's `count_syllables` makes of `text` (lowercased, punctuation removed).
    static func textstatWords(_ text: String) -> [String] {
        let scalars = Array(text.precomposedStringWithCanonicalMapping.unicodeScalars)
        var kept = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "'" {
                if followedByContractionEnding(scalars, after: index) { kept.append(scalar) }
            } else if isWordCharacter(scalar) || scalar.properties.isWhitespace {
                kept.append(scalar)
            }
        }
        return String(kept).lowercased()
            .split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) })
            .map(String.init)
    }

    /// textstat's `'(?=[tsd]|ve|ll|re)`: the apostrophe of "don't", "worker's", "we've", "they're".
    private static func followedByContractionEnding(_ scalars: [Unicode.Scalar], after index: Int) -> Bool {
        let next = index + 1 < scalars.count ? scalars[index + 1] : nil
        let second = index + 2 < scalars.count ? scalars[index + 2] : nil
        switch next {
        case "t", "s", "d": return true
        case "v": return second == "e"
        case "l": return second == "l"
        case "r": return second == "e"
        default: return false
        }
    }

    /// Python's `\w`: a letter, a number (`str.isalnum`) or `_`.
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || isLetter(scalar) || scalar.properties.numericType != nil
    }

    /// Python's `str.isalpha` for one character: the letter categories.
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }
}
