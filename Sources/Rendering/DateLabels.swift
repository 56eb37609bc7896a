import ContentLoading
import Foundation

/// Dates written the way the page's language writes them: "28 novembre 2026", "1er mars 2026", "28 November 2026".
public enum DateLabels {
    public static func label(_ date: PageDate, language: String) -> String {
        var components = DateComponents()
        components.year = date.year
        components.month = date.month
        components.day = date.day
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let instant = calendar.date(from: components) else { return date.isoDay }
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: language)
        // Day, month name, year in this order for both languages (GOV.UK and French style), not the US order.
        formatter.dateFormat = "d MMMM y"
        var text = formatter.string(from: instant)
        // French writes the first day of a month as an ordinal: "1er mars".
        if language.hasPrefix("fr") && date.day == 1, text.hasPrefix("1 ") {
            text = "1er" + text.dropFirst(1)
        }
        return text
    }
}
