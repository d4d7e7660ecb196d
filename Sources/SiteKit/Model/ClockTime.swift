/// A time of day on the clock of the Kaffeerunde's place (`beginn: 10:00`),
/// to the minute: sessions are announced that way, and a calendar entry
/// needs no more.
public struct ClockTime: Hashable, Comparable, Sendable, CustomStringConvertible, Encodable {
    public var hour: Int
    public var minute: Int

    public init(hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    public static func < (a: ClockTime, b: ClockTime) -> Bool { (a.hour, a.minute) < (b.hour, b.minute) }

    /// `09:30`, as written in the source and in `<time datetime>`.
    public var description: String { Self.twoDigits(hour) + ":" + Self.twoDigits(minute) }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    enum ParseError: Error, Equatable {
        case format
        case range
    }

    /// Parses `HH:MM` (24-hour clock); one digit for the hour is allowed (`9:30`).
    static func parse(_ text: String) throws(ParseError) -> ClockTime {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { throw .format }
        guard hour < 24, minute < 60 else { throw .range }
        return ClockTime(hour: hour, minute: minute)
    }
}
