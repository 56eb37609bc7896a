import Foundation

/// How URLs and output files are made from path segments, in one place.
public enum URLPaths {
    /// `["fr", "employeurs"]` → `/fr/employeurs/`, each segment percent-encoded.
    public static func url(_ segments: [String]) -> String {
        let encoded = segments.map { segment in
            // Slugs are mostly plain ASCII, which needs no escaping: Foundation only for the others.
            segment.utf8.allSatisfy(isPlainSlugByte) ? segment : segment.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? segment
        }
        return "/" + encoded.map { $0 + "/" }.joined()
    }

    /// `["fr", "employeurs"]` → `fr/employeurs/index.html`.
    public static func outputPath(_ segments: [String]) -> String {
        (segments + ["index.html"]).joined(separator: "/")
    }

    /// A root-relative URL → the file that serves it: `/fr/a/` → `fr/a/index.html`, `/fr/a.html` → `fr/a.html`.
    public static func outputPath(forURL url: String) -> String {
        let path = url.removingPercentEncoding ?? url
        let trimmed = path.hasPrefix("/") ? String(path.dropFirst()) : path
        if trimmed.isEmpty { return "index.html" }
        if trimmed.hasSuffix("/") { return trimmed + "index.html" }
        if trimmed.split(separator: "/").last?.contains(".") == true { return trimmed }
        return trimmed + "/index.html"
    }

    /// The absolute URL of a root-relative one.
    public static func absolute(_ url: String, baseURL: String) -> String {
        baseURL + (url.hasPrefix("/") ? String(url.dropFirst()) : url)
    }

    /// Lexical normalisation of a `/`-separated path: `a/b/../c` → `a/c`; nil when `..` climbs above the start.
    public static func normalize(_ components: [String]) -> [String]? {
        var result: [String] = []
        for component in components {
            switch component {
            case "", ".": continue
            case "..":
                guard !result.isEmpty else { return nil }
                result.removeLast()
            default: result.append(component)
            }
        }
        return result
    }

    /// Letters, digits and `-._~`, which every URL keeps as they are (all in `segmentAllowed`).
    static func isPlainSlugByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }

    private static let segmentAllowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: "/?#")
        return set
    }()
}
