/// `typography`: French spacing and abbreviations, English spacing. Every finding carries its fix.
///
/// French wants a no-break space before : ; ! ? » and %, and after «; ordinals 1er, 2e (not 2ème);
/// "etc." (not "etc..."). English wants no space before : ; ! ?.
struct TypographyRule: CharterRule {
    let id = RuleID.typography
    static let noBreakSpace: Unicode.Scalar = "\u{00A0}"
    static let narrowNoBreakSpace: Unicode.Scalar = "\u{202F}"

    func check(_ page: PageAnalysis) -> [Finding] {
        zip(page.document.blocks, page.words).flatMap { block, words in
            page.language.hasPrefix("fr") ? french(block.text, words, page) : (page.language.hasPrefix("en") ? english(block.text, page) : [])
        }
    }

    static func isNoBreak(_ scalar: Unicode.Scalar) -> Bool { scalar == noBreakSpace || scalar == narrowNoBreakSpace }

    func french(_ text: ProseText, _ words: [TextSpan], _ page: PageAnalysis) -> [Finding] {
        let scalars = text.scalars
        var findings: [Finding?] = []
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case ":", ";", "!", "?", "»", "%":
                guard index > 0 else { continue }
                let previous = scalars[index - 1]
                if TypographyRule.isNoBreak(previous) { continue }
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                if scalar == ":" && (ScalarTraits.has(previous, ScalarTraits.numeric) && ScalarTraits.has(next, ScalarTraits.numeric) || next == "/") { continue }
                if "!?".unicodeScalars.contains(scalar) && "!?".unicodeScalars.contains(previous) { continue }
                if previous == ProseText.placeholder { continue }
                findings.append(spaceBefore(scalar, at: index, in: text, page))
            case "«":
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                if TypographyRule.isNoBreak(next) { continue }
                let point = text.point(at: index)
                let fix = next == " " ? TextFix(line: point.line, column: point.column, original: "« ", replacement: "«\u{00A0}")
                                      : TextFix(line: point.line, column: point.column, original: "«", replacement: "«\u{00A0}")
                findings.append(page.finding(id, at: point, "A no-break space is needed after «.", suggestion: "Write «\u{00A0}…", fix: fix))
            default:
                continue
            }
        }
        findings += ordinalsAndEtc(text, words, page)
        return findings.compactMap { $0 }
    }

    func spaceBefore(_ scalar: Unicode.Scalar, at index: Int, in text: ProseText, _ page: PageAnalysis) -> Finding? {
        let previous = text.scalars[index - 1]
        let point = text.point(at: index)
        let mark = String(scalar)
        let fix: TextFix
        if previous == " " {
            let spacePoint = text.point(at: index - 1)
            fix = TextFix(line: spacePoint.line, column: spacePoint.column, original: " " + mark, replacement: "\u{00A0}" + mark)
        } else {
            fix = TextFix(line: point.line, column: point.column, original: mark, replacement: "\u{00A0}" + mark)
        }
        return page.finding(id, at: point, "A no-break space is needed before “\(mark)”.",
                            suggestion: "Type a no-break space (U+00A0 or U+202F) before “\(mark)”.", fix: fix)
    }

    /// "2ème" → "2e", "1ère" → "1re", "etc..." → "etc.".
    func ordinalsAndEtc(_ text: ProseText, _ words: [TextSpan], _ page: PageAnalysis) -> [Finding?] {
        var findings: [Finding?] = []
        // Without a digit in the block, only a token starting "etc" can be one: no need to read the others.
        let blockHasDigit = text.scalars.contains { Tokenizer.isDigit($0) }
        for span in words where blockHasDigit || text.scalars[span.start] == "e" {
            // Only tokens holding a digit or starting "etc" can be ordinals or "etc...": skip the rest cheaply.
            // Both findings need an "e" (the ordinals' endings all hold one): numbers alone stop here, before the regex.
            guard TypographyRule.mayBeOrdinalOrEtc(text.scalars, span) else { continue }
            let slice = text.scalars[span.start..<span.end]
            let token = String(String.UnicodeScalarView(slice))
            let core = token.trimmingCharacters(in: CharacterSet(charactersIn: ",;:()«»\u{00A0}"))
            let offset = token.unicodeScalars.count - token.unicodeScalars.drop { !core.unicodeScalars.contains($0) }.count
            let point = text.point(at: span.start + max(offset, 0))
            if let match = core.range(of: #"^[0-9]+(ème|eme|ième|ieme|ère|ere)$"#, options: .regularExpression), match.lowerBound == core.startIndex {
                let digits = String(core.prefix { $0.isNumber })
                let replacement = digits + (core.hasSuffix("ère") || core.hasSuffix("ere") ? "re" : (digits == "1" ? "er" : "e"))
                findings.append(page.finding(id, at: point, "Write the ordinal “\(replacement)”, not “\(core)”.", suggestion: "Write “\(replacement)”.",
                                             fix: TextFix(line: point.line, column: point.column, original: core, replacement: replacement)))
            } else if core.hasPrefix("etc") && (core.hasPrefix("etc...") || core.hasPrefix("etc…") || core.hasPrefix("etc..")) {
                let original = core.hasPrefix("etc...") ? "etc..." : (core.hasPrefix("etc…") ? "etc…" : "etc..")
                findings.append(page.finding(id, at: point, "Write “etc.” with a single period.", suggestion: "Write “etc.”.",
                                             fix: TextFix(line: point.line, column: point.column, original: original, replacement: "etc.")))
            }
        }
        return findings
    }

    /// A token holding a digit, or starting "etc", and holding an "e"; by index, without a slice of the text per word.
    static func mayBeOrdinalOrEtc(_ scalars: [Unicode.Scalar], _ span: TextSpan) -> Bool {
        var hasDigit = false, hasE = false
        for index in span.start..<span.end {
            if scalars[index] == "e" { hasE = true } else if Tokenizer.isDigit(scalars[index]) { hasDigit = true }
        }
        guard hasE else { return false }
        return hasDigit || (span.end - span.start >= 3 && scalars[span.start] == "e" && scalars[span.start + 1] == "t" && scalars[span.start + 2] == "c")
    }

    func english(_ text: ProseText, _ page: PageAnalysis) -> [Finding] {
        let scalars = text.scalars
        var findings: [Finding] = []
        for index in scalars.indices.dropFirst() {
            switch scalars[index] {
            case ":", ";", "!", "?": break
            default: continue
            }
            let previous = scalars[index - 1]
            guard previous == " " || TypographyRule.isNoBreak(previous) else { continue }
            let mark = String(scalars[index])
            let spacePoint = text.point(at: index - 1)
            let fix = TextFix(line: spacePoint.line, column: spacePoint.column, original: String(previous) + mark, replacement: mark)
            if let finding = page.finding(id, at: text.point(at: index), "No space before “\(mark)” in English.", suggestion: "Remove the space.", fix: fix) {
                findings.append(finding)
            }
        }
        return findings
    }
}

import Foundation
