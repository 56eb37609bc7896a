/// Words written in capitals: acronyms to expand, and runs of capitals that shout.
enum Capitals {
    /// The range of the letters of a word token without surrounding punctuation, or nil if it holds a digit.
    static func lettersRange(_ scalars: [Unicode.Scalar], _ span: TextSpan) -> Range<Int>? {
        var start = span.start, end = span.end
        while start < end && !Tokenizer.isLetter(scalars[start]) { start += 1 }
        while end > start && !Tokenizer.isLetter(scalars[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        for index in start..<end where Tokenizer.isDigit(scalars[index]) { return nil }
        return start..<end
    }

    /// A word in capitals of at least two letters ("CFE", "URSSAF"; a final plural "s" is allowed: "CPAMs"), or an
    /// acronym with one small word's letter in lowercase ("ODbL", "DGFiP", "DDoS"): two capitals first, three at least.
    /// Camel-case names ("GeoJSON", "OAuth", "FranceConnect") and degrees ("MSc") are words, not acronyms.
    static func isCapitalWord(_ letters: ArraySlice<Unicode.Scalar>) -> Bool {
        var letters = letters
        if letters.count > 2, letters.last == "s" { letters.removeLast() }
        // Most words start in lowercase: they fail at the first letter.
        guard letters.count >= 2, isUppercase(letters[letters.startIndex]), letters.allSatisfy({ ScalarTraits.has($0, ScalarTraits.alphabetic) })
        else { return false }
        let capitals = letters.count(where: isUppercase)
        if capitals == letters.count { return true }
        return capitals >= 3 && letters.count - capitals == 1 && isUppercase(letters[letters.startIndex + 1])
    }

    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool { ScalarTraits.has(scalar, ScalarTraits.uppercase) }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "’" }
}

/// A token of prose written in capitals, as the acronym-expansion and all-caps rules see it.
///
/// Letters and digits together are one token, judged whole, never cut at the first digit:
/// - one run of two or more capitals with digits only before or after it, four at most ("MD5", "3DES",
///   "PBKDF2", "SHA256", "SHA-256", "COVID-19") is an acronym, reported and looked up as written;
/// - one capital with digits ("A1", "S1", "E106", "5G"), capitals cut by digits ("W3C", "B2B") or a long
///   number ("FR12345678901") is a code: a form, a product, an identifier, which nobody writes out.
/// A token with slashes is read part by part ("TCP/IP", "JJ/MM/AAAA", "CSV/XML"), unless a part is a
/// number: then it is a code ("2000/78/CE", "HTTP/2", "HTTP/1.1").
struct CapitalToken: Sendable {
    enum Kind: Sendable {
        /// Two or more capitals and nothing else (a final plural "s" allowed): an acronym or a shouted word.
        case word
        /// One capital letter ("FORMULAIRE A REMPLIR"): neither counts nor breaks a run of capitals.
        case initial
        /// Capitals and digits read as one acronym: "MD5", "SHA-256".
        case alphanumeric
        /// Capitals and digits that are not an acronym: "A1", "2000/78/CE".
        case code
    }

    var kind: Kind
    /// Where a finding points: the token's first character, or the part's for the later parts of "TCP/IP".
    var position: Int
    /// The token's index in the block's words; the parts of "TCP/IP" share it.
    var wordIndex: Int
    /// As written, without a plural "s", an elision before it or a possessive after it: "CPAM", "MD5", "SHA-256".
    var text: String
    /// Its capitals without the digits ("SHA" for "SHA-256"): an expansion or a glossary entry of the stem covers it.
    var stem: String
}

extension Capitals {
    /// The tokens of a block that hold capitals, in the order of the text.
    static func tokens(in scalars: [Unicode.Scalar], words: [TextSpan]) -> [CapitalToken] {
        var tokens: [CapitalToken] = []
        for (wordIndex, span) in words.enumerated() {
            guard let core = core(scalars, span) else { continue }
            var parts: [Range<Int>] = []
            var partStart = core.lowerBound
            for index in core where scalars[index] == "/" {
                parts.append(partStart..<index)
                partStart = index + 1
            }
            parts.append(partStart..<core.upperBound)
            // A number among the parts ("2000/78/CE", "HTTP/1.1"): the whole is a reference or a version.
            if parts.count > 1, parts.contains(where: { !$0.isEmpty && Tokenizer.isDigit(scalars[$0.lowerBound]) && !scalars[$0].contains(where: Tokenizer.isLetter) }) {
                tokens.append(CapitalToken(kind: .code, position: span.start, wordIndex: wordIndex, text: string(scalars[core]), stem: ""))
                continue
            }
            for (number, part) in parts.enumerated() where !part.isEmpty {
                if let token = token(scalars[part], wordIndex: wordIndex, position: number == 0 ? span.start : part.lowerBound) {
                    tokens.append(token)
                }
            }
        }
        return tokens
    }

    /// The token without the punctuation around it, a French elision before it ("l'OIT", "d'URSSAF") or an
    /// English possessive after it ("the CPAM's"); nil when it holds no capital, as most tokens.
    static func core(_ scalars: [Unicode.Scalar], _ span: TextSpan) -> Range<Int>? {
        var first = span.start, end = span.end
        while first < end && !isLetterOrDigit(scalars[first]) { first += 1 }
        while end > first && !isLetterOrDigit(scalars[end - 1]) { end -= 1 }
        guard first < end else { return nil }
        // An elision: up to six letters ("l", "qu", "jusqu", "lorsqu"), an apostrophe, then a capital.
        var afterElision = first
        while afterElision < end && afterElision - first < 6 && Tokenizer.isLetter(scalars[afterElision]) { afterElision += 1 }
        if afterElision + 1 < end, isApostrophe(scalars[afterElision]), isUppercase(scalars[afterElision + 1]) {
            first = afterElision + 1
        }
        if end - first > 3, scalars[end - 1] == "s", isApostrophe(scalars[end - 2]) { end -= 2 }
        guard scalars[first..<end].contains(where: isUppercase) else { return nil }
        return first..<end
    }

    /// What a token (or one part of a slashed token) in capitals is; nil when it is not in capitals.
    static func token(_ part: ArraySlice<Unicode.Scalar>, wordIndex: Int, position: Int) -> CapitalToken? {
        let digits = part.count(where: Tokenizer.isDigit)
        if digits == 0 {
            guard part.allSatisfy(Tokenizer.isLetter) else { return nil }   // "AUJOURD'HUI", "API-REST": not one acronym
            if part.count == 1 {
                return isUppercase(part[part.startIndex]) ? CapitalToken(kind: .initial, position: position, wordIndex: wordIndex, text: string(part), stem: "") : nil
            }
            guard isCapitalWord(part) else { return nil }
            var text = string(part)
            if text.count > 2, text.hasSuffix("s") { text.removeLast() }
            return CapitalToken(kind: .word, position: position, wordIndex: wordIndex, text: text, stem: text)
        }
        // Capitals and digits (with hyphens or periods between them: "SHA-256", "TLS1.3"), never lowercase letters:
        // "1er", "IPv6", "10h30" are not in capitals.
        guard part.allSatisfy({ isUppercase($0) || Tokenizer.isDigit($0) || $0 == "-" || $0 == "." }) else { return nil }
        let letters = part.filter { Tokenizer.isLetter($0) }
        var letterRuns = 0
        var previousWasLetter = false
        for scalar in part {
            let isLetter = Tokenizer.isLetter(scalar)
            if isLetter && !previousWasLetter { letterRuns += 1 }
            previousWasLetter = isLetter
        }
        let isAcronym = letters.count >= 2 && letterRuns == 1 && digits <= 4
        return CapitalToken(kind: isAcronym ? .alphanumeric : .code, position: position, wordIndex: wordIndex, text: string(part),
                            stem: isAcronym ? string(letters[...]) : "")
    }

    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool { Tokenizer.isLetter(scalar) || Tokenizer.isDigit(scalar) }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(scalars)) }

    /// Runs of tokens in capitals next to each other, as ranges of `tokens`: each starts with a word of capitals;
    /// single capitals, codes and acronyms with digits continue a run without counting; anything else ends it.
    static func runs(_ tokens: [CapitalToken]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        var last = 0
        for (index, token) in tokens.enumerated() {
            if let first = start, token.wordIndex > tokens[index - 1].wordIndex + 1 {
                runs.append(first..<last + 1)
                start = nil
            }
            if start == nil {
                guard token.kind == .word else { continue }
                start = index
            }
            if token.kind == .word { last = index }
        }
        if let first = start { runs.append(first..<last + 1) }
        return runs
    }
}
