/// Surnames written in capitals, as French administrative style and minutes write them ("Mme Claire GARNIER",
/// "M. ROUX", "Karim BOUZID, parent élu"): names of people, not acronyms to write out.
enum PersonNames {
    /// Titles before a person's name, compared in lowercase without their final period.
    static let civilities: Set<String> = [
        "m", "mm", "mme", "mmes", "mlle", "mlles", "madame", "monsieur", "mademoiselle", "dr", "docteur", "pr", "professeur", "maître",
        "mr", "mrs", "ms", "mx", "miss", "prof", "sir", "dame", "lord", "lady", "cllr", "rev",
    ]

    /// Words before a thing's name, never before a person's given name ("le Service ACOSS", "your Portal NHS").
    static let determiners: Set<String> = [
        "le", "la", "les", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs",
        "votre", "vos", "notre", "nos", "mon", "ma", "mes", "the", "a", "an", "this", "that", "these", "those", "your", "our", "their", "its", "my",
    ]

    /// How many given names may come between a civility and the surname ("Mme Marie-Claire Anne DUPONT").
    static let maximumGivenNames = 3

    /// The words in capitals of a page that are surnames: after a civility, with or without given names before them
    /// ("M. ROUX", "Mme Sophie GARNIER"); after a given name alone ("Karim BOUZID") when it is not an acronym after
    /// the name it stands for ("la Caisse CPAM": same first letter), has three letters or more and a vowel, the given
    /// name follows no determiner ("le Service ACOSS" is a thing), and it does not open its sentence — unless the
    /// dictionary (`knows`, when spelling is on) does not know it in lowercase ("Votre CV" opens a sentence, "Karim"
    /// is no word). Capitals right after a surname are part of it ("Mme Claire DE SOUSA"), not in parentheses
    /// ("M. ROUX (DRH)"). Surnames found once are not acronyms anywhere on the page ("Mme BENSALEM" later).
    static func surnames(_ tokens: [[CapitalToken]], words: [[TextSpan]], blocks: [ProseBlock], knows: ((String) -> Bool)?) -> Set<String> {
        var names = Set<String>()
        for (block, blockTokens) in tokens.enumerated() {
            let scalars = blocks[block].text.scalars
            let blockWords = words[block]
            var previousSurname: Int?
            for token in blockTokens where token.kind == .word {
                let index = token.wordIndex
                if let previous = previousSurname, previous + 1 == index, endsWithLetter(blockWords[previous], scalars),
                   startsWithCapital(token, words: blockWords, scalars: scalars) {
                    names.insert(token.text)
                    previousSurname = index
                    continue
                }
                previousSurname = nil
                if isSurname(token, words: blockWords, scalars: scalars, knows: knows) {
                    names.insert(token.text)
                    previousSurname = index
                }
            }
        }
        return names
    }

    static func isSurname(_ token: CapitalToken, words: [TextSpan], scalars: [Unicode.Scalar], knows: ((String) -> Bool)?) -> Bool {
        guard startsWithCapital(token, words: words, scalars: scalars) else { return false }
        var before = token.wordIndex - 1
        while before >= 0, token.wordIndex - before <= maximumGivenNames, !isCivility(words[before], scalars),
              isGivenName(words[before], scalars), endsWithLetter(words[before], scalars) {
            before -= 1
        }
        if before >= 0, isCivility(words[before], scalars) { return true }
        guard token.wordIndex - 1 > before else { return false }
        // "la Caisse CPAM", "the European Health Insurance Card EHIC": a name and its acronym, not a person.
        let givenNames = (before + 1)..<token.wordIndex
        guard token.text.count >= 3, token.text.contains(where: { "AEIOUYÀÂÉÈÊËÎÏÔÖÙÛÜ".contains($0) }),
              !givenNames.contains(where: { NotAcronyms.core(words[$0], scalars).first == token.text.unicodeScalars.first }) else { return false }
        let opensSentence = before < 0 || Tokenizer.isFinalPunctuation(scalars[words[before].end - 1]) || scalars[words[before].end - 1] == ":"
        guard opensSentence else { return !determiners.contains(Capitals.string(NotAcronyms.core(words[before], scalars)).lowercased()) }
        guard let knows else { return false }
        return !knows(Capitals.string(NotAcronyms.core(words[before + 1], scalars)).lowercased())
    }

    /// A word with a capital then lowercase letters, maybe hyphenated: "Sophie", "Jean-Pierre", "Inès".
    static func isGivenName(_ span: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
        let parts = NotAcronyms.core(span, scalars).split(separator: "-", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            part.count >= 2 && Capitals.isUppercase(part[part.startIndex])
                && part.dropFirst().allSatisfy { Tokenizer.isLetter($0) && !Capitals.isUppercase($0) }
        }
    }

    /// "M.", "Mme", "Dr", "Mrs.", "MM.": a title and nothing else after it but a period, which "M" and "MM" need
    /// ("MS" or "MM" alone are acronyms).
    static func isCivility(_ span: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
        let hasPeriod = span.end > span.start && scalars[span.end - 1] == "."
        let word = scalars[span.start..<(hasPeriod ? span.end - 1 : span.end)]
        guard let first = word.first, Capitals.isUppercase(first), word.allSatisfy(Tokenizer.isLetter),
              hasPeriod || (word.count > 1 && !word.dropFirst().contains(where: Capitals.isUppercase)) else { return false }
        return civilities.contains(Capitals.string(word).lowercased())
    }

    /// Whether a token's word opens with its first capital: "Karen Webb (CEO)", "l'OIT": in parentheses or after an
    /// elision, capitals are no surname.
    static func startsWithCapital(_ token: CapitalToken, words: [TextSpan], scalars: [Unicode.Scalar]) -> Bool {
        token.position == words[token.wordIndex].start && Capitals.isUppercase(scalars[token.position])
    }

    /// Whether a word ends with a letter or digit: "Sophie" does, "GARNIER," does not (a comma ends the name).
    static func endsWithLetter(_ span: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
        span.end > span.start && Capitals.isLetterOrDigit(scalars[span.end - 1])
    }
}
