/// `plain-words`: words and phrases with a plainer equivalent, from the built-in lists and the configuration.
struct PlainWordsRule: CharterRule {
    let id = RuleID.plainWords

    func check(_ page: PageAnalysis) -> [Finding] {
        let words = page.settings.plainWords[page.language] ?? []
        guard !words.isEmpty else { return [] }
        var findings: [Finding] = []
        for block in page.document.blocks {
            let lowered = block.text.scalars.map(TextMatching.fold)
            var taken = Set<Int>()
            for word in words {
                let needle = word.phrase.lowercased().unicodeScalars.map(TextMatching.fold)
                for start in TextMatching.occurrences(of: needle, in: lowered) where !taken.contains(start) {
                    taken.formUnion(start..<start + needle.count)
                    if let finding = page.finding(id, at: block.text.point(at: start), "“\(word.phrase)” has a plainer equivalent.",
                                                  suggestion: "Write “\(word.suggestion)”.") {
                        findings.append(finding)
                    }
                }
            }
        }
        return findings
    }
}

/// Matching of words in prose: case-insensitive, with ’ read as ', on whole words only.
enum TextMatching {
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar == "’" { return "'" }
        if scalar == "\u{00A0}" || scalar == "\u{202F}" { return " " }
        return String(scalar).lowercased().unicodeScalars.first ?? scalar
    }

    /// Start indices of `needle` in `haystack` with no letter or digit touching either end.
    static func occurrences(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var found: [Int] = []
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0], Array(haystack[index..<index + needle.count]) == needle,
               index == 0 || !Tokenizer.isWordCharacter(haystack[index - 1]),
               index + needle.count == haystack.count || !Tokenizer.isWordCharacter(haystack[index + needle.count]) {
                found.append(index)
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
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
