import Foundation

/// A publication date from front matter: `2026-03-12` or a date-time with its zone.
///
/// A date-time counts by its own calendar date (the date written, in its own zone), which is what
/// a person reading the front matter expects, whatever the zone of the machine that builds.
public struct PageDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    /// The text as written, kept for sitemap.xml's `lastmod` (W3C date-time format).
    public let original: String

    public init?(_ text: String) {
        let pattern = #"^(\d{4})-(\d{2})-(\d{2})([T ](\d{2}):(\d{2})(:(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$"#
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let match = trimmed.range(of: pattern, options: .regularExpression), match == trimmed.startIndex..<trimmed.endIndex else {
            return nil
        }
        let parts = trimmed.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, PageDate.isValid(year: parts[0], month: parts[1], day: parts[2]) else { return nil }
        if trimmed.count > 10 {
            let time = trimmed.dropFirst(11)
            let hour = Int(time.prefix(2)) ?? 99, minute = Int(time.dropFirst(3).prefix(2)) ?? 99
            guard hour < 24, minute < 60 else { return nil }
        }
        year = parts[0]
        month = parts[1]
        day = parts[2]
        original = trimmed
    }

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
        original = String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// `2026-03-12`, whatever was written.
    public var isoDay: String { String(format: "%04d-%02d-%02d", year, month, day) }

    public var description: String { original }

    public static func < (lhs: PageDate, rhs: PageDate) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.original) < (rhs.year, rhs.month, rhs.day, rhs.original)
    }

    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}
