/// The suppression comments of a page:
/// `<!-- charter-disable RULE -->` … `<!-- charter-enable RULE -->` and `<!-- charter-ignore-next-line RULE -->`.
/// Without a rule id, they apply to every rule; several ids may be separated by spaces or commas.
struct Suppressions {
    private var ranges: [(rules: Set<RuleID>?, from: Int, to: Int)] = []
    /// Findings about unknown rule ids in the comments themselves.
    private(set) var problems: [(point: SourcePoint, text: String)] = []

    init(comments: [HTMLComment]) {
        var open: [(rules: Set<RuleID>?, from: Int)] = []
        for comment in comments.sorted(by: { $0.start < $1.start }) {
            let body = comment.text.dropFirst(4).dropLast(comment.text.hasSuffix("-->") ? 3 : 0).trimmingCharacters(in: .whitespacesAndNewlines)
            let words = body.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" }).map(String.init)
            guard let command = words.first, command.hasPrefix("charter-") else { continue }
            var rules = Set<RuleID>()
            for word in words.dropFirst() {
                // `source` findings say a file cannot be read as it is: only fixing the file removes them.
                if let rule = RuleID(rawValue: word), RuleID.configurable.contains(rule) { rules.insert(rule) } else { problems.append((comment.start, word)) }
            }
            let selected: Set<RuleID>? = rules.isEmpty ? nil : rules
            switch command {
            case "charter-disable":
                open.append((selected, comment.start.line))
            case "charter-enable":
                open.removeAll { entry in
                    let closes = selected == nil || entry.rules == nil || !(entry.rules!.isDisjoint(with: selected!))
                    if closes { ranges.append((entry.rules, entry.from, comment.endLine)) }
                    return closes
                }
            case "charter-ignore-next-line":
                ranges.append((selected, comment.endLine + 1, comment.endLine + 1))
            default:
                problems.append((comment.start, command))
            }
        }
        for entry in open { ranges.append((entry.rules, entry.from, Int.max)) }
    }

    func suppresses(_ finding: Finding) -> Bool {
        ranges.contains { range in
            (range.rules == nil || range.rules!.contains(finding.rule)) && finding.line >= range.from && finding.line <= range.to
        }
    }
}

import Foundation
