import Foundation
import Testing
@testable import Spelling

/// The dictionaries a French public site expects: both French spellings by default, British or American English.
@Suite("Dictionary choice")
struct DictionaryChoiceTests {
    @Test(arguments: ["fraicheur", "fraîcheur", "voute", "voûte", "évènement", "événement", "connait", "connaît", "ognon", "oignon"])
    func frenchAcceptsTheClassicAndThe1990Spellings(_ word: String) {
        #expect(Checkers.french.isCorrect(word), "\(word)")
    }

    @Test func englishIsBritishAndAmericanByDefaultOrOneOfThem() throws {
        for word in ["colour", "color", "organisation", "organization", "anonymise", "anonymize", "watchlist", "centre", "center"] {
            #expect(Checkers.english.isCorrect(word), "\(word)")
        }
        let british = try SpellChecker(language: "en", dictionary: .britishEnglish)
        #expect(british.isCorrect("colour") && !british.isCorrect("color"))
        let american = try SpellChecker(language: "en", dictionary: .americanEnglish)
        #expect(american.isCorrect("color") && !american.isCorrect("colour"))
        #expect(!Checkers.english.isCorrect("colur"))
    }

    @Test func namesAreReadWhateverTheirCase() {
        #expect(SpellingDictionary(name: "en_GB") == .britishEnglish)
        #expect(SpellingDictionary(name: "EN-us") == .americanEnglish)
        #expect(SpellingDictionary(name: "fr-classical") == .frenchClassical)
        #expect(SpellingDictionary(name: "fr-classic") == nil)
        #expect(SpellingDictionary.choices(for: "fr").map(\.rawValue) == ["fr-comprehensive", "fr-classical", "fr-revised"])
        #expect(SpellingDictionary.choices(for: "en").map(\.rawValue) == ["en-GB", "en-US", "en-GB-US"])
    }

    /// A French variant other than the one asked for is installed: an error naming the package to install.
    @Test func anotherInstalledFrenchVariantIsAnError() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "# AFFIXES DU DICTIONNAIRE ORTHOGRAPHIQUE FRANÇAIS “CLASSIQUE” v7.0\nSET UTF-8\n"
            .write(to: folder.appendingPathComponent("fr_FR.aff"), atomically: true, encoding: .utf8)
        try "1\nfraîcheur\n".write(to: folder.appendingPathComponent("fr_FR.dic"), atomically: true, encoding: .utf8)
        let classical = try SpellChecker(language: "fr", dictionary: .frenchClassical, dictionaryFolder: folder.path)
        #expect(classical.isCorrect("fraîcheur") && !classical.isCorrect("fraicheur"))
        do {
            _ = try SpellChecker(language: "fr", dictionaryFolder: folder.path)
            Issue.record("the classical files were taken for fr-comprehensive")
        } catch let error as SpellingError {
            #expect(error.kind == .missingDictionary)
            #expect(error.message.contains("fr-comprehensive") && error.message.contains("apt-get install hunspell-fr-comprehensive"), "\(error.message)")
            #expect(error.message.contains("fr-classical"), "\(error.message)")
        }
    }

    @Test func aMissingBritishDictionaryNamesItsPackage() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "SET UTF-8\n".write(to: folder.appendingPathComponent("en_US.aff"), atomically: true, encoding: .utf8)
        try "1\ncolor\n".write(to: folder.appendingPathComponent("en_US.dic"), atomically: true, encoding: .utf8)
        #expect(throws: SpellingError.self) { try SpellChecker(language: "en", dictionaryFolder: folder.path) }
        do {
            _ = try SpellChecker(language: "en", dictionaryFolder: folder.path)
        } catch let error as SpellingError {
            #expect(error.message.contains("\(folder.path)/en_GB.aff") && error.message.contains("hunspell-en-gb"), "\(error.message)")
        }
        #expect(try SpellChecker(language: "en", dictionary: .americanEnglish, dictionaryFolder: folder.path).isCorrect("color"))
        #expect(throws: SpellingError.self) { try SpellChecker(language: "en", dictionary: .britishEnglish, dictionaryFolder: folder.path) }
    }

    @Test func aDictionaryOfAnotherLanguageIsRefused() {
        #expect(throws: SpellingError.self) { try SpellChecker(language: "fr", dictionary: .britishEnglish) }
    }
}
