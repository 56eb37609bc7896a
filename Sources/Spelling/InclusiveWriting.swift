/// French inclusive writing ("écriture inclusive"): a masculine word followed by feminine and plural
/// endings, cut by a middle dot (salarié·e·s, utilisateur·rice·s), a dot operator (lecteur⋅ice), a bullet
/// (employé•e•s), a period (salarié.e.s, tou.te.s) or a hyphen (salarié-e-s).
///
/// The dictionary knows a few of these forms (Grammalecte lists salarié·e·s), most not. A form is
/// accepted when its masculine word is correct and every ending is one of `endings`, so that a typo
/// in the word ("utilisatuer·rice·s") is still found. The masculine word is the part before the first
/// separator, or that part with the final plural ending: tou·te·s → tous, agent·e·s → agent or agents.
enum InclusiveWriting {
    static let separators: [Unicode.Scalar] = ["\u{00B7}", "\u{22C5}", "\u{2022}", ".", "-"]

    /// Feminine and plural endings written after a separator, in lowercase (as writers write them).
    static let endings: Set<String> = [
        "e", "es", "s", "x",                           // salarié·e·s, agent·e·s, heureux·se (with "se" below)
        "rice", "rices", "ice", "ices", "trice", "trices", // utilisateur·rice·s, lecteur⋅ice, directeur·trice·s
        "euse", "euses", "se", "ses",                  // développeur·euse, travailleur·euse·s, heureux·se
        "te", "tes", "ne", "nes", "le", "les",         // tou·te·s, technicien·ne·s, professionnel·le·s
        "ère", "ères", "ve", "ves", "ive", "ives",     // premier·ère·s, sportif·ve·s, actif·ive·s
        "elle", "elles", "esse", "esses",              // nouveaux·elles, il·elle, maître·sse (with "esse")
    ]

    /// The masculine words to check for `word` when it is written in inclusive form; nil when it is not one.
    static func masculineForms(of word: String) -> [String]? {
        guard let separator = separators.first(where: { word.unicodeScalars.contains($0) }) else { return nil }
        let parts = word.unicodeScalars.split(separator: separator, omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        guard parts.count >= 2, !parts[0].isEmpty, parts.dropFirst().allSatisfy(endings.contains) else { return nil }
        var forms = [parts[0]]
        if let last = parts.last, last == "s" || last == "x" { forms.append(parts[0] + last) }
        return forms
    }

    /// The word with a dot operator or a bullet written as a middle dot, the separator the dictionary knows
    /// (lecteur⋅ice⋅s → lecteur·ice·s); nil when it has neither.
    static func withMiddleDots(_ word: String) -> String? {
        guard word.unicodeScalars.contains(where: { $0 == "\u{22C5}" || $0 == "\u{2022}" }) else { return nil }
        return String(String.UnicodeScalarView(word.unicodeScalars.map { $0 == "\u{22C5}" || $0 == "\u{2022}" ? "\u{00B7}" : $0 }))
    }
}

/// Letters in parentheses inside a word: an optional part ("site(s)", "salarié(e)s") or a part of a name
/// ("(open)SSH").
enum OptionalParts {
    /// The word with the letters in parentheses and without them, and its parts between parentheses;
    /// nil when the word has no pair of parentheses (or nested or unbalanced ones).
    static func forms(of word: String) -> (with: String, without: String, parts: [String])? {
        var with = String.UnicodeScalarView(), without = String.UnicodeScalarView()
        var parts: [String] = [], part = String.UnicodeScalarView()
        var inside = false, pairs = 0
        for scalar in word.unicodeScalars {
            switch scalar {
            case "(":
                guard !inside else { return nil }
                inside = true
                if !part.isEmpty { parts.append(String(part)) }
                part = String.UnicodeScalarView()
            case ")":
                guard inside else { return nil }
                inside = false
                pairs += 1
                if !part.isEmpty { parts.append(String(part)) }
                part = String.UnicodeScalarView()
            default:
                with.append(scalar)
                if !inside { without.append(scalar) }
                part.append(scalar)
            }
        }
        guard !inside, pairs > 0 else { return nil }
        if !part.isEmpty { parts.append(String(part)) }
        return (String(with), String(without), parts)
    }
}
