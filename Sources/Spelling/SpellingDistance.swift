/// How far a suggestion is from what was written: an edit distance (Damerau–Levenshtein, optimal string
/// alignment) whose weights follow the slips writers make, so that the likeliest word comes first:
/// - a missing or wrong accent, or a ligature spelled out (coeur → cœur): 0.25, and 0.2 for an é, by far
///   the commonest accent in French (evenement → événement before évènement, employe → employé before employè);
/// - a letter in the wrong case: 0.1;
/// - a doubled letter added or dropped (apeller → appeler), a missing apostrophe or hyphen: 0.5;
/// - two neighbouring letters swapped: 0.75;
/// - a letter left out: 0.9 — the commonest slip (assurace → assurance before assurage);
/// - a vowel written for another: 0.9 (grammer → grammar before crammer);
/// - any other letter added or replaced: 1; a space added (two words run together): 1.2.
/// No word frequencies are at hand (the dictionaries have none): equal distances go alphabetically.
enum SpellingDistance {
    /// One folded unit of a word and the character it comes from (œ gives two units).
    struct Unit {
        var folded: UInt32
        var original: UInt32
    }

    static func units(_ word: String) -> [Unit] {
        word.unicodeScalars.flatMap { scalar in WordFolding.fold(scalar).map { Unit(folded: $0, original: scalar.value) } }
    }

    static func distance(_ written: [Unit], _ candidate: [Unit]) -> Double {
        let (rows, columns) = (written.count, candidate.count)
        if rows == 0 || columns == 0 { return Double(max(rows, columns)) }
        // Three rows of the matrix: the transposition looks two back.
        var before = [Double](repeating: 0, count: columns + 1)
        var previous = [Double](repeating: 0, count: columns + 1)
        for column in 1...columns { previous[column] = previous[column - 1] + indelCost(candidate, column - 1, missing: true) }
        var current = [Double](repeating: 0, count: columns + 1)
        for row in 1...rows {
            current[0] = previous[0] + indelCost(written, row - 1)
            for column in 1...columns {
                var best = min(previous[column] + indelCost(written, row - 1),
                               current[column - 1] + indelCost(candidate, column - 1, missing: true),
                               previous[column - 1] + substitutionCost(written[row - 1], candidate[column - 1]))
                if row > 1 && column > 1 && written[row - 1].folded == candidate[column - 2].folded
                    && written[row - 2].folded == candidate[column - 1].folded && written[row - 1].folded != written[row - 2].folded {
                    best = min(best, before[column - 2] + 0.75)
                }
                current[column] = best
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[columns]
    }

    static func substitutionCost(_ a: Unit, _ b: Unit) -> Double {
        if a.original == b.original { return 0 }
        if a.folded != b.folded { return isVowel(a.folded) && isVowel(b.folded) ? 0.9 : 1 }
        // Same letter: only the case differs, or an accent (or a ligature).
        let sameCase = Unicode.Scalar(a.original).map(WordFolding.lowercase) == Unicode.Scalar(b.original).map(WordFolding.lowercase)
        if sameCase { return 0.1 }
        return a.original == 0xE9 || b.original == 0xE9 ? 0.2 : 0.25
    }

    static func isVowel(_ unit: UInt32) -> Bool {
        [0x61, 0x65, 0x69, 0x6F, 0x75, 0x79].contains(unit)
    }

    /// Adding or dropping the unit at `index` of `word`; `missing`: the written word lacks it.
    static func indelCost(_ word: [Unit], _ index: Int, missing: Bool = false) -> Double {
        let unit = word[index].folded
        if unit == 0x27 || unit == 0x2D { return 0.5 }
        if index > 0 && word[index - 1].folded == unit { return 0.5 }
        if index + 1 < word.count && word[index + 1].folded == unit { return 0.5 }
        if unit == 0x20 { return 1.2 }
        return missing ? 0.9 : 1
    }
}
