import ContentLoading
import Foundation
import Testing
@testable import Charter

/// The checker's fast paths (tables, byte comparisons, packed keys) against the direct answers they stand
/// for: on every code point where that is cheap, on seeded random texts elsewhere.
@Suite struct FastPathTests {
    /// A small deterministic generator (SplitMix64): the same texts on every run.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    /// Pieces that exercise the corners: abbreviations, initials, elisions, decomposed accents, capitals,
    /// no-break spaces, closing quotes, digits of other scripts, placeholders.
    static let pieces = [
        "M.", "Mme", "MME.", "Ste.", "STE.", "réf.", "RÉF.", "Éd.", "ÿ.", "µ.", "ª.", "×.", "art.", "l'art.", "l’art.", "etc.", "etc…", "e.g.", "i.e.", "n°", "N°", "c.-à-d.", "c.-a\u{300}-d.", "Réf.", "ÉD.", "tél.",
        "Dupont", "dossier.", "carte.", "mois.", "reçoit.", "signé.", "A.", "b.", "É.", "İ.", "ǅ.", "Ω.", "ß.", "approx.", "approxi.",
        "«", "»", "“", "”", "\"", "(", ")", "]", "’", "'", "!", "?", "…", "...", ":", ";", ",", "2,5", "3.5", "١٢", "Ⅻ", "½",
        "\u{FFFC}", "\u{00A0}", "\u{202F}", "\n", "\t", " ", " ", " ", "le", "Le", "de", "afin", "AFIN", "Afin", "à", "À", "dès", "lors", "que",
        "compter", "réceptionner", "d'obtenir", "d’une", "sein", "au", "RÉCEPTIONNER", "effet", "l'effet", "être", "Être", "mesure", "In", "order", "to", "ORDER", "cafe\u{301}",
        "\u{301}", "x\u{301}.", "ǲ", "ﬁn", "ＣＡＰＳ", "CFE", "CPAMs", "TVA", "UE", "2ème", "1ère", "4ieme", "A1", "883/2004", "😀", "\u{0600}'",
        "Jan.", "JANV.", "sept.", "No.", "U.S.", "a.m.", "J.-C.", "Ω.Ψ.", "Prof.", "The", "Puis", "L'", "Lorsqu’", "Smith", "L.", "12",
    ]

    static func randomTexts(count: Int, seed: UInt64) -> [[Unicode.Scalar]] {
        var generator = Seeded(state: seed)
        return (0..<count).map { _ in
            let length = Int.random(in: 0...40, using: &generator)
            var text = ""
            for _ in 0..<length {
                text += pieces.randomElement(using: &generator)!
                if Int.random(in: 0..<3, using: &generator) > 0 { text += " " }
            }
            return Array(text.unicodeScalars)
        }
    }

    @Test func characterClassesAgreeWithUnicodePropertiesOnEveryCodePoint() {
        var mismatches: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if ScalarTraits.traits(scalar) != ScalarTraits.referenceTraits(scalar) || TextMatching.fold(scalar) != TextMatching.referenceFold(scalar) {
                mismatches.append(value)
            }
        }
        #expect(mismatches.isEmpty)
        for value in UInt8.min...UInt8.max {
            let scalar = Unicode.Scalar(value)
            #expect(Array(String(scalar).lowercased().unicodeScalars) == [Tokenizer.latin1Lowercase(scalar)], "U+\(String(value, radix: 16))")
        }
    }

    @Test func sentencesAreTheReferenceOnes() {
        for scalars in Self.randomTexts(count: 3000, seed: 1) {
            #expect(Tokenizer.sentences(in: scalars) == ReferenceTokenizer.sentences(in: scalars), "\(String(String.UnicodeScalarView(scalars)).debugDescription)")
        }
    }

    @Test func plainWordsAreFoundWhereTheDirectComparisonFindsThem() throws {
        let lists = BuiltInLists.plainWords()
        for (language, phrases) in lists {
            let extra = [PlainWord(phrase: "à", suggestion: "a"), PlainWord(phrase: "x\u{301}", suggestion: "x")]
            let index = PlainWordIndex(phrases + extra)
            for scalars in Self.randomTexts(count: 400, seed: 2) {
                for position in scalars.indices {
                    let first = TextMatching.fold(scalars[position])
                    let direct = (phrases + extra).first { Self.directMatch($0.folded, in: scalars, at: position) }
                    let found = index.mayStart(in: scalars, at: position, with: first) ? index.firstMatch(in: scalars, at: position, startingWith: first) : nil
                    #expect(found?.phrase == direct?.phrase, "\(language) at \(position) of \(String(String.UnicodeScalarView(scalars)).debugDescription)")
                }
            }
        }
    }

    static func directMatch(_ needle: [Unicode.Scalar], in text: [Unicode.Scalar], at index: Int) -> Bool {
        guard !needle.isEmpty, index + needle.count <= text.count else { return false }
        for offset in needle.indices where TextMatching.referenceFold(text[index + offset]) != needle[offset] { return false }
        return index + needle.count == text.count || needle.last == "'" || !Tokenizer.isWordCharacter(TextMatching.referenceFold(text[index + needle.count]))
    }

    @Test func utf8IsDecodedAsStringDecodesIt() {
        var generator = Seeded(state: 3)
        let samples: [[UInt8]] = (0..<20000).map { _ in
            (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                // Mostly lead and continuation bytes, so that invalid and truncated sequences are frequent.
                [UInt8.random(in: 0...0x7F, using: &generator), UInt8.random(in: 0x80...0xBF, using: &generator),
                 UInt8.random(in: 0xC0...0xFF, using: &generator)].randomElement(using: &generator)!
            }
        } + ["café", "😀x", "\u{FFFC}", "ǅ"].map { Array($0.utf8) }
        for bytes in samples {
            var scalars: [Unicode.Scalar] = [" "]
            let decoded = UTF8Decoding.append(bytes, to: &scalars)
            let expected: [Unicode.Scalar] = [" "] + Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
            if decoded { #expect(scalars == expected, "\(bytes)") } else { #expect(scalars == [" "] && String(validating: bytes, as: UTF8.self) == nil, "\(bytes)") }
        }
    }

    @Test func sourceLinesAreTheLinesStringSplitGives() {
        let texts = ["", "\n", "a", "a\n", "a\r\nb\nc", "\r\n\r\n", "é\nà\u{301}\n\n😀", "x\n\u{301}y", "a\rb\n"]
        for text in texts {
            let lines = SourceLines(text)
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.strings == expected, "\(text.debugDescription)")
            for (number, line) in expected.enumerated() {
                #expect(lines.scalars(line: number + 1) == Array(line.unicodeScalars))
                for prefix in 0...line.utf8.count + 1 {
                    let count = String(decoding: line.utf8.prefix(prefix), as: UTF8.self).unicodeScalars.count
                    #expect(lines.characterCount(line: number + 1, prefixBytes: prefix) == count, "\(line.debugDescription) \(prefix)")
                }
            }
        }
    }

    @Test func scalarKeyTableKeepsEveryKeyAndStartsAgainPastItsLimit() {
        var table = ScalarKeyTable<Int>(limit: 5000)
        let keys = (0..<4000).map { Array("mot\($0)é".unicodeScalars) }
        for (value, key) in keys.enumerated() { #expect(table.value(for: key[...]) { value } == value) }
        var made = 0
        for (value, key) in keys.enumerated() { #expect(table.value(for: key[...]) { made += 1; return -1 } == value) }
        #expect(made == 0)
        for value in 4000..<6000 { _ = table.value(for: Array("autre\(value)".unicodeScalars)[...]) { value } }
        #expect(table.value(for: Array("autre5999".unicodeScalars)[...]) { -1 } == 5999)
        #expect(table.value(for: keys[0][...]) { -1 } == -1, "the table started again at its limit")
        #expect(table.value(for: [][...]) { 7 } == 7)
        #expect(table.value(for: [][...]) { 8 } == 7)
    }

    @Test func checkingPagesInParallelGivesTheSequentialResults() throws {
        let corpus = Bundle.module.url(forResource: "Corpus", withExtension: nil)!
        var pages: [SourcePage] = []
        for language in ["fr", "en"] {
            let folder = corpus.appendingPathComponent(language)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".md") {
                let file = "Content/\(language)/\(name)"
                let parsed = try FrontMatterParser.parse(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8), file: file, audiences: [])
                pages.append(SourcePage(language: language, path: file, relativePath: name, kind: .page, frontMatter: parsed.frontMatter,
                                        body: parsed.body, bodyFirstLine: parsed.bodyFirstLine))
            }
        }
        #expect(pages.count >= 90)
        let checker = CharterChecker(settings: try #require(CharterSettings.profile("public")), syllables: ["fr": LetterCount(), "en": LetterCount()])
        let parallel = checker.check(pages: pages + pages)
        let sequential = (pages + pages).map { checker.check($0) }
        #expect(parallel.map(\.findings) == sequential.map(\.findings))
        #expect(parallel.map(\.statistics) == sequential.map(\.statistics))
    }

    /// A stand-in syllable counter: one syllable per three letters.
    struct LetterCount: SyllableCounting {
        func syllables(in word: String) -> Int { word.unicodeScalars.count { Tokenizer.isLetter($0) } / 3 + 1 }
    }
}

/// The sentence splitter as it was before its fast paths, kept as the oracle of `sentencesAreTheReferenceOnes`.
enum ReferenceTokenizer {
    static func sentences(in scalars: [Unicode.Scalar]) -> [TextSpan] {
        var sentences: [TextSpan] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            if ".!?…".unicodeScalars.contains(scalars[index]) {
                var end = index + 1
                while end < scalars.count && (".!?…".unicodeScalars.contains(scalars[end]) || "»\"”’')]\u{00A0}\u{202F}".unicodeScalars.contains(scalars[end])) { end += 1 }
                var lookahead = end
                while lookahead < scalars.count && Tokenizer.referenceIsSpace(scalars[lookahead]) { lookahead += 1 }
                if lookahead < scalars.count && "»”)".unicodeScalars.contains(scalars[lookahead]) { end = lookahead + 1 }
                if isBoundary(scalars, punctuation: index, after: end) {
                    append(&sentences, scalars, TextSpan(start: start, end: end))
                    start = end
                }
                index = end
                continue
            }
            index += 1
        }
        append(&sentences, scalars, TextSpan(start: start, end: scalars.count))
        return sentences
    }

    static func append(_ sentences: inout [TextSpan], _ scalars: [Unicode.Scalar], _ span: TextSpan) {
        var trimmed = span
        while trimmed.start < trimmed.end && Tokenizer.referenceIsSpace(scalars[trimmed.start]) { trimmed.start += 1 }
        while trimmed.end > trimmed.start && Tokenizer.referenceIsSpace(scalars[trimmed.end - 1]) { trimmed.end -= 1 }
        if !Tokenizer.words(in: scalars, range: trimmed).isEmpty { sentences.append(trimmed) }
    }

    static func isBoundary(_ scalars: [Unicode.Scalar], punctuation: Int, after: Int) -> Bool {
        if after >= scalars.count { return true }
        guard Tokenizer.referenceIsSpace(scalars[after]) else { return false }
        var next = after
        while next < scalars.count && Tokenizer.referenceIsSpace(scalars[next]) { next += 1 }
        if next >= scalars.count { return true }
        let first = scalars[next]
        guard first.properties.isUppercase || first.properties.numericType != nil || "«\"“(¿¡".unicodeScalars.contains(first) || first == ProseText.placeholder
        else { return false }
        if scalars[punctuation] == "." {
            var wordStart = punctuation
            while wordStart > 0 && !Tokenizer.referenceIsSpace(scalars[wordStart - 1]) && scalars[wordStart - 1] != "(" { wordStart -= 1 }
            var word = String(String.UnicodeScalarView(scalars[wordStart..<punctuation])).lowercased()
            if let apostrophe = word.lastIndex(where: { $0 == "'" || $0 == "’" }) { word = String(word[word.index(after: apostrophe)...]) }
            if let kind = Abbreviation.kind(of: word) { return !Abbreviation.continuesSentence(kind, scalars, next: next) }
        }
        return true
    }
}
