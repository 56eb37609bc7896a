/// A page file of the randomised test as lines of front matter (`key: value`, one a line, as the
/// test writes them) and a body, to change one key or the text and write it back.
struct PageText {
    var matter: [(key: String, value: String)]
    var body: String

    init(matter: [(key: String, value: String)], body: String) {
        self.matter = matter
        self.body = body
    }

    /// Nil when the text is not `---`, lines of `key: value`, `---`, body (a page broken on purpose).
    init?(_ text: String) {
        guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) else { return nil }
        var matter: [(key: String, value: String)] = []
        for line in text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound].split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            matter.append((String(line[..<colon]), String(line[line.index(after: colon)...].drop { $0 == " " })))
        }
        self.init(matter: matter, body: String(text[end.upperBound...]))
    }

    var text: String {
        "---\n" + matter.map { "\($0.key): \($0.value)\n" }.joined() + "---\n" + body
    }

    subscript(key: String) -> String? {
        get { matter.first { $0.key == key }?.value }
        set {
            if let index = matter.firstIndex(where: { $0.key == key }) {
                if let newValue { matter[index].value = newValue } else { matter.remove(at: index) }
            } else if let newValue {
                matter.append((key, newValue))
            }
        }
    }

    /// A text quoted for YAML.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The title without its quotes.
    var title: String {
        guard let value = self["title"] else { return "" }
        return value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 ? String(value.dropFirst().dropLast()) : value
    }
}

/// Links between page files, as pages write them: relative paths with an optional `#anchor`.
enum PageLinks {
    /// The link from one file to another, both from the site root (`Content/fr/a/b.md`).
    static func relative(from file: String, to target: String) -> String {
        let from = file.split(separator: "/").dropLast().map(String.init)
        let to = target.split(separator: "/").map(String.init)
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        return Array(repeating: "..", count: from.count - common).joined(separator: "/").appending(from.count > common ? "/" : "")
            + to[common...].joined(separator: "/")
    }

    /// The page a relative link of `file` leads to, from the site root; nil for other links.
    static func target(of destination: String, from file: String) -> String? {
        resolved(destination, from: file).flatMap { $0.hasSuffix(".md") ? $0 : nil }
    }

    /// The file a relative link of `file` leads to, from the site root; nil for addresses and root-relative links.
    static func resolved(_ destination: String, from file: String) -> String? {
        let path = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard !path.isEmpty, !path.contains(":"), !path.hasPrefix("/") else { return nil }
        var parts = file.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }

    /// The body with each link destination `[…](destination)` replaced by `transform`'s.
    static func mapDestinations(_ body: String, _ transform: (String) -> String) -> String {
        var result = ""
        var rest = body[...]
        while let open = rest.range(of: "](") {
            result += rest[..<open.upperBound]
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: ")") else { break }
            result += transform(String(rest[..<close]))
            rest = rest[close...]
        }
        return result + rest
    }

    /// The body of `file`, now at `newPath`, with its links made relative to its new place and
    /// leading to where `newPlace` says each file went.
    static func retarget(_ body: String, of file: String, now newPath: String, newPlace: (String) -> String) -> String {
        mapDestinations(body) { destination in
            guard let target = resolved(destination, from: file) else { return destination }
            let anchor = destination.firstIndex(of: "#").map { String(destination[$0...]) } ?? ""
            return relative(from: newPath, to: newPlace(target)) + anchor
        }
    }

    /// Where a path is after `from` (a file or a folder) moved to `to`.
    static func moved(_ path: String, from: String, to: String) -> String {
        path == from || path.hasPrefix(from + "/") ? to + path.dropFirst(from.count) : path
    }
}
