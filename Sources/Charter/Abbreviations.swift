/// The abbreviations that may stand before a period without ending the sentence, and how the word after
/// the period decides. French typography writes contractions without a period (Mme, Dr, Cie, Sté, Me),
/// English writes them with one (Dr., St.): both are listed, in lowercase.
enum Abbreviation {
    /// How an abbreviation's period relates to the end of a sentence.
    enum Kind: Sendable, Equatable {
        /// A title or a word that introduces what follows (Prof., Dr., M., av. J.-C., e.g., cf., c.-à-d.):
        /// never ends a sentence.
        case title
        /// Introduces a number or a reference (No. 5, vol. 3, ch. 2, art. L. 161-1, tél. 01…): ends a
        /// sentence unless a number or a one-letter reference follows ("the answer is no. The form…").
        case beforeNumber
        /// Often the last word of a sentence (Jan., sept., U.S., a.m., Cie., et al., env.): ends it when
        /// a sentence opener follows ("in Jan. Then…", "aux U.S. Puis…"), not before a number ("Jan. 5",
        /// "janv. 2024") nor before another capitalised word ("U.S. Government", "9 a.m. Monday").
        case ambiguous
        /// "etc." ends the sentence whenever a sentence start follows.
        case end
    }

    static let kinds: [String: Kind] = {
        var kinds: [String: Kind] = ["etc": .end]
        for word in titles { kinds[word] = .title }
        for word in beforeNumbers { kinds[word] = .beforeNumber }
        for word in ambiguous { kinds[word] = .ambiguous }
        return kinds
    }()

    static let titles = [
        "m", "mme", "mmes", "mlle", "mlles", "dr", "drs", "pr", "prof", "st", "ste", "mr", "mrs", "messrs", "mgr",
        "av", "bd", "cf", "e.g", "i.e", "ex", "vs", "viz", "c.-à-d", "c.à.d", "p.ex",
    ]
    static let beforeNumbers = [
        "no", "nos", "n°", "vol", "art", "arts", "ch", "chap", "fig", "pp", "tél", "tel", "réf", "ref",
    ]
    static let ambiguous = [
        // Months, English and French (sept. is also "seven": a sentence opener after it ends the sentence).
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "janv", "févr", "fév", "avr", "juil", "déc",
        "cie", "sté", "inc", "ltd", "co", "corp", "al", "env", "approx", "min", "max", "hab", "nb", "op", "cit", "ibid",
        "jr", "sr", "dept", "sq", "éd", "ed",
        // Titles that are units too: "Ms. Smith", "MM. Dupont et Martin", but "200 ms. The cache…", "5 mm. Le…".
        "ms", "mm",
    ]

    /// The kind of `word` (lowercased, after its last apostrophe), or nil when it is a plain word.
    /// A single letter ("J.", "B.") and dotted initials ("U.S", "a.m", "J.-C") are ambiguous.
    static func kind(of word: String) -> Kind? {
        if let kind = kinds[word] { return kind }
        return isInitials(Array(word.unicodeScalars)[...]) ? .ambiguous : nil
    }

    /// One letter, or letters one at a time joined by "." or ".-" ("u.s", "a.m", "j.-c"), in lowercase scalars.
    static func isInitials(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        var expectLetter = true
        var index = word.startIndex
        while index < word.endIndex {
            let scalar = word[index]
            if expectLetter {
                guard ScalarTraits.has(scalar, ScalarTraits.alphabetic) else { return false }
                expectLetter = false
            } else {
                guard scalar == "." else { return false }
                if index + 1 < word.endIndex && word[index + 1] == "-" { index += 1 }
                expectLetter = true
            }
            index += 1
        }
        return !expectLetter
    }

    /// Capitalised words that start sentences (articles, pronouns, conjunctions, adverbs of sequence), in
    /// lowercase: after an ambiguous abbreviation, one of them starts a new sentence. An elided form is
    /// listed with its apostrophe ("l'" for "L'employeur").
    static let sentenceOpeners: Set<String> = [
        // English
        "the", "this", "that", "these", "those", "it", "its", "we", "you", "he", "she", "they", "i", "a", "an", "in", "on",
        "at", "for", "if", "when", "then", "but", "and", "or", "so", "after", "before", "there", "here", "what", "which",
        "who", "how", "why", "our", "your", "their", "his", "her", "my", "all", "some", "each", "every", "please", "to",
        "from", "with", "by", "as", "since", "while", "once", "also", "however", "finally", "next", "do", "does", "did",
        "is", "are", "was", "were", "can", "will", "should", "must", "may", "note", "see", "until", "during", "most",
        // French
        "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "il", "elle", "ils", "elles", "on", "nous", "vous",
        "je", "j'", "tu", "ce", "cet", "cette", "ces", "c'", "cela", "ça", "puis", "ensuite", "mais", "et", "ou", "donc",
        "or", "car", "en", "dans", "pour", "par", "sur", "avec", "sans", "si", "s'", "quand", "lorsque", "lorsqu'", "après",
        "avant", "depuis", "pendant", "votre", "vos", "notre", "nos", "leur", "leurs", "son", "sa", "ses", "mon", "ma",
        "mes", "tout", "tous", "toute", "toutes", "chaque", "aucun", "aucune", "au", "aux", "qui", "que", "qu'", "quel",
        "quelle", "comment", "pourquoi", "attention", "enfin", "cependant", "toutefois", "ainsi", "n'", "ne", "y", "dès",
        "jusqu'", "à", "voici", "voir",
    ]

    /// Whether the text from `next` (the first character after the spaces that follow the period, a
    /// sentence start) goes on the sentence of an abbreviation of `kind`.
    static func continuesSentence(_ kind: Kind, _ scalars: [Unicode.Scalar], next: Int) -> Bool {
        let first = scalars[next]
        switch kind {
        case .end: return false
        case .title: return true
        case .beforeNumber:
            if ScalarTraits.has(first, ScalarTraits.numeric) { return true }
            // A one-letter reference: "art. L. 161-1", "fig. A2".
            guard ScalarTraits.has(first, ScalarTraits.uppercase), next + 1 < scalars.count else { return false }
            return scalars[next + 1] == "." || ScalarTraits.has(scalars[next + 1], ScalarTraits.numeric)
        case .ambiguous:
            if ScalarTraits.has(first, ScalarTraits.numeric) || first == "(" { return true }
            guard ScalarTraits.has(first, ScalarTraits.uppercase) else { return false }
            // Another initial: "J. A. Smith" ("A" alone would be a sentence opener).
            if next + 1 < scalars.count && scalars[next + 1] == "." { return true }
            return !sentenceOpeners.contains(openingWord(scalars, from: next))
        }
    }

    /// The letters of the word at `start`, lowercased, with its apostrophe when it is elided ("l'" of "L'employeur").
    static func openingWord(_ scalars: [Unicode.Scalar], from start: Int) -> String {
        var end = start
        while end < scalars.count && Tokenizer.isLetter(scalars[end]) { end += 1 }
        if end < scalars.count && (scalars[end] == "'" || scalars[end] == "’") {
            return String(String.UnicodeScalarView(scalars[start..<end])).lowercased() + "'"
        }
        return String(String.UnicodeScalarView(scalars[start..<end])).lowercased()
    }
}
