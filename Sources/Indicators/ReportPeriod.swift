import ContentLoading

/// The period of the indicator: a calendar year, or any range of days (both ends included).
public struct ReportPeriod: Sendable, Equatable {
    public let from: PageDate
    public let to: PageDate

    /// Why a period cannot be built, for the command line (exit 2).
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public init(year: Int) throws(Problem) {
        guard (1900...2999).contains(year) else { throw Problem(description: "--year \(year) is not a plausible year") }
        from = PageDate(year: year, month: 1, day: 1)
        to = PageDate(year: year, month: 12, day: 31)
    }

    public init(from: String, to: String) throws(Problem) {
        guard let start = PageDate(from), from.count == 10 else { throw Problem(description: "--from \(from) is not a date like 2026-01-01") }
        guard let end = PageDate(to), to.count == 10 else { throw Problem(description: "--to \(to) is not a date like 2026-06-30") }
        guard start.isoDay <= end.isoDay else { throw Problem(description: "--from \(from) is after --to \(to)") }
        self.from = start
        self.to = end
    }

    /// Whether a publication day is on or before the period's last day.
    public func hasStarted(by day: PageDate) -> Bool { day.isoDay <= to.isoDay }

    /// Whether a publication day falls inside the period.
    public func contains(_ day: PageDate) -> Bool { from.isoDay <= day.isoDay && day.isoDay <= to.isoDay }
}
