import Foundation
import Syllables

/// Fixtures/reference.json, written by make_reference.py from what textstat says about Fixtures/texts/.
struct Reference: Decodable {
    struct Word: Decodable {
        /// The token of the text, outer punctuation stripped ("l'assurance", "Royaume-Uni", "don't").
        let word: String
        /// textstat.syllable_count(token): CMUdict first for English, else pyphen.
        let textstat: Int
        /// len(pyphen.positions(w)) + 1 on textstat's cleaned word: the hyphenation-pattern method.
        let pyphen: Int
        /// "cmudict" or "pyphen": where textstat's count came from.
        let source: String
    }

    struct Text: Decodable {
        let file: String
        let language: String
        let words: Int
        let sentences: Int
        let syllables: Int
        let syllablesPyphen: Int
        let fleschReadingEase: Double
        let wordsDetail: [Word]
    }

    let textstatVersion: String
    let pyphenVersion: String
    let texts: [Text]

    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static let shared: Reference = {
        do {
            let data = try Data(contentsOf: fixtures.appendingPathComponent("reference.json"))
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return try decoder.decode(Reference.self, from: data)
        } catch {
            fatalError("Fixtures/reference.json cannot be read: \(error)")
        }
    }()

    func texts(in language: String) -> [Text] { texts.filter { $0.language == language } }
}

/// One counter per language for the whole test run (loading a dictionary takes a few milliseconds).
enum Counters {
    static let french = try! SyllableCounter(language: "fr")
    static let english = try! SyllableCounter(language: "en")
    static func counter(_ language: String) -> SyllableCounter { language == "fr" ? french : english }
}

extension String {
    var hasLetter: Bool { unicodeScalars.contains { $0.properties.isAlphabetic } }
}
