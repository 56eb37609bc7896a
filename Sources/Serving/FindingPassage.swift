/// The passage of a page's text that a charter finding is about, as the reader sees it: what the
/// charter panel looks for in the rendered page to highlight it.
///
/// A finding gives only where it starts (line and column of the Markdown). The passage is the text
/// from there to the end of its sentence, with the Markdown marks taken out; `marked` says how many of
/// its characters are the finding's own (a misspelt word, a phrase with a plainer equivalent), the rest
/// being there so that the right occurrence is found. Without a subject, the whole passage is marked.
struct FindingPassage: Equatable {
    var text: String
    var marked: Int
    /// How many times the passage is in the page's text, and how many of them come before this one: the
    /// panel marks the same one of the page's (a repeated phrase is not marked where it first appears).
    var occurrences = 1
    var occurrence = 0

    /// The longest passage taken, in characters: a sentence longer than this is found by its start.
    static let longest = 1_000

    /// `body`: the page's Markdown after its front matter, whose first line is line `firstLine` of the file;
    /// `plainBody`: `plain(body)`, made once for all the findings of a page.
    /// Nil when the line is not in the body (a finding about the front matter) or the passage is empty.
    init?(body: String, plainBody: String? = nil, firstLine: Int, line: Int, column: Int, subject: String?) {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let index = line - firstLine
        guard index >= 0, index < lines.count else { return nil }
        var raw: [Character] = []
        var number = index
        var start = max(0, column - 1)
        // The rest of the sentence, over the lines of its paragraph: up to a full stop, a question or exclamation
        // mark followed by a space or the end, or a blank line.
        paragraph: while number < lines.count {
            let scalars = Array(lines[number].unicodeScalars)
            if number > index && scalars.allSatisfy({ $0 == " " || $0 == "\t" }) { break }
            if start < scalars.count {
                let piece = String(String.UnicodeScalarView(scalars[start...]))
                for (offset, character) in piece.enumerated() {
                    raw.append(character)
                    let next = piece.dropFirst(offset + 1).first
                    if ".?!…".contains(character) && (next == nil || next!.isWhitespace) && raw.count > 1 { break paragraph }
                    if raw.count >= Self.longest * 2 { break paragraph }
                }
            }
            raw.append(" ")
            number += 1
            start = 0
        }
        let text = Self.plain(String(raw))
        guard !text.isEmpty else { return nil }
        let shown = String(text.prefix(Self.longest))
        self.text = shown
        // The subject, or a phrase the message quotes (“…”), when the passage starts with it.
        if let subject, shown.lowercased().hasPrefix(subject.lowercased()) {
            marked = subject.count
        } else {
            marked = shown.count
        }
        occurrences = max(1, Self.count(shown, in: plainBody ?? Self.plain(body)))
        if occurrences > 1 {
            let before = lines[..<index].joined(separator: "\n") + "\n" + String(String.UnicodeScalarView(Array(lines[index].unicodeScalars).prefix(column - 1)))
            occurrence = min(occurrences - 1, Self.count(shown, in: Self.plain(before)))
        }
    }

    /// How many times `needle` is in `text`, not overlapping.
    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The Markdown's text as the page shows it: links by their text, no emphasis or code marks, no list
    /// or heading marks, one space between words.
    static func plain(_ markdown: String) -> String {
        var text = markdown.replacingOccurrences(of: #"!?\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<(https?://[^>]+)>"#, with: "$1", options: .regularExpression)
        text = text.replacingOccurrences(of: #"(^|\s)(#{1,6}|[-*+]|\d+[.)]|>)\s"#, with: "$1", options: .regularExpression)
        text = text.replacingOccurrences(of: #"[*`]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])"#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\\(.)"#, with: "$1", options: .regularExpression)
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
