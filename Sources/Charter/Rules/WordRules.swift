/// `plain-words`: words and phrases with a plainer equivalent, from the built-in lists and the configuration.
struct PlainWordsRule: CharterRule {
    let id = RuleID.plainWords

    func check(_ page: PageAnalysis) -> [Finding] {
        let words = page.settings.plainWords[page.language] ?? []
        guard !words.isEmpty else { return [] }
        // Phrases by their first letter, longest first: each word start of the text is tried against a few of them only.
        let byFirst = Dictionary(grouping: words.filter { !$0.folded.isEmpty }, by: { $0.folded[0] })
        var findings: [Finding] = []
        for block in page.document.blocks {
            let text = block.text.scalars.map(TextMatching.fold)
            var index = 0
            while index < text.count {
                defer { index += 1 }
                guard let candidates = byFirst[text[index]], index == 0 || !Tokenizer.isWordCharacter(text[index - 1]) else { continue }
                guard let word = candidates.first(where: { TextMatching.matches($0.folded, in: text, at: index) }) else { continue }
                if let finding = page.finding(id, at: block.text.point(at: index), "“\(word.phrase)” has a plainer equivalent.",
                                              suggestion: "Write “\(word.suggestion)”.") {
                    findings.append(finding)
                }
                index += word.folded.count - 1
            }
        }
        return findings
    }
}

/// Matching of words in prose: case-insensitive, with ’ read as ', on whole words only.
enum TextMatching {
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return scalar.value >= 65 && scalar.value <= 90 ? Unicode.Scalar(scalar.value + 32)! : scalar
        }
        if scalar == "’" { return "'" }
        if scalar == "\u{00A0}" || scalar == "\u{202F}" { return " " }
        guard scalar.properties.isUppercase else { return scalar }
        return scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
    }

    /// Whether `needle` stands at `index` of `haystack` as whole words (no letter or digit right after it).
    static func matches(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + needle.count <= haystack.count else { return false }
        for offset in needle.indices where haystack[index + offset] != needle[offset] { return false }
        return index + needle.count == haystack.count || !Tokenizer.isWordCharacter(haystack[index + needle.count])
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
