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
            for (position, word) in index.matches(in: block.text.scalars) {
                // “a”, “b” or “c”
                let quoted = word.alternatives.map { "“\($0)”" }
                let wordings = quoted.count > 1 ? quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1] : quoted.joined()
                if let finding = page.finding(id, at: block.text.point(at: position), "“\(word.phrase)” has a plainer equivalent.",
                                              suggestion: "Write \(wordings).") {
                    findings.append(finding)
                }
            }
        }
        return findings
    }
}

extension PlainWordIndex {
    /// The phrases of the list in `text`, each where it starts: at a word start (not right after a letter or a
    /// digit), the first phrase of the list that stands there; the search goes on after it.
    func matches(in text: [Unicode.Scalar]) -> [(position: Int, word: PlainWord)] {
        var matches: [(position: Int, word: PlainWord)] = []
        var position = 0
        var afterWordCharacter = false
        while position < text.count {
            let folded = TextMatching.fold(text[position])
            if !afterWordCharacter, mayStart(in: text, at: position, with: folded),
               let word = firstMatch(in: text, at: position, startingWith: folded) {
                matches.append((position, word))
                position += word.folded.count
                afterWordCharacter = Tokenizer.isWordCharacter(TextMatching.fold(text[position - 1]))
                continue
            }
            afterWordCharacter = Tokenizer.isWordCharacter(folded)
            position += 1
        }
        return matches
    }
}

/// The phrases of a list grouped by their first folded character, in list order (longest first) within
/// a group, their folded characters end to end: each word start of a text is compared with a few of
/// them, without copying a phrase.
struct PlainWordIndex: Sendable {
    let phrases: [PlainWord]
    /// The folded phrases of `order`, end to end.
    private var folded: [Unicode.Scalar] = []
    /// Per phrase of a group: where its folded characters are, and its index in `phrases`.
    private var order: [(start: Int, count: Int, phrase: Int)] = []
    /// The first three folded characters of each phrase of `order` packed in one number (21 bits each), and
    /// the bits of that number its characters fill: most candidates are ruled out by one comparison.
    private var prefixes: [UInt64] = []
    private var prefixMasks: [UInt64] = []
    /// Stands for the characters past the end of the text: no character has this value.
    private static let noCharacter: UInt64 = 0x1F_FFFF
    /// Per ASCII first character, the ASCII second characters of its phrases as bits (all bits when one
    /// phrase is that single character): most word starts stop at this test.
    private var asciiSeconds: [(low: UInt64, high: UInt64)] = Array(repeating: (0, 0), count: 128)
    /// The range of `order` of each ASCII first character.
    private var asciiGroups: [Range<Int>] = Array(repeating: 0..<0, count: 128)
    private var otherGroups: [Unicode.Scalar: Range<Int>] = [:]

    init(_ phrases: [PlainWord]) {
        self.phrases = phrases
        let nonEmpty = phrases.indices.filter { !phrases[$0].folded.isEmpty }
        let groups = Dictionary(grouping: nonEmpty, by: { phrases[$0].folded[0] })
        for (first, members) in groups.sorted(by: { $0.key.value < $1.key.value }) {
            let groupStart = order.count
            for member in members {
                order.append((folded.count, phrases[member].folded.count, member))
                let prefix = phrases[member].folded.prefix(3)
                prefixes.append(prefix.enumerated().reduce(0) { $0 | UInt64($1.element.value) << (21 * $1.offset) })
                prefixMasks.append(prefix.indices.reduce(0) { mask, _ in mask << 21 | Self.noCharacter })
                folded += phrases[member].folded
            }
            if first.isASCII {
                asciiGroups[Int(first.value)] = groupStart..<order.count
                for member in members {
                    let folded = phrases[member].folded
                    if folded.count == 1 {
                        asciiSeconds[Int(first.value)] = (.max, .max)
                    } else if folded[1].isASCII {
                        let bit = folded[1].value
                        if bit < 64 { asciiSeconds[Int(first.value)].low |= 1 << bit } else { asciiSeconds[Int(first.value)].high |= 1 << (bit - 64) }
                    }
                }
            } else {
                otherGroups[first] = groupStart..<order.count
            }
        }
    }

    /// False when no phrase can start at `position`, judged on the first two characters (`first` is the folded first).
    @inline(__always)
    func mayStart(in text: [Unicode.Scalar], at position: Int, with first: Unicode.Scalar) -> Bool {
        guard first.isASCII else { return true }
        guard !asciiGroups[Int(first.value)].isEmpty else { return false }
        let seconds = asciiSeconds[Int(first.value)]
        // A phrase of one character (all bits) may end at the end of the text; a longer one may not.
        guard position + 1 < text.count else { return seconds.low & 1 != 0 }
        let second = TextMatching.fold(text[position + 1])
        guard second.isASCII else { return true }
        return second.value < 64 ? seconds.low & (1 << second.value) != 0 : seconds.high & (1 << (second.value - 64)) != 0
    }

    /// The first phrase of the list that stands at `position` of `text` as whole words (the last may be elided:
    /// "au sein d'"); `first` is the folded character there.
    @inline(__always)
    func firstMatch(in text: [Unicode.Scalar], at position: Int, startingWith first: Unicode.Scalar) -> PlainWord? {
        let group = first.isASCII ? asciiGroups[Int(first.value)] : (otherGroups.isEmpty ? 0..<0 : otherGroups[first] ?? 0..<0)
        guard !group.isEmpty else { return nil }
        let second = position + 1 < text.count ? UInt64(TextMatching.fold(text[position + 1]).value) : Self.noCharacter
        let third = position + 2 < text.count ? UInt64(TextMatching.fold(text[position + 2]).value) : Self.noCharacter
        let prefix = UInt64(first.value) | second << 21 | third << 42
        candidates: for candidate in group where prefix & prefixMasks[candidate] == prefixes[candidate] {
            let (start, count, phrase) = order[candidate]
            guard position + count <= text.count else { continue }
            for offset in 3..<max(count, 3) where TextMatching.fold(text[position + offset]) != folded[start + offset] { continue candidates }
            // A phrase ends a word, unless it ends with an elision's apostrophe ("afin d'" of "afin d'obtenir").
            if position + count == text.count || folded[start + count - 1] == "'" || !Tokenizer.isWordCharacter(TextMatching.fold(text[position + count])) {
                return phrases[phrase]
            }
        }
        return nil
    }
}

/// Matching of words in prose: case-insensitive, with ’ read as ', on whole words only.
enum TextMatching {
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII { return scalar.value &- 65 < 26 ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar }
        return scalar.value < ScalarTraits.tableSize ? ScalarTraits.foldTable[Int(scalar.value)] : referenceFold(scalar)
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
}

/// `link-text`: link text that says nothing out of context, or a bare URL as text.
struct LinkTextRule: CharterRule {
    let id = RuleID.linkText

    func check(_ page: PageAnalysis) -> [Finding] {
        let vague = page.settings.vagueLinkTexts[page.language] ?? []
        return page.document.links.compactMap { link in
            var text = LinkTextRule.trimmingWhitespace(link.text).lowercased()
            while let last = text.last, ".:;!?…,".contains(last) { text.removeLast() }
            text = LinkTextRule.trimmingWhitespace(text)
            let isURL = LinkTextRule.isBareURL(text)
            guard LinkTextRule.isVague(text, vague: vague, language: page.language) || isURL else { return nil }
            let message = isURL ? "The link text is a bare URL." : "The link text “\(link.text)” says nothing out of context."
            return page.finding(id, at: link.start, message, suggestion: "Say where the link goes, for example with the title of the page it opens.")
        }
    }

    /// Verbs that only point at a link: "check here", "go here", "consultez ici" say no more than "here".
    static let pointingVerbs: [String: Set<String>] = [
        "fr": ["cliquez", "cliquer", "voir", "voyez", "consultez", "consulter", "allez", "aller", "rendez-vous", "touchez", "appuyez"],
        "en": ["click", "check", "see", "go", "look", "tap", "visit", "read", "find out", "learn"],
    ]

    /// A vague text of the list, alone or after a verb that only points at the link.
    static func isVague(_ text: String, vague: Set<String>, language: String) -> Bool {
        if vague.contains(text) { return true }
        return (pointingVerbs[language] ?? []).contains { verb in
            text.hasPrefix(verb + " ") && vague.contains(trimmingWhitespace(String(text.dropFirst(verb.count + 1))))
        }
    }

    /// An address as link text: with its scheme or "www.", or a host with a path ("weather.gov/mpx"). A bare domain
    /// ("ameli.fr") names the site it opens, as a title would, and is not reported.
    static func isBareURL(_ text: String) -> Bool {
        if ["http://", "https://", "www."].contains(where: { text.hasPrefix($0) }) { return true }
        let scalars = Array(text.unicodeScalars)
        return !scalars.contains(where: isWhitespace) && scalars.contains("/") && AddressToken.isAddress(scalars)
    }

    /// `trimmingCharacters(in: .whitespaces)` by hand: Foundation's version (through NSString here) cost more than
    /// the rest of the rule. The set holds no character outside the BMP, so trimming scalars is trimming UTF-16.
    static func trimmingWhitespace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhitespace($0) }), let last = scalars.lastIndex(where: { !isWhitespace($0) }) else {
            return ""
        }
        return String(scalars[first...last])
    }

    static let whitespaces = CharacterSet.whitespaces

    /// A member of `CharacterSet.whitespaces` (in ASCII: the space and the tab).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || scalar == "\t" : whitespaces.contains(scalar)
    }
}

import Foundation
