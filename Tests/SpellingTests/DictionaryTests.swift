import Foundation
import Testing
@testable import Spelling

@Suite("Dictionaries and encodings")
struct DictionaryTests {
    /// The SpellingError thrown by `body`, nil (and a recorded issue) when it throws none or another error.
    func spellingError(_ body: () throws -> Void) -> SpellingError? {
        do {
            try body()
            Issue.record("no error thrown")
        } catch let error as SpellingError {
            return error
        } catch {
            Issue.record("not a SpellingError: \(error)")
        }
        return nil
    }

    @Test func missingFolderNamesTheFileAndThePackage() throws {
        let french = try #require(spellingError { _ = try SpellChecker(language: "fr", dictionaryFolder: "/nonexistent/hunspell") })
        #expect(french.kind == .missingDictionary)
        #expect(french.message.contains("/nonexistent/hunspell/fr_FR.aff"), "\(french.message)")
        #expect(french.message.contains("hunspell-fr"), "\(french.message)")
        #expect(french.description == french.message)
        let english = try #require(spellingError { _ = try SpellChecker(language: "en", dictionaryFolder: "/nonexistent/hunspell") })
        #expect(english.message.contains("en_GB.aff") && english.message.contains("hunspell-en-gb"), "\(english.message)")
    }

    @Test func missingDicFileIsNamed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "SET UTF-8\n".write(to: folder.appendingPathComponent("en_GB.aff"), atomically: true, encoding: .utf8)
        let error = try #require(spellingError { _ = try SpellChecker(language: "en", dictionaryFolder: folder.path) })
        #expect(error.message.contains("\(folder.path)/en_GB.dic"), "\(error.message)")
        #expect(error.message.contains("hunspell-en-gb"))
    }

    @Test func unknownLanguageIsRefused() {
        #expect(throws: SpellingError(.unsupportedLanguage, "No spelling dictionary for the language \"de\": the site checks \"fr\" and \"en\".")) {
            try SpellChecker(language: "de")
        }
        #expect((try? SpellChecker(language: "fr-FR"))?.language == "fr")
        #expect((try? SpellChecker(language: "en_GB"))?.language == "en")
    }

    /// A small ISO8859-1 dictionary (the SET of older French and English dictionaries): words are
    /// converted to it and suggestions converted back.
    @Test func latin1DictionaryIsConverted() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("SET ISO8859-1\nTRY éèaeiouçtsrdlf\n".utf8).write(to: folder.appendingPathComponent("fr_FR.aff"))
        let words = "4\nétat\nfaçade\nsécurité\nsociale\n"
        try #require(words.data(using: .isoLatin1)).write(to: folder.appendingPathComponent("fr_FR.dic"))
        let checker = try SpellChecker(language: "fr", dictionaryFolder: folder.path)
        #expect(checker.dictionaryEncoding == "ISO8859-1")
        #expect(checker.isCorrect("état"))
        #expect(checker.isCorrect("façade"))
        #expect(checker.isCorrect("l’état"))
        #expect(!checker.isCorrect("etat"))
        #expect(checker.suggestions(for: "etat").first == "état")
        #expect(checker.suggestions(for: "securité").first == "sécurité")
        // A Latin letter ISO8859-1 cannot hold: the dictionary cannot know the word.
        #expect(!checker.isCorrect("œuvre"))
        #expect(!checker.isCorrect("ŵétat"))
        // Another script: not this dictionary's business.
        #expect(checker.isCorrect("Ελλάδα"))
    }

    @Test func singleByteTables() throws {
        let latin9 = try #require(DictionaryEncoding(setName: "ISO8859-15"))
        let bytes = try #require(latin9.encode("œuvre 10 €"))
        #expect(bytes.map { UInt8(bitPattern: $0) } == [0xBD, 0x75, 0x76, 0x72, 0x65, 0x20, 0x31, 0x30, 0x20, 0xA4, 0])
        #expect(bytes.withUnsafeBufferPointer { latin9.decode($0.baseAddress!) } == "œuvre 10 €")
        let latin1 = try #require(DictionaryEncoding(setName: "iso8859-1"))
        #expect(latin1.encode("œuvre") == nil)
        #expect(latin1.unrepresentableScalars(in: "cœur €") == ["œ", "€"])
        #expect(DictionaryEncoding(setName: "UTF-8") == .utf8)
        #expect(DictionaryEncoding(setName: "KOI8-R") == nil)
    }
}
