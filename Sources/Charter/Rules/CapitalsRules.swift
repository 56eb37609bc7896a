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

    /// A word in capitals of at least two letters ("CFE", "URSSAF"; a final plural "s" is allowed: "CPAMs").
    static func isCapitalWord(_ letters: ArraySlice<Unicode.Scalar>) -> Bool {
        var letters = letters
        if letters.count > 2, letters.last == "s" { letters.removeLast() }
        return letters.count >= 2 && letters.allSatisfy { ScalarTraits.traits($0) & (ScalarTraits.alphabetic | ScalarTraits.uppercase) == ScalarTraits.alphabetic | ScalarTraits.uppercase }
    }

    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool { ScalarTraits.has(scalar, ScalarTraits.uppercase) }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "’" }

    /// The letters of a token that starts with a capital, without a French elision before them
    /// ("l'UE", "d'URSSAF", "jusqu'à l'OMS") or an English possessive after them ("the EU's"), so that
    /// an acronym is seen in them; nil for a token that starts in lowercase, as most do.
    static func capitalLetters(_ scalars: [Unicode.Scalar], _ span: TextSpan) -> Range<Int>? {
        var first = span.start
        while first < span.end && !Tokenizer.isLetter(scalars[first]) { first += 1 }
        guard first < span.end else { return nil }
        // An elision: up to six letters ("l", "qu", "jusqu", "lorsqu"), an apostrophe, then a capital.
        var afterElision = first
        while afterElision < span.end && afterElision - first < 6 && Tokenizer.isLetter(scalars[afterElision]) { afterElision += 1 }
        if afterElision + 1 < span.end, isApostrophe(scalars[afterElision]), isUppercase(scalars[afterElision + 1]) {
            first = afterElision + 1
        }
        guard isUppercase(scalars[first]), var letters = lettersRange(scalars, TextSpan(start: first, end: span.end)) else { return nil }
        if letters.count > 3, scalars[letters.upperBound - 1] == "s", isApostrophe(scalars[letters.upperBound - 2]) {
            letters = letters.lowerBound..<(letters.upperBound - 2)
        }
        return letters
    }

    /// Runs of consecutive words in capitals in a block, each word with its span.
    static func capitalRuns(in text: ProseText, words: [TextSpan]) -> [[(span: TextSpan, word: String)]] {
        let scalars = text.scalars
        var runs: [[(span: TextSpan, word: String)]] = []
        var current: [(span: TextSpan, word: String)] = []
        for span in words {
            let letters = capitalLetters(scalars, span)
            if let letters, isCapitalWord(scalars[letters]) {
                current.append((span, String(String.UnicodeScalarView(scalars[letters]))))
            } else if let letters, !current.isEmpty, letters.count == 1, isUppercase(scalars[letters.lowerBound]) {
                continue   // "FORMULAIRE A REMPLIR": a one-letter word neither counts nor breaks the run
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}

/// `acronym-expansion`: an acronym used before it has been expanded on the page.
struct AcronymExpansionRule: CharterRule {
    let id = RuleID.acronymExpansion

    func check(_ page: PageAnalysis) -> [Finding] {
        let glossary = page.settings.glossary[page.language] ?? [:]
        var expanded = Set<String>()
        var reported = Set<String>()
        var findings: [Finding] = []
        for (block, capitalRuns) in zip(page.document.blocks, page.capitalRuns) {
            let scalars = block.text.scalars
            // A run of words in capitals is the all-caps rule's business, not a list of acronyms.
            for (span, word) in capitalRuns.filter({ $0.count < page.settings.allCapsMin }).joined() {
                let acronym = word.hasSuffix("s") && word.count > 2 ? String(word.dropLast()) : word
                if glossary[acronym] == "" || expanded.contains(acronym) || reported.contains(acronym) { continue }
                if isExpanded(at: span, in: scalars) {
                    expanded.insert(acronym)
                    continue
                }
                reported.insert(acronym)
                let suggestion = glossary[acronym].map { "Write “\($0) (\(acronym))” the first time." }
                    ?? "Write it out in full the first time, followed by “(\(acronym))”."
                if let finding = page.finding(id, at: block.text.point(at: span.start), "“\(acronym)” is used before it is written out in full.",
                                              suggestion: suggestion) {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    /// "Long form (ACR)" — the acronym alone in parentheses after words — or "ACR (long form)".
    func isExpanded(at span: TextSpan, in scalars: [Unicode.Scalar]) -> Bool {
        if scalars[span.start] == "(" {
            return Tokenizer.words(in: scalars, range: TextSpan(start: 0, end: span.start)).count >= 2
        }
        var index = span.end
        while index < scalars.count && Tokenizer.isSpace(scalars[index]) { index += 1 }
        guard index < scalars.count, scalars[index] == "(" else { return false }
        let close = scalars[index...].firstIndex(of: ")") ?? scalars.count
        return Tokenizer.words(in: scalars, range: TextSpan(start: index + 1, end: close)).count >= 2
    }
}

/// `all-caps`: three or more words in a row written in capitals.
struct AllCapsRule: CharterRule {
    let id = RuleID.allCaps

    func check(_ page: PageAnalysis) -> [Finding] {
        zip(page.document.blocks, page.capitalRuns).flatMap { block, capitalRuns in
            capitalRuns.filter { $0.count >= page.settings.allCapsMin }.compactMap { run in
                page.finding(id, at: block.text.point(at: run[0].span.start), "\(run.count) words in a row are written in capitals.",
                             suggestion: "Write them in lowercase; use bold for emphasis if needed.")
            }
        }
    }
}
