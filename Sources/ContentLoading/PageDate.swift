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

    /// Reads `2026-11-28`, `2026-11-28T09:30:00+01:00`, `2026-11-28 09:30 Z`… (YAML and W3C date-times).
    public init?(_ text: String) {
        // Nearly every date starts and ends with a printable ASCII character: nothing to trim, and trimming
        // by characters (grapheme clusters) cost more than reading the date.
        let printable: ClosedRange<UInt8> = 0x21...0x7E
        let trimmed = text.utf8.first.map(printable.contains) == true && text.utf8.last.map(printable.contains) == true
            ? text : String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        guard let parts = PageDate.scan(Array(trimmed.utf8)), PageDate.isValid(year: parts.year, month: parts.month, day: parts.day) else {
            return nil
        }
        year = parts.year
        month = parts.month
        day = parts.day
        original = trimmed
        isoDay = PageDate.isoDay(year: year, month: month, day: day)
    }

    /// The date of `^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$`, checked by hand:
    /// a regular expression compiled for each of thousands of pages cost more than reading the page.
    private static func scan(_ bytes: [UInt8]) -> (year: Int, month: Int, day: Int)? {
        var position = 0
        func number(_ width: Int) -> Int? {
            guard position + width <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[position..<position + width] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            position += width
            return value
        }
        func take(_ characters: String) -> Bool {
            guard position < bytes.count, characters.utf8.contains(bytes[position]) else { return false }
            position += 1
            return true
        }
        guard let year = number(4), take("-"), let month = number(2), take("-"), let day = number(2) else { return nil }
        if position == bytes.count { return (year, month, day) }
        guard take("T "), let hour = number(2), take(":"), let minute = number(2), hour < 24, minute < 60 else { return nil }
        if take(":") {
            guard number(2) != nil else { return nil }
            if take(".") {
                guard number(1) != nil else { return nil }
                while number(1) != nil {}
            }
        }
        while take(" \t") {}
        if take("Z") {
        } else if take("+-") {
            guard number(2) != nil else { return nil }
            _ = take(":")
            guard number(2) != nil else { return nil }
        }
        return position == bytes.count ? (year, month, day) : nil
    }

    private static func isoDay(year: Int, month: Int, day: Int) -> String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
        isoDay = PageDate.isoDay(year: year, month: month, day: day)
        original = isoDay
    }

    /// `2026-03-12`, whatever was written.
    public let isoDay: String

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
