/// "Did you mean …?" for a name typed by a person among a closed list of names: site.yml keys, front
/// matter keys, audiences, charter rules, and the names of a template.
public enum Suggestions {
    /// The closest candidate by edit distance, when it is close enough to be a plausible typo: at most
    /// `tolerance(word.count)` edits (by default a third of the word, at least 2). Ties go to the first name
    /// in alphabetical order.
    public static func closest(to word: String, among candidates: some Sequence<String>,
                               tolerance: (Int) -> Int = { max(2, $0 / 3) }) -> String? {
        let target = Array(word.lowercased())
        let scored = Set(candidates).map { ($0, editDistance(target, Array($0.lowercased()))) }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return nil }
        return best.1 <= tolerance(target.count) ? best.0 : nil
    }

    /// "did you mean `x`?" or the list of valid names when nothing is close.
    public static func hint(for word: String, among candidates: [String]) -> String {
        if let match = closest(to: word, among: candidates) {
            return "did you mean '\(match)'?"
        }
        return "use one of: \(candidates.joined(separator: ", "))"
    }

    /// Edit distance over Unicode characters, counting a swap of two neighbours as one edit
    /// ("titel" → "title"): the optimal string alignment distance, on three rows.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = Swift.min(current[j], beforePrevious[j - 2] + 1) }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
