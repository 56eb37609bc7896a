import Foundation

/// Stable anchor ids for headings: the heading's words, lowercase, without accents, joined by hyphens.
///
/// The same heading text gives the same id from one build to the next, so links to `#duree` keep
/// working; repeated headings get `-2`, `-3` in document order.
public struct HeadingIDs {
    private var used: Set<String>

    /// `reserved` are ids the theme uses already (`content`, `footer`…).
    public init(reserved: Set<String> = []) {
        used = reserved
    }

    public mutating func id(for text: String) -> String {
        let base = HeadingIDs.slug(text)
        var candidate = base
        var number = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }

    public static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }
}
