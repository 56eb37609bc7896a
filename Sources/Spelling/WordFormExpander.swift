import Foundation

/// Writes out the word forms of a hunspell dictionary: each .dic stem with its prefixes and suffixes applied
/// (what Debian's `unmunch` does, which reads one-character flags only and so garbles the French dictionary,
/// whose flags are two characters long).
///
/// Left out, on purpose:
/// - stems marked FORBIDDENWORD, ONLYINCOMPOUND or NOSUGGEST: hunspell never suggests them;
/// - affixes that write an apostrophe: the French elisions (l', d', qu', jusqu'…), which would multiply the
///   list by four; `SpellChecker` takes the elision off an unknown word and puts it back on the suggestion;
/// - compounds (COMPOUNDRULE…), used by en_US for ordinals only.
/// The list may hold a form hunspell refuses (a rule read more loosely than hunspell does): every suggestion
/// is checked with hunspell before it is offered, so such a form costs a little room, never a wrong word.
struct WordFormExpander {
    let rules: AffixRules
    /// Per flag, its usable rules (without elisions), prefixes and suffixes apart: looked up once per stem.
    private let prefixes: [AffixRules.Flag: [Int]]
    private let suffixes: [AffixRules.Flag: [Int]]
    /// All usable rules; a rule's continuation flags resolved to rule indices, once.
    private let all: [AffixRules.Rule]
    private let continuationPrefixes: [[Int]]
    private let continuationSuffixes: [[Int]]
    private let continuationNeedsAnother: [Bool]

    init(affixText: String) {
        let rules = AffixRules(text: affixText)
        self.rules = rules
        var all: [AffixRules.Rule] = []
        var prefixes: [AffixRules.Flag: [Int]] = [:]
        var suffixes: [AffixRules.Flag: [Int]] = [:]
        for flag in rules.rules.keys.sorted() {
            for rule in rules.rules[flag] ?? [] where !rule.add.contains(where: { $0 == "'" || $0 == "\u{2019}" }) {
                if rule.isPrefix { prefixes[flag, default: []].append(all.count) } else { suffixes[flag, default: []].append(all.count) }
                all.append(rule)
            }
        }
        func resolve(_ flags: Set<AffixRules.Flag>, _ table: [AffixRules.Flag: [Int]]) -> [Int] {
            flags.sorted().flatMap { table[$0] ?? [] }
        }
        self.all = all
        self.prefixes = prefixes
        self.suffixes = suffixes
        continuationPrefixes = all.map { resolve($0.continuation, prefixes) }
        continuationSuffixes = all.map { resolve($0.continuation, suffixes) }
        let needing = [rules.needAffix, rules.circumfix].compactMap { $0 }
        continuationNeedsAnother = all.map { rule in needing.contains(where: rule.continuation.contains) }
    }

    /// Every form of every stem of the .dic text, in the order met (duplicates included).
    func forms(dictionaryText: String, _ emit: (String) -> Void) {
        var isFirstLine = true
        for line in dictionaryText.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            // The first line is the stem count.
            if isFirstLine {
                isFirstLine = false
                if Int(line.trimmingCharacters(in: .whitespaces)) != nil { continue }
            }
            guard let entry = stem(String(line)) else { continue }
            expand(entry.word, flags: entry.flags) { emit(String(String.UnicodeScalarView($0))) }
        }
    }

    /// "word/flags morphology…" → the word and its flags; nil for a comment or an empty word.
    func stem(_ line: String) -> (word: [Unicode.Scalar], flags: [AffixRules.Flag])? {
        // The word ends at the first tab, or at a space (hunspell's morphological fields follow it).
        let field = String(line.prefix { $0 != "\t" && $0 != " " })
        guard !field.isEmpty, !field.hasPrefix("#") else { return nil }
        let (word, flagText) = rules.splitFlags(field)
        guard !word.isEmpty else { return nil }
        return (Array(word.unicodeScalars), Array(Set(flagText.map { rules.parseFlags($0, allowAlias: true) } ?? [])).sorted())
    }

    func expand(_ stem: [Unicode.Scalar], flags: [AffixRules.Flag], _ emit: ([Unicode.Scalar]) -> Void) {
        let excluded = [rules.forbidden, rules.onlyInCompound, rules.noSuggest].compactMap { $0 }
        if excluded.contains(where: flags.contains) { return }
        let needing = [rules.needAffix, rules.circumfix].compactMap { $0 }
        if !needing.contains(where: flags.contains) { emit(stem) }
        let stemPrefixes = flags.flatMap { prefixes[$0] ?? [] }
        for suffix in flags.flatMap({ suffixes[$0] ?? [] }) {
            guard let once = apply(all[suffix], to: stem) else { continue }
            if !continuationNeedsAnother[suffix] { emit(once) }
            // A twofold suffix: the first suffix's continuation flags name the second.
            for second in continuationSuffixes[suffix] {
                if let twice = apply(all[second], to: once), !continuationNeedsAnother[second] { emit(twice) }
            }
            guard all[suffix].crossProduct else { continue }
            for prefix in stemPrefixes + continuationPrefixes[suffix] where all[prefix].crossProduct {
                if let both = apply(all[prefix], to: once) { emit(both) }
            }
        }
        for prefix in stemPrefixes {
            guard let once = apply(all[prefix], to: stem) else { continue }
            if !continuationNeedsAnother[prefix] { emit(once) }
            // Suffixes the prefix itself allows (French unit prefixes: "kilo" + a plural).
            for suffix in continuationSuffixes[prefix] {
                if let both = apply(all[suffix], to: once) { emit(both) }
            }
        }
    }

    func apply(_ rule: AffixRules.Rule, to word: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        let strip = rule.strip.count
        guard strip < word.count || (rules.fullStrip && strip == word.count) else { return nil }
        // The strip test first: it is cheaper than the condition and rules out most rules of a verb's flag.
        if rule.isPrefix {
            guard word.starts(with: rule.strip), rule.condition.matches(word, atEnd: false) else { return nil }
            return rule.add + word[strip...]
        }
        guard word.suffix(strip).elementsEqual(rule.strip), rule.condition.matches(word, atEnd: true) else { return nil }
        return word[..<(word.count - strip)] + rule.add
    }
}
