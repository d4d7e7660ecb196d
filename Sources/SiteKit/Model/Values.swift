/// A calendar date as editors write it: `YYYY-MM-DD`, or `YYYY-MM` where
/// the content format allows a month (e.g. `mitglied_seit`).
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible, Encodable {
    public var year: Int
    public var month: Int
    /// nil for a month such as `2020-11`.
    public var day: Int?

    public init(year: Int, month: Int, day: Int?) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day ?? 0) < (b.year, b.month, b.day ?? 0)
    }

    /// ISO form, as written in the source: `2021-01-20` or `2020-11`.
    public var description: String {
        let ym = "\(year)-" + (month < 10 ? "0\(month)" : "\(month)")
        guard let day else { return ym }
        return ym + "-" + (day < 10 ? "0\(day)" : "\(day)")
    }

    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static let monthNames = [
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
        "August", "September", "Oktober", "November", "Dezember",
    ]

    enum ParseError: Error, Equatable {
        case format
        case month(Int)
        case day(Int, month: Int, year: Int)
    }

    /// Parses `YYYY-MM-DD`, or `YYYY-MM` when `allowMonth`.
    static func parse(_ text: String, allowMonth: Bool) throws(ParseError) -> CalendarDate {
        // `YYYY-MM-DD`, or `YYYY-MM` where a month will do: ASCII digits
        // only, read as bytes (every document has a date or two).
        var text = text
        let numbers = text.withUTF8 { bytes -> (year: Int, month: Int, day: Int?)? in
            guard bytes.count == 10 || (allowMonth && bytes.count == 7), bytes[4] == UInt8(ascii: "-"),
                bytes.count == 7 || bytes[7] == UInt8(ascii: "-")
            else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for i in range {
                    let digit = bytes[i] &- UInt8(ascii: "0")
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int(digit)
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7) else { return nil }
            guard bytes.count == 10 else { return (year, month, nil) }
            guard let day = number(8..<10) else { return nil }
            return (year, month, day)
        }
        guard let (year, month, day) = numbers else { throw .format }
        guard (1...12).contains(month) else { throw .month(month) }
        guard let day else { return CalendarDate(year: year, month: month, day: nil) }
        guard day >= 1, day <= daysInMonth(month, year: year) else { throw .day(day, month: month, year: year) }
        return CalendarDate(year: year, month: month, day: day)
    }
}

/// A slug that names another file (a profile, a Handlungsfeld), with where it
/// was written so a dangling reference can be reported there.
public struct Reference: Hashable, Sendable {
    public var slug: String
    public var location: SourceLocation
    /// Set when the value is not a slug (`kommunen: [Stadt Andernach]`):
    /// then `slug` is the slug made from it. It is reported once the whole
    /// site is known, so that the hint can name the document meant
    /// (`andernach`) instead of a slug no file has.
    public var notASlug: Written? = nil

    /// A value as the editor wrote it, under its key.
    public struct Written: Hashable, Sendable {
        public var key: String
        public var text: String
    }
}

public struct Bild: Sendable {
    /// Path below `content/medien/`.
    public var datei: String
    public var dateiLocation: SourceLocation
    /// Empty for a decorative image.
    public var alt: String
    public var credit: String
    /// `download: true`: the page offers the photo in full size (without
    /// its metadata) below it.
    public var download = false
}

public struct Quelle: Sendable {
    public var titel: String
    public var url: String?
    public var datum: CalendarDate?
}
