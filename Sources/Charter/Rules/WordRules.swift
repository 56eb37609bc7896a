/// `plain-words`: words and phrases with a plainer equivalent, from the built-in lists and the configuration.
struct PlainWordsRule: CharterRule {
    let id = RuleID.plainWords
    /// Per language, the phrases of the settings that apply to its pages, indexed once for every page.
    let indexes: [String: PlainWordIndex]

    init(settings: CharterSettings) {
        var indexes: [String: PlainWordIndex] = [:]
        for language in Set(settings.plainWords.keys).union(settings.languageOverrides.keys) {
            indexes[language] = PlainWordIndex(settings.forLanguage(language).plainWords[language] ?? [])
        }
        self.indexes = indexes
    }

    func check(_ page: PageAnalysis) -> [Finding] {
        let words = page.settings.plainWords[page.language] ?? []
        guard !words.isEmpty else { return [] }
        let index = indexes[page.language].flatMap { $0.phrases == words ? $0 : nil } ?? PlainWordIndex(words)
        var findings: [Finding] = []
        for block in page.document.blocks {
            let text = block.text.scalars
            var position = 0
            while position < text.count {
                defer { position += 1 }
                guard let candidates = index.candidates(startingWith: TextMatching.fold(text[position])),
                      position == 0 || !Tokenizer.isWordCharacter(TextMatching.fold(text[position - 1])) else { continue }
                guard let word = candidates.first(where: { TextMatching.matches($0.folded, in: text, at: position) }) else { continue }
                if let finding = page.finding(id, at: block.text.point(at: position), "“\(word.phrase)” has a plainer equivalent.",
                                              suggestion: "Write “\(word.suggestion)”.") {
                    findings.append(finding)
                }
                position += word.folded.count - 1
            }
        }
        return findings
    }
}

/// Phrases by their first folded character, longest first within each: each word start of a text is
/// tried against a few of them only.
struct PlainWordIndex: Sendable {
    let phrases: [PlainWord]
    private var ascii: [[PlainWord]] = Array(repeating: [], count: 128)
    private var others: [Unicode.Scalar: [PlainWord]] = [:]

    init(_ phrases: [PlainWord]) {
        self.phrases = phrases
        for phrase in phrases where !phrase.folded.isEmpty {
            let first = phrase.folded[0]
            if first.isASCII { ascii[Int(first.value)].append(phrase) } else { others[first, default: []].append(phrase) }
        }
    }

    @inline(__always)
    func candidates(startingWith first: Unicode.Scalar) -> [PlainWord]? {
        if first.isASCII {
            let list = ascii[Int(first.value)]
            return list.isEmpty ? nil : list
        }
        return others.isEmpty ? nil : others[first]
    }
}

/// Matching of words in prose: case-insensitive, with ’ read as ', on whole words only.
enum TextMatching {
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.value < ScalarTraits.tableSize ? ScalarTraits.foldTable[Int(scalar.value)] : referenceFold(scalar)
    }

    static func referenceFold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return scalar.value >= 65 && scalar.value <= 90 ? Unicode.Scalar(scalar.value + 32)! : scalar
        }
        if scalar == "’" { return "'" }
        if scalar == "\u{00A0}" || scalar == "\u{202F}" { return " " }
        guard scalar.properties.isUppercase else { return scalar }
        return scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
    }

    /// Whether `needle` (folded) stands at `index` of `haystack` (as written) as whole words (no letter or digit right after it).
    static func matches(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + needle.count <= haystack.count else { return false }
        for offset in needle.indices where fold(haystack[index + offset]) != needle[offset] { return false }
        return index + needle.count == haystack.count || !Tokenizer.isWordCharacter(fold(haystack[index + needle.count]))
    }
}

/// `link-text`: link text that says nothing out of context, or a bare URL as text.
struct LinkTextRule: CharterRule {
    let id = RuleID.linkText

    func check(_ page: PageAnalysis) -> [Finding] {
        let vague = page.settings.vagueLinkTexts[page.language] ?? []
        return page.document.links.compactMap { link in
            var text = link.text.trimmingCharacters(in: .whitespaces).lowercased()
            while let last = text.last, ".:;!?…,".contains(last) { text.removeLast() }
            text = text.trimmingCharacters(in: .whitespaces)
            let isURL = ["http://", "https://", "www."].contains { text.hasPrefix($0) }
            guard vague.contains(text) || isURL else { return nil }
            let message = isURL ? "The link text is a bare URL." : "The link text “\(link.text)” says nothing out of context."
            return page.finding(id, at: link.start, message, suggestion: "Say where the link goes, for example with the title of the page it opens.")
        }
    }
}

import Foundation
