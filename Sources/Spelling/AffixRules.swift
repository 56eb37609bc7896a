import Foundation

/// The prefixes and suffixes of a hunspell .aff file, as far as the suggestion index needs them: enough to
/// write out every form of a .dic stem (`WordFormExpander`). Morphology, compounding, REP/MAP tables and
/// conversions are not read: hunspell itself still judges every word, and every suggestion offered.
///
/// Format (hunspell(5)): `FLAG long|num|UTF-8` (default: one character a flag), `AF` flag aliases, and
/// `PFX|SFX flag cross count` blocks of `PFX|SFX flag strip add[/flags] condition [morphology]` lines.
struct AffixRules {
    typealias Flag = Int

    enum FlagStyle { case single, long, number, utf8 }

    struct Rule {
        var isPrefix: Bool
        /// Whether the rule combines with an affix of the other kind (the `Y` of the block header).
        var crossProduct: Bool
        var strip: [Unicode.Scalar]
        var add: [Unicode.Scalar]
        /// Flags of the affixed form: further suffixes (twofold suffixes), NEEDAFFIX…
        var continuation: Set<Flag>
        var condition: AffixCondition
    }

    var flagStyle = FlagStyle.single
    var aliases: [Set<Flag>] = []
    var rules: [Flag: [Rule]] = [:]
    var needAffix: Flag?
    var forbidden: Flag?
    var onlyInCompound: Flag?
    var noSuggest: Flag?
    var circumfix: Flag?
    var fullStrip = false

    init(text: String) {
        var lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" })[...]
        var aliasesLeft = 0
        while let line = lines.popFirst() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let keyword = fields.first, !keyword.hasPrefix("#") else { continue }
            switch keyword {
            case "FLAG" where fields.count > 1:
                switch fields[1] {
                case "long": flagStyle = .long
                case "num": flagStyle = .number
                case "UTF-8": flagStyle = .utf8
                default: break
                }
            case "AF" where fields.count > 1:
                if aliasesLeft == 0 && aliases.isEmpty, Int(fields[1]) != nil {
                    aliasesLeft = Int(fields[1]) ?? 0
                } else if aliasesLeft > 0 {
                    aliases.append(Set(parseFlags(fields[1], allowAlias: false)))
                    aliasesLeft -= 1
                }
            case "NEEDAFFIX" where fields.count > 1: needAffix = parseFlags(fields[1], allowAlias: false).first
            case "FORBIDDENWORD" where fields.count > 1: forbidden = parseFlags(fields[1], allowAlias: false).first
            case "ONLYINCOMPOUND" where fields.count > 1: onlyInCompound = parseFlags(fields[1], allowAlias: false).first
            case "NOSUGGEST" where fields.count > 1: noSuggest = parseFlags(fields[1], allowAlias: false).first
            case "CIRCUMFIX" where fields.count > 1: circumfix = parseFlags(fields[1], allowAlias: false).first
            case "FULLSTRIP": fullStrip = true
            case "PFX", "SFX":
                // A block header has a Y/N cross-product field and a count; rule lines follow it.
                guard fields.count >= 4, let count = Int(fields[3]), fields[2] == "Y" || fields[2] == "N",
                      let flag = parseFlags(fields[1], allowAlias: false).first else { continue }
                var block: [Rule] = []
                for _ in 0..<count {
                    guard let ruleLine = lines.popFirst() else { break }
                    let parts = ruleLine.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                    guard parts.count >= 4, parts[0] == keyword else { continue }
                    let (affix, continuation) = splitFlags(parts[3])
                    block.append(Rule(
                        isPrefix: keyword == "PFX", crossProduct: fields[2] == "Y",
                        strip: parts[2] == "0" ? [] : Array(parts[2].unicodeScalars),
                        add: affix == "0" ? [] : Array(affix.unicodeScalars),
                        continuation: Set(continuation.map { parseFlags($0, allowAlias: true) } ?? []),
                        condition: AffixCondition(parts.count > 4 ? parts[4] : ".")))
                }
                rules[flag, default: []] += block
            default:
                continue
            }
        }
    }

    /// "add/flags" → ("add", "flags"); a `\/` is a slash of the word.
    func splitFlags(_ text: String) -> (String, String?) {
        var previous: Character = " "
        for index in text.indices {
            if text[index] == "/" && previous != "\\" {
                return (String(text[..<index]).replacing("\\/", with: "/"), String(text[text.index(after: index)...]))
            }
            previous = text[index]
        }
        return (text.replacing("\\/", with: "/"), nil)
    }

    /// The flags written in `text`, in the file's flag style; a number is an `AF` alias when the file has some.
    func parseFlags(_ text: String, allowAlias: Bool) -> [Flag] {
        if allowAlias && !aliases.isEmpty, let number = Int(text) {
            return number >= 1 && number <= aliases.count ? Array(aliases[number - 1]) : []
        }
        switch flagStyle {
        case .single:
            // One byte a flag: a non-ASCII character of a UTF-8 file is read as its bytes, as hunspell does.
            return text.utf8.map { Flag($0) }
        case .utf8:
            return text.unicodeScalars.map { Flag($0.value) }
        case .long:
            let scalars = Array(text.unicodeScalars)
            return stride(from: 0, to: scalars.count - 1, by: 2).map { Flag(scalars[$0].value) << 21 | Flag(scalars[$0 + 1].value) }
        case .number:
            return text.split(separator: ",").compactMap { Flag($0) }
        }
    }
}

/// The condition of an affix rule: what the stem must end with (suffix) or begin with (prefix), one element
/// a character: `.`, a character, `[abc]` or `[^abc]`.
struct AffixCondition {
    enum Element {
        case any
        case oneOf(Set<Unicode.Scalar>)
        case noneOf(Set<Unicode.Scalar>)

        func matches(_ scalar: Unicode.Scalar) -> Bool {
            switch self {
            case .any: true
            case .oneOf(let set): set.contains(scalar)
            case .noneOf(let set): !set.contains(scalar)
            }
        }
    }

    let elements: [Element]

    init(_ text: String) {
        var elements: [Element] = []
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case ".":
                elements.append(.any)
            case "[":
                let negated = scalars.first == "^"
                if negated { scalars.removeFirst() }
                var set = Set<Unicode.Scalar>()
                while let member = scalars.popFirst(), member != "]" { set.insert(member) }
                elements.append(negated ? .noneOf(set) : .oneOf(set))
            default:
                elements.append(.oneOf([scalar]))
            }
        }
        // A lone "." is no condition at all.
        self.elements = elements.count == 1 && { if case .any = elements[0] { return true } else { return false } }() ? [] : elements
    }

    /// Whether the last (suffix) or first (prefix) characters of `word` match.
    func matches(_ word: [Unicode.Scalar], atEnd: Bool) -> Bool {
        guard elements.count <= word.count else { return false }
        let start = atEnd ? word.count - elements.count : 0
        for (offset, element) in elements.enumerated() where !element.matches(word[start + offset]) { return false }
        return true
    }
}
