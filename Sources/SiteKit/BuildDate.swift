import Foundation

/// The day a build takes as "today": it decides which Kaffeerunden are
/// announcements and which are reports. Taken from `SOURCE_DATE_EPOCH`
/// (the reproducible-builds convention: seconds since 1970 in UTC) when it
/// is set, else from the clock, and read as a day in Germany, where the
/// sessions take place.
public enum BuildDate {
    public enum Problem: Error, Equatable {
        /// `SOURCE_DATE_EPOCH` holds something other than a whole number of seconds.
        case notSeconds(String)
    }

    /// The build date for this process's environment.
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<CalendarDate, Problem> {
        guard let written = environment["SOURCE_DATE_EPOCH"] else {
            return .success(BerlinTime.date(utcSeconds: Int(Date().timeIntervalSince1970.rounded(.down))))
        }
        let trimmed = written.trimmingCharacters(in: .whitespaces)
        // The convention allows only digits; a negative or fractional value is an error, not a guess.
        guard !trimmed.isEmpty, trimmed.count <= 18, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }), let seconds = Int(trimmed) else {
            return .failure(.notSeconds(written))
        }
        return .success(BerlinTime.date(utcSeconds: seconds))
    }
}

/// Civil time in Germany (`Europe/Berlin`) by the EU rule in force since
/// 1996: CET (UTC+1), and CEST (UTC+2) from 01:00 UTC on the last Sunday of
/// March to 01:00 UTC on the last Sunday of October. Computed here rather
/// than by the system's time-zone files, so that the same input gives the
/// same bytes on any machine; the calendar's `VTIMEZONE` states the same rule.
enum BerlinTime {
    /// Days since 1970-01-01 of a date (proleptic Gregorian; H. Hinnant's algorithm).
    static func days(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date of a day count since 1970-01-01.
    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (month <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, month, day)
    }

    /// The day of the last Sunday of a month with 31 days (March, October).
    static func lastSunday(_ year: Int, _ month: Int) -> Int {
        let last = days(year, month, 31)
        // 1970-01-01 was a Thursday: weekday 0 = Sunday when (days + 4) % 7 == 0.
        let weekday = ((last + 4) % 7 + 7) % 7
        return 31 - weekday
    }

    /// Seconds to add to UTC at a moment.
    static func offset(utcSeconds: Int) -> Int {
        let utcDay = Int((Double(utcSeconds) / 86400).rounded(.down))
        let year = civil(utcDay).year
        let start = days(year, 3, lastSunday(year, 3)) * 86400 + 3600
        let end = days(year, 10, lastSunday(year, 10)) * 86400 + 3600
        return utcSeconds >= start && utcSeconds < end ? 7200 : 3600
    }

    /// Seconds to add to a local time in Germany to get UTC's: the offset
    /// of that wall-clock time (in the hour skipped in March, the summer
    /// offset; in the hour repeated in October, the first, summer one).
    static func offset(localSeconds: Int) -> Int {
        let summer = offset(utcSeconds: localSeconds - 7200)
        return summer == 7200 ? 7200 : offset(utcSeconds: localSeconds - 3600)
    }

    static func date(utcSeconds: Int) -> CalendarDate {
        let local = utcSeconds + offset(utcSeconds: utcSeconds)
        let (y, m, d) = civil(Int((Double(local) / 86400).rounded(.down)))
        return CalendarDate(year: y, month: m, day: d)
    }
}
