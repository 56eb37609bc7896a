/// Tokens in capitals that are not acronyms to write out: Roman numerals, placeholders, references to a
/// standard or a legal text, and codes. Real guidance is full of them ("au II de l'article 47",
/// "JJ/MM/AAAA", "EN 301 549", "niveau AA", "FR 12 345678901"), and an editor cannot expand any.
enum NotAcronyms {
    /// Whether the token at `token` is something other than an acronym, from its letters and the words around it.
    static func contains(_ token: CapitalToken, words: [TextSpan], scalars: [Unicode.Scalar]) -> Bool {
        switch token.kind {
        case .code, .initial: return true
        case .word:
            if isPlaceholder(token.text) || isRomanNumeral(token, words: words, scalars: scalars) || isUnit(token, words: words, scalars: scalars) {
                return true
            }
        case .alphanumeric:
            if isPostcode(token, words: words, scalars: scalars) || isNumberedCode(token, words: words, scalars: scalars) { return true }
        }
        return isReference(token, words: words, scalars: scalars)
    }

    /// Either half of a UK postcode ("LS1 1UR", "HF1 2AB", "SW1A 1AA"): one or two capitals, a digit and maybe a
    /// capital or digit, then a digit and two capitals. Each half alone looks like an acronym with digits ("2FA").
    static func isPostcode(_ token: CapitalToken, words: [TextSpan], scalars: [Unicode.Scalar]) -> Bool {
        let index = token.wordIndex
        if isOutwardCode(token.text.unicodeScalars) {
            guard index + 1 < words.count, Capitals.isLetterOrDigit(scalars[words[index].end - 1]) else { return false }
            return isInwardCode(core(words[index + 1], scalars))
        }
        guard isInwardCode(token.text.unicodeScalars[...]), index > 0, Capitals.isLetterOrDigit(scalars[words[index - 1].end - 1]) else { return false }
        return isOutwardCode(core(words[index - 1], scalars))
    }

    static func isOutwardCode<Scalars: Collection<Unicode.Scalar>>(_ code: Scalars) -> Bool {
        let letters = code.prefix(while: Capitals.isUppercase)
        let rest = code.dropFirst(letters.count)
        guard (1...2).contains(letters.count), let digit = rest.first, Tokenizer.isDigit(digit), rest.count <= 2 else { return false }
        return rest.dropFirst().allSatisfy { Tokenizer.isDigit($0) || Capitals.isUppercase($0) }
    }

    static func isInwardCode<Scalars: Collection<Unicode.Scalar>>(_ code: Scalars) -> Bool {
        code.count == 3 && Tokenizer.isDigit(code[code.startIndex]) && code.dropFirst().allSatisfy(Capitals.isUppercase)
    }

    /// A word without the punctuation around it.
    static func core(_ span: TextSpan, _ scalars: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        var start = span.start, end = span.end
        while start < end && !Capitals.isLetterOrDigit(scalars[start]) { start += 1 }
        while end > start && !Capitals.isLetterOrDigit(scalars[end - 1]) { end -= 1 }
        return scalars[start..<end]
    }

    /// Nouns before a code that they name: "formulaire RH-12", "station BRS-11", "line T1".
    static let codeNouns: Set<String> = [
        "formulaire", "form", "imprimé", "code", "référence", "réf", "reference", "ref", "modèle", "model", "station", "ligne", "line",
        "route", "salle", "room", "bâtiment", "building", "quai", "platform", "dossier", "vol", "flight", "numéro", "number",
    ]

    /// Capitals, a hyphen and a number that name a form, a station or a file ("formulaire RH-12", "BRS-04"): a code when
    /// its number starts with 0 (a serial number, never a version or a size) or a noun before it says what it numbers.
    /// "SHA-256", "COVID-19" and "AES-128" stay acronyms.
    static func isNumberedCode(_ token: CapitalToken, words: [TextSpan], scalars: [Unicode.Scalar]) -> Bool {
        let text = token.text.unicodeScalars
        let letters = text.prefix(while: Capitals.isUppercase)
        let rest = text.dropFirst(letters.count)
        guard letters.count >= 2, rest.first == "-", rest.count > 1, rest.dropFirst().allSatisfy(Tokenizer.isDigit) else { return false }
        if rest.dropFirst().first == "0" { return true }
        guard token.wordIndex > 0 else { return false }
        return codeNouns.contains(Capitals.string(core(words[token.wordIndex - 1], scalars)).lowercased())
    }

    /// Runs of one letter repeated: "NNN", "XXX", "AAAA", "JJ" (of JJ/MM/AAAA), "YYYYMMDD" — and the WCAG
    /// levels "AA" and "AAA", which are the same shape.
    static func isPlaceholder(_ text: String) -> Bool {
        var previous: Character?
        var runLength = 0
        for character in text {
            if character == previous {
                runLength += 1
                continue
            }
            if previous != nil && runLength < 2 { return false }
            previous = character
            runLength = 1
        }
        return runLength >= 2
    }

    /// Words before a Roman numeral that number a part of a text.
    static let numberedParts: Set<String> = [
        "article", "art", "titre", "chapitre", "livre", "annexe", "partie", "tome", "section", "sous-section", "volume", "vol",
        "paragraphe", "alinéa", "part", "title", "chapter", "annex", "book", "appendix", "schedule", "paragraph",
    ]

    /// A valid Roman numeral: always one when made of I, V and X only ("II", "XIV": no acronym is); with
    /// L, C, D or M ("CV", "CD", "MD" are acronyms too) only after a numbered part ("titre LXV") or a name ("Pie XII").
    static func isRomanNumeral(_ token: CapitalToken, words: [TextSpan], scalars: [Unicode.Scalar]) -> Bool {
        guard let value = romanValue(token.text), roman(value) == token.text else { return false }
        if token.text.allSatisfy({ "IVX".contains($0) }) { return true }
        guard token.wordIndex > 0 else { return false }
        let previous = scalars[words[token.wordIndex - 1].start..<words[token.wordIndex - 1].end]
        var name = Capitals.string(previous).lowercased()
        while let last = name.last, !last.isLetter { name.removeLast() }
        if numberedParts.contains(name) { return true }
        // A name: a capital then lowercase letters, not the first word of its sentence ("Votre CV").
        let isName = previous.count > 1 && Capitals.isUppercase(previous[previous.startIndex])
            && previous.dropFirst().allSatisfy { !Capitals.isUppercase($0) }
        guard isName, token.wordIndex > 1, let before = scalars[words[token.wordIndex - 2].start..<words[token.wordIndex - 2].end].last else { return false }
        return !Tokenizer.isFinalPunctuation(before) && before != ":"
    }

    static let romanDigits: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000]

    /// The value of a word of Roman digits read the usual way (a smaller digit before a larger one subtracts).
    static func romanValue(_ text: String) -> Int? {
        var total = 0
        let values = text.map { romanDigits[$0] }
        for (index, value) in values.enumerated() {
            guard let value else { return nil }
            if index + 1 < values.count, let next = values[index + 1], next > value { total -= value } else { total += value }
        }
        return total > 0 && total < 4000 ? total : nil
    }

    /// The canonical Roman numeral of a value: a word is a valid numeral when it is the canonical form of its value.
    static func roman(_ value: Int) -> String {
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                                      (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value
        var result = ""
        for (amount, letters) in table {
            while rest >= amount {
                result += letters
                rest -= amount
            }
        }
        return result
    }

    /// Units of size written in capitals: "10 MB", "50 Go".
    static let units: Set<String> = ["KB", "MB", "GB", "TB", "KO", "MO", "GO", "TO"]

    /// A unit after a number: "10 MB per file".
    static func isUnit(_ token: CapitalToken, words: [TextSpan], scalars: [Unicode.Scalar]) -> Bool {
        units.contains(token.text) && token.wordIndex > 0 && numberDigits(words[token.wordIndex - 1], scalars) != nil
    }

    /// The names a page uses as codes or in references ("FR" of "FR 12 345678901", "CHE" of "CHE-123.456.789",
    /// "ISO" of "ISO 9001"): the same capitals alone elsewhere on the page ("the letters FR") are not acronyms either.
    static func codeNames(_ tokens: [[CapitalToken]], words: [[TextSpan]], blocks: [ProseBlock]) -> Set<String> {
        var names = Set<String>()
        for (block, blockTokens) in tokens.enumerated() {
            for token in blockTokens {
                switch token.kind {
                case .code: names.insert(String(token.text.prefix(while: { $0.isUppercase })))
                case .word, .alphanumeric:
                    if isReference(token, words: words[block], scalars: blocks[block].text.scalars) { names.insert(token.text) }
                case .initial: break
                }
            }
        }
        names.remove("")
        return names
    }

    /// Bodies whose name, followed by a number, names a standard: "ISO 9001", "NF Z 42-013", "RFC 6749".
    static let standardsBodies: Set<String> = [
        "ISO", "IEC", "CEI", "EN", "NF", "RFC", "CEN", "CENELEC", "ETSI", "DIN", "BS", "IEEE", "ANSI", "ITU", "UIT", "NIST", "FIPS", "ECMA",
    ]

    /// Capitals followed by a number that they name: a standard ("EN 301 549", "ISO 9001", "RFC 6749", "NF Z 42-013"),
    /// a legal act ("(CE) n° 883/2004", "(UE) 2016/679"), a number ("FR 12 345678901"). A number of one or two
    /// digits alone is a version or a count ("TLS 1.3", "PHP 8"): the acronym is still one.
    static func isReference(_ token: CapitalToken, words: [TextSpan], scalars: [Unicode.Scalar]) -> Bool {
        var next = token.wordIndex + 1
        // "NF Z 42-013": one capital may come between the name and the number; "(CE) n° 883/2004": "n°" too.
        if next < words.count, isSingleCapital(words[next], scalars) || isNumberSign(words[next], scalars) { next += 1 }
        guard next < words.count, let digits = numberDigits(words[next], scalars) else { return false }
        if standardsBodies.contains(token.stem) { return true }
        if isIdentifierName(token, numberAt: next, words: words, scalars: scalars) { return false }
        if digits >= 3 { return true }
        return next + 1 < words.count && numberDigits(words[next + 1], scalars) != nil
    }

    /// The name of an identifier before its value ("SIRET 214 902 155 00017", "NIR 1 84 12 76 451 089 46"): three capitals
    /// or more and a number of nine digits or more, in groups. The name is an acronym readers need written out, unlike
    /// a standard's body ("ISO 9001" names a document) or a country prefix of two letters, part of the number itself
    /// ("FR 12 345678901").
    static func isIdentifierName(_ token: CapitalToken, numberAt first: Int, words: [TextSpan], scalars: [Unicode.Scalar]) -> Bool {
        guard token.stem.count >= 3 else { return false }
        var digits = 0
        var index = first
        while index < words.count, let count = numberDigits(words[index], scalars) {
            digits += count
            // A group ends the number when punctuation follows it: "00017, norme ISO 9001" is one number.
            if !Tokenizer.isDigit(scalars[words[index].end - 1]) { break }
            index += 1
        }
        return digits >= 9
    }

    /// How many digits a token has when it is a number ("301", "42-013", "883/2004,", "27001:2022"); nil otherwise.
    static func numberDigits(_ span: TextSpan, _ scalars: [Unicode.Scalar]) -> Int? {
        var start = span.start, end = span.end
        while start < end && (scalars[start] == "(" || scalars[start] == "[") { start += 1 }
        while end > start && ",;:.)]".unicodeScalars.contains(scalars[end - 1]) { end -= 1 }
        // Capitals may come between digits ("SE 401-Q-102"), lowercase letters may not ("2e", "1er", "10h").
        guard start < end, Tokenizer.isDigit(scalars[start]),
              scalars[start..<end].allSatisfy({ Tokenizer.isDigit($0) || Capitals.isUppercase($0) || "-./:*".unicodeScalars.contains($0) })
        else { return nil }
        return scalars[start..<end].count(where: Tokenizer.isDigit)
    }

    static func isSingleCapital(_ span: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
        span.end - span.start == 1 && Capitals.isUppercase(scalars[span.start])
    }

    static func isNumberSign(_ span: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
        let text = Capitals.string(scalars[span.start..<span.end]).lowercased()
        return text == "n°" || text == "nº" || text == "no" || text == "no."
    }
}
