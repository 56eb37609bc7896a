import Spelling

/// How the spelling rule tells a name from a misspelled word, among the words no dictionary of the site knows.
///
/// Dictionaries hold few names, and a site names people, places, products and bodies on every page. What
/// gives a name away is its capitals, when the writer chose them:
/// - **mixed case** (`isMixedCase`): "ParentPay", "iPhone", "eBay", "GeoJSON", "DGFiP", "ODbL", "OAuth". No
///   common word is written so. One slip of the keyboard gives a like shape: the shift key held over two
///   letters ("THe", "FRance"); such a word is still checked when, with its second letter in lowercase, it
///   is a known word ("The", "France"): "OAuth" ("Oauth") stays a name;
/// - **a capital where the language puts none**: a capitalised word ("Osei", "Zimbra", "Krankenkasse") that
///   does not open its sentence, heading, list item, table cell or quotation. A typo in a common word there
///   starts in lowercase; a capital at a sentence start says nothing, so "Comunicating with users…" is
///   still reported;
/// - parts are judged one by one: after an elision ("l'App", "d'Etalab", "qu'Ansible") the capital is the
///   writer's choice wherever the word stands; a compound with a capital after a hyphen is a compound name
///   ("Montreuil-Bellay", "Lunel-Viel", "Westbridge-Guest"), even at a sentence start, since a sentence start
///   capitalises only the first letter. Every other part must be a known word ("Saint-Jean-de-Luz": "de").
///
/// A name-like word one slip from one of the site's own words (`words:`, the lexicon) is a misspelling of that
/// name ("Cleis" for "Cleiss"), and reported.
///
/// In a Title Case heading ("Comunicating With Users") every word has a capital by convention, so the capital
/// proves nothing: a capitalised word there is taken for a name only when it is not one slip of the keyboard
/// from a common word (`NearWords`). Headings in sentence case are judged like sentences.
///
/// Handles, hashtags and words with an underscore are no prose at all (`SpellingRule.isHandleOrIdentifier`).
enum NameShapes {
    /// A capital right after a lowercase letter ("ParentPay", "iPhone", "DGFiP"), or a lowercase letter after two
    /// capitals or more ("OAuth", "HTMLElement"), but for the plural "s" of an acronym ("URLs", "IDs"): a brand's
    /// or a code's spelling, never a common word's (but see `shiftSlipFix`).
    static func isMixedCase(_ part: some Collection<Unicode.Scalar>) -> Bool {
        let scalars = Array(part)
        var capitalsInARow = 0
        for (index, scalar) in scalars.enumerated() {
            let isUpper = scalar.properties.isUppercase, isLower = scalar.properties.isLowercase
            if isUpper, index > 0, scalars[index - 1].properties.isLowercase { return true }
            if isLower && capitalsInARow >= 2 && !(scalar == "s" && index == scalars.count - 1) { return true }
            capitalsInARow = isUpper ? capitalsInARow + 1 : 0
        }
        return false
    }

    /// "THe" → "The": the word with its second letter in lowercase when it starts with two capitals followed by
    /// lowercase letters only, the shape a slip on the shift key gives; nil for any other shape.
    static func shiftSlipFix(_ part: String) -> String? {
        let scalars = Array(part.unicodeScalars)
        guard scalars.count > 2, scalars[0].properties.isUppercase, scalars[1].properties.isUppercase,
              scalars[2...].allSatisfy({ $0.properties.isLowercase }) else { return nil }
        return String(String.UnicodeScalarView([scalars[0]] + String(scalars[1]).lowercased().unicodeScalars + scalars[2...]))
    }

    /// A capital then lowercase letters ("Osei", "O'Brien", "Cllr"); not two capitals first ("THe": a slip).
    static func isCapitalised(_ part: some Collection<Unicode.Scalar>) -> Bool {
        guard let first = part.first, first.properties.isUppercase else { return false }
        if let second = part.dropFirst().first, second.properties.isUppercase { return false }
        return part.contains { $0.properties.isLowercase }
    }

    /// What `isName` asks the site's dictionaries.
    struct Lookups {
        /// Whether they accept a part of a compound ("de" in "Saint-Jean-de-Luz").
        var knows: (String) -> Bool
        /// Whether a name-like part is a slip for one of the site's own words ("Cleis" for "Cleiss").
        var isOneSlipFromASiteWord: (String) -> Bool
        /// The test of capitalised words in a Title Case heading (`NearWords`); nil elsewhere.
        var isOneSlipFromACommonWord: ((String) -> Bool)?
    }

    /// Whether an unknown word is taken for a name. `opensASentence`: the word is the first of its sentence, heading,
    /// list item, table cell or quotation.
    static func isName(_ word: String, opensASentence: Bool, _ lookups: Lookups) -> Bool {
        var capitalIsChosen = !opensASentence
        var rest = word
        if let afterElision = SpellChecker.withoutElision(word) {
            rest = afterElision
            capitalIsChosen = true
        }
        let parts = rest.split(separator: "-").map(String.init)
        if parts.dropFirst().contains(where: { isCapitalised($0.unicodeScalars) || isMixedCase($0.unicodeScalars) }) { capitalIsChosen = true }
        var hasNamePart = false
        for part in parts {
            if isMixedCase(part.unicodeScalars) {
                if let fixed = shiftSlipFix(part), lookups.knows(fixed) { return false }
            } else if capitalIsChosen && isCapitalised(part.unicodeScalars) {
                if let isOneSlip = lookups.isOneSlipFromACommonWord, isOneSlip(part) { return false }
            } else if lookups.knows(part) {
                continue
            } else {
                return false
            }
            if lookups.isOneSlipFromASiteWord(part) { return false }
            hasNamePart = true
        }
        return hasNamePart
    }
}

/// Where the words of one block stand, for `NameShapes`: which open a sentence or a quotation, and whether the
/// block is a heading in Title Case.
struct WordPositions {
    let scalars: [Unicode.Scalar]
    /// The start of the first word with a letter of each sentence.
    let sentenceStarts: Set<Int>
    let isTitleCaseHeading: Bool

    static let openingQuotes: Set<Unicode.Scalar> = ["«", "“", "„", "‹", "‘", "\""]

    init(page: PageAnalysis, block: Int) {
        scalars = page.document.blocks[block].text.scalars
        let words = page.words[block]
        var starts = Set<Int>()
        var next = 0
        for sentence in page.sentences[block] {
            while next < words.count && words[next].start < sentence.start { next += 1 }
            var index = next
            while index < words.count && words[index].start < sentence.end {
                if scalars[words[index].start..<words[index].end].contains(where: Tokenizer.isLetter) {
                    starts.insert(words[index].start)
                    break
                }
                index += 1
            }
        }
        sentenceStarts = starts
        if case .heading = page.document.blocks[block].kind {
            isTitleCaseHeading = Self.isTitleCase(scalars, words: words)
        } else {
            isTitleCaseHeading = false
        }
    }

    /// Whether the token at `span`, whose letters start at `letters`, opens a sentence (or heading, list item, table
    /// cell: each is a block) or a quotation: « Westbridge, "Westbridge, “Westbridge.
    func opensASentence(_ span: TextSpan, letters: Int) -> Bool {
        if sentenceStarts.contains(span.start) { return true }
        var index = letters - 1
        while index >= 0 && Tokenizer.isSpace(scalars[index]) { index -= 1 }
        guard index >= 0, Self.openingQuotes.contains(scalars[index]) else { return false }
        // A straight quote opens when nothing is glued before it (`said "Yes`), and closes after a word (`"Yes" he`).
        return scalars[index] != "\"" || index == 0 || Tokenizer.isSpace(scalars[index - 1]) || scalars[index - 1] == "("
    }

    /// Title Case: most words of four letters or more after the first start with a capital ("Communicating With
    /// Users", "Getting To Westbridge"). Short words are left out: Title Case keeps "of", "the", "de", "à" in lowercase.
    static func isTitleCase(_ scalars: [Unicode.Scalar], words: [TextSpan]) -> Bool {
        var long = 0, capitalised = 0
        for span in words.dropFirst() {
            guard let letters = Capitals.lettersRange(scalars, span), letters.count >= 4 else { continue }
            long += 1
            if Capitals.isUppercase(scalars[letters.lowerBound]) { capitalised += 1 }
        }
        return long > 0 && capitalised * 2 > long
    }
}
