import Foundation

/// Where a URL written in a generated page leads, seen from that page.
enum LinkTarget: Equatable {
    /// A file of this output: its path from the output root (percent-decoded, no leading `/`;
    /// empty or ending in `/` for a folder), and the fragment after `#`, if any.
    case output(path: String, fragment: String?)
    /// Another site: not checked (`--links` checks the site, not the web).
    case external
    /// A scheme with no page behind it: `mailto:`, `tel:`, `data:`…
    case other

    /// `url` as written in the page at `page` (a path from the output root: `fr/a/index.html`).
    /// Absolute URLs under one of `baseURLs` (the site's, per language) belong to the output.
    /// Root-relative or absolute links into a folder of `servedElsewhere` (`/docs/`) lead out of this output.
    init(_ url: String, from page: String, baseURLs: [String], servedElsewhere: [String] = []) {
        // A site has hundreds of thousands of links: Foundation's trimming and decoding only when needed.
        var rest = Substring(url)
        if rest.utf8.first.map(Self.isSpace) == true || rest.utf8.last.map(Self.isSpace) == true {
            rest = Substring(rest.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        var fragment: Substring?
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = rest[rest.utf8.index(after: hash)...]
            rest = rest[..<hash]
        }
        if let query = rest.utf8.firstIndex(of: UInt8(ascii: "?")) { rest = rest[..<query] }
        if rest.utf8.first == UInt8(ascii: "/") {
            if rest.utf8.dropFirst().first == UInt8(ascii: "/") {
                self = .external
                return
            }
        } else if let base = baseURLs.first(where: { rest.hasPrefix($0) || rest + "/" == $0 }) {
            rest = "/" + rest.dropFirst(min(base.count, rest.count))
        } else if let colon = rest.utf8.firstIndex(of: UInt8(ascii: ":")), !rest[..<colon].utf8.contains(UInt8(ascii: "/")) {
            let scheme = rest[..<colon].lowercased()
            self = scheme == "http" || scheme == "https" ? .external : .other
            return
        }
        let decoded = Self.decoded(rest)
        let decodedFragment = fragment.map { Self.decoded($0) }
        if decoded.isEmpty {
            self = .output(path: page, fragment: decodedFragment)
            return
        }
        if decoded.utf8.first == UInt8(ascii: "/"), servedElsewhere.contains(where: { decoded.hasPrefix($0) }) {
            self = .external
            return
        }
        if decoded.utf8.first == UInt8(ascii: "/"), !Self.hasDotSegment(decoded) {
            self = .output(path: String(decoded.dropFirst()), fragment: decodedFragment)
            return
        }
        let folder = page.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        let components = decoded.hasPrefix("/")
            ? decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            : folder + decoded.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        self = .output(path: Self.normalized(components), fragment: decodedFragment)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    /// Whether a `/.` (a `.` or `..` segment, or a hidden file) needs the slow normalisation.
    private static func hasDotSegment(_ path: String) -> Bool {
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if previous == UInt8(ascii: "/") && byte == UInt8(ascii: ".") { return true }
            previous = byte
        }
        return false
    }

    private static func decoded(_ text: Substring) -> String {
        text.utf8.contains(UInt8(ascii: "%")) ? (text.removingPercentEncoding ?? String(text)) : String(text)
    }

    /// `a/./b/../c` → `a/c`; `..` above the root stays at the root, as browsers do.
    private static func normalized(_ components: [String]) -> String {
        var result: [String] = []
        for (index, component) in components.enumerated() {
            let isLast = index == components.count - 1
            switch component {
            case ".": if isLast { result.append("") }
            case "..":
                if !result.isEmpty { result.removeLast() }
                if isLast { result.append("") }
            default: result.append(component)
            }
        }
        return result.joined(separator: "/")
    }
}
