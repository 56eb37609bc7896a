import Foundation

/// Stable anchor ids for headings: the heading's words, lowercase, without accents, joined by hyphens.
///
/// The same heading text gives the same id from one build to the next, so links to `#duree` keep
/// working; repeated headings get `-2`, `-3` in document order.
public struct HeadingIDs {
    private var used: Set<String>
    /// The number to try next after each base already taken: without it, the 10,000th heading of the
    /// same text would try `-2` to `-10000` again (10,000 such headings took 8 s). Numbers below it are
    /// all in `used` already, and `used` only grows, so the ids are the same as trying from `-2`.
    private var nextNumber: [String: Int] = [:]

    /// `reserved` are ids the theme uses already (`content`, `footer`…).
    public init(reserved: Set<String> = []) {
        used = reserved
    }

    public mutating func id(for text: String) -> String {
        let base = HeadingIDs.slug(text)
        var candidate = base
        var number = nextNumber[base] ?? 2
        if used.contains(candidate) {
            repeat {
                candidate = "\(base)-\(number)"
                number += 1
            } while used.contains(candidate)
            nextNumber[base] = number
        }
        used.insert(candidate)
        return candidate
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    public static func slug(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSlug(text) }
        let folded = latinFolded(text) ?? foundationFolded(text)
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if alphanumerics.contains(scalar) {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// Made once: the getter builds a new set on each call.
    private static let alphanumerics = CharacterSet.alphanumerics

    /// Lowercase, without accents, with the ligatures œ and æ written out.
    static func foundationFolded(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: posix)
            .replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
    }

    /// Scalars up to the end of Latin Extended-B, in which French, and most European languages, write.
    static let latinScalars: Range<UInt32> = 0..<0x250

    /// Foundation's folding of each scalar of `latinScalars` on its own, worked out once.
    static let latinFolds: [String] = latinScalars.map { value in
        Unicode.Scalar(value).map { foundationFolded(String(Character($0))) } ?? ""
    }

    /// Foundation's folding, scalar by scalar from a table, for a text written only with `latinScalars`;
    /// nil for any other text. A precomposed letter folds the same alone as within a word; a combining
    /// mark, which could change the letter before it, is outside the range and makes this give up.
    /// Why: Foundation's folding was half of the time spent on heading ids, on French headings.
    static func latinFolded(_ text: String) -> String? {
        var folded = ""
        folded.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard latinScalars.contains(scalar.value) else { return nil }
            folded += latinFolds[Int(scalar.value)]
        }
        return folded
    }

    /// The same slug for a heading in plain ASCII, without Foundation's folding (most English headings).
    static func asciiSlug(_ text: String) -> String {
        var bytes: [UInt8] = []
        var pendingHyphen = false
        for byte in text.utf8 {
            let lower = (65...90).contains(byte) ? byte + 32 : byte
            if (97...122).contains(lower) || (48...57).contains(lower) {
                if pendingHyphen && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                bytes.append(lower)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return bytes.isEmpty ? "section" : String(decoding: bytes, as: UTF8.self)
    }
}
