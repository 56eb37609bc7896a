import ContentLoading
import Foundation

/// Dates written the way the page's language writes them: "28 novembre 2026", "1er mars 2026", "28 November 2026".
public struct DateLabels: Sendable {
    public let language: String
    /// The twelve month names as the language writes them inside a date ("novembre", "November").
    private let months: [String]

    /// Asks the locale for its month names once; labelling a date is then a concatenation.
    public init(language: String) {
        self.language = language
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: language)
        formatter.dateFormat = "MMMM"
        months = (1...12).map { month in
            calendar.date(from: DateComponents(year: 2001, month: month, day: 15)).map(formatter.string(from:)) ?? String(month)
        }
    }

    /// Day, month name, year in this order for both languages (GOV.UK and French style), not the US order.
    public func label(_ date: PageDate) -> String {
        guard (1...12).contains(date.month) else { return date.isoDay }
        // French writes the first day of a month as an ordinal: "1er mars".
        let day = language.hasPrefix("fr") && date.day == 1 ? "1er" : String(date.day)
        return "\(day) \(months[date.month - 1]) \(date.year)"
    }

    public static func label(_ date: PageDate, language: String) -> String {
        DateLabels(language: language).label(date)
    }
}
