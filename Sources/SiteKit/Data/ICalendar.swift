/// A calendar in iCalendar form (RFC 5545), written line by line: every
/// content line folded at 75 octets without splitting a UTF-8 character,
/// lines ended by CRLF, text values escaped. Only what the Kaffeerunden
/// need: events with a date or with local times in `Europe/Berlin`.
struct ICalendar {
    struct Event {
        var uid: String
        /// When the event's entry last changed; UTC.
        var stamp: CalendarDate
        var datum: CalendarDate
        var beginn: ClockTime?
        var ende: ClockTime?
        var summary: String
        var description: String?
        var url: String?
    }

    /// `-//…//DE`: who made the calendar.
    var productID: String
    var name: String
    var events: [Event]

    static let timeZone = "Europe/Berlin"

    /// The time zone as a `VTIMEZONE`: CET and CEST by the EU rule that
    /// `BerlinTime` computes, so the calendar and the pages agree.
    static let berlinTimeZone = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "X-LIC-LOCATION:Europe/Berlin",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST",
        "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET",
        "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]

    var bytes: [UInt8] {
        var out: [UInt8] = []
        func line(_ text: String) { Self.appendFolded(text, to: &out) }
        line("BEGIN:VCALENDAR")
        line("VERSION:2.0")
        line("PRODID:" + productID)
        line("CALSCALE:GREGORIAN")
        line("METHOD:PUBLISH")
        line("X-WR-CALNAME:" + Self.text(name))
        line("X-WR-TIMEZONE:" + Self.timeZone)
        // A time zone is defined only when an event uses it.
        if events.contains(where: { $0.beginn != nil }) { Self.berlinTimeZone.forEach(line) }
        for event in events {
            line("BEGIN:VEVENT")
            line("UID:" + event.uid)
            line("DTSTAMP:" + Self.basic(event.stamp) + "T000000Z")
            if let beginn = event.beginn {
                line("DTSTART;TZID=\(Self.timeZone):" + Self.basic(event.datum) + "T" + Self.basic(beginn))
                if let ende = event.ende { line("DTEND;TZID=\(Self.timeZone):" + Self.basic(event.datum) + "T" + Self.basic(ende)) }
            } else {
                // A whole day: DTEND is the next day, exclusive.
                line("DTSTART;VALUE=DATE:" + Self.basic(event.datum))
                line("DTEND;VALUE=DATE:" + Self.basic(Self.nextDay(event.datum)))
            }
            line("SUMMARY:" + Self.text(event.summary))
            if let description = event.description { line("DESCRIPTION:" + Self.text(description)) }
            if let url = event.url { line("URL;VALUE=URI:" + url) }
            line("END:VEVENT")
        }
        line("END:VCALENDAR")
        return out
    }

    /// A TEXT value (RFC 5545, 3.3.11): backslash, semicolon and comma
    /// escaped, a line break as `\n`.
    static func text(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            // Controls cannot occur in a TEXT value; the model has none but tab.
            case "\r": break
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A content line, folded (RFC 5545, 3.1): no line longer than 75
    /// octets without its CRLF; each continuation begins with a space,
    /// which counts; a break never falls inside a UTF-8 sequence.
    static func appendFolded(_ line: String, to out: inout [UInt8]) {
        var length = 0
        for scalar in line.unicodeScalars {
            let width = UTF8.width(scalar)
            if length + width > 75 {
                out += [0x0D, 0x0A, 0x20]
                length = 1
            }
            out += String(scalar).utf8
            length += width
        }
        out += [0x0D, 0x0A]
    }

    static func basic(_ date: CalendarDate) -> String {
        String(date.year) + ClockTime.twoDigits(date.month) + ClockTime.twoDigits(date.day ?? 1)
    }

    static func basic(_ time: ClockTime) -> String { ClockTime.twoDigits(time.hour) + ClockTime.twoDigits(time.minute) + "00" }

    static func nextDay(_ date: CalendarDate) -> CalendarDate {
        let (y, m, d) = BerlinTime.civil(BerlinTime.days(date.year, date.month, date.day ?? 1) + 1)
        return CalendarDate(year: y, month: m, day: d)
    }
}
