import Foundation
import TestSupport
import Testing
@testable import SiteKit

/// Kaffeerunden as a calendar: the iCalendar writer (folding, escaping,
/// time zone), German time, the build date, the new front-matter keys,
/// and announcements turning into reports as the build date passes them.
@Suite struct CalendarTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d) }

    static func runde(_ slug: String, _ datum: String, _ extra: String = "") -> (String, String?) {
        ("kaffeerunden/\(slug).md", "---\ntitel: Runde \(slug)\ndatum: \(datum)\n\(extra)---\nText.\n")
    }

    static func render(_ changes: [(String, String?)], heute: CalendarDate) -> Build.Result {
        Build.render(Fixture.input(Dictionary(uniqueKeysWithValues: changes)), options: .init(heute: heute))
    }

    static func parsed(_ text: String, allowMonth: Bool = false) -> Result<CalendarDate, CalendarDate.ParseError> {
        Result { () throws(CalendarDate.ParseError) in try CalendarDate.parse(text, allowMonth: allowMonth) }
    }

    @Test func datesAreReadAsWrittenOrRefusedWithTheReason() {
        #expect(Self.parsed("2024-05-14") == .success(Self.day(2024, 5, 14)))
        #expect(Self.parsed("0999-12-31") == .success(Self.day(999, 12, 31)))
        #expect(Self.parsed("2024-02-29") == .success(Self.day(2024, 2, 29)))
        #expect(Self.parsed("2024-05", allowMonth: true) == .success(CalendarDate(year: 2024, month: 5, day: nil)))
        #expect(Self.parsed("2024-13-01") == .failure(.month(13)))
        #expect(Self.parsed("2024-00", allowMonth: true) == .failure(.month(0)))
        #expect(Self.parsed("2023-02-29") == .failure(.day(29, month: 2, year: 2023)))
        #expect(Self.parsed("2024-04-00") == .failure(.day(0, month: 4, year: 2024)))
        for wrong in [
            "2024-05", "2024-5-14", "24-05-14", "2024-05-1", "2024-05-140", "2024/05/14", "2024-05-14 ", " 2024-05-14", "",
            "2024--5-14", "+024-05-14", "2024-0x-14", "２０２４-05-14", "2024-05-١٤", "2024-05-14-01", "2024_05_14",
        ] {
            #expect(Self.parsed(wrong) == .failure(.format), "\(wrong)")
        }
        #expect(Self.parsed("2024-05-14", allowMonth: true) == .success(Self.day(2024, 5, 14)))
        #expect(Self.parsed("2024-5", allowMonth: true) == .failure(.format))
    }

    static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
    }

    // MARK: - The writer

    @Test func linesAreFoldedAt75OctetsWithoutSplittingACharacter() {
        var out: [UInt8] = []
        let long = "SUMMARY:" + String(repeating: "ä", count: 60) + String(repeating: "x", count: 30)
        ICalendar.appendFolded(long, to: &out)
        let text = String(decoding: out, as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        let physical = Array(text.components(separatedBy: "\r\n").dropLast())
        #expect(physical.count > 1)
        for line in physical { #expect(line.utf8.count <= 75, "\(line.utf8.count) octets: \(line)") }
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        // Unfolding (RFC 5545, 3.1) gives the line back; every piece is valid UTF-8.
        #expect(physical.first! + physical.dropFirst().map { String($0.dropFirst()) }.joined() == long)
        #expect(!text.contains("\u{FFFD}"))
        // A line of exactly 75 octets stays whole.
        var exact: [UInt8] = []
        ICalendar.appendFolded(String(repeating: "a", count: 75), to: &exact)
        #expect(exact.count == 77)
    }

    @Test func textValuesAreEscaped() {
        #expect(ICalendar.text("Bürger, Verwaltung; Rat\\Politik\nzweite Zeile") == "Bürger\\, Verwaltung\\; Rat\\\\Politik\\nzweite Zeile")
        #expect(ICalendar.text("ohne Zeichen") == "ohne Zeichen")
    }

    @Test func eventsWithTimesAreInEuropeBerlinWithItsTimeZone() {
        let calendar = ICalendar(
            productID: "-//test//DE", name: "Test",
            events: [
                .init(
                    uid: "a", stamp: Self.day(2027, 1, 28), datum: Self.day(2027, 1, 28), beginn: ClockTime(hour: 9, minute: 30),
                    ende: ClockTime(hour: 11, minute: 0), summary: "Termin", description: nil, url: "https://example.org/a/"),
                .init(
                    uid: "b", stamp: Self.day(2021, 12, 31), datum: Self.day(2021, 12, 31), beginn: nil, ende: nil, summary: "Ganzer Tag",
                    description: "Eins\nZwei", url: nil),
            ])
        let lines = Self.lines(calendar.bytes)
        #expect(lines.last == "", "the last line ends with CRLF")
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 2)
        #expect(lines.contains("BEGIN:VTIMEZONE") && lines.contains("TZID:Europe/Berlin"))
        #expect(lines.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU") && lines.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"))
        #expect(lines.contains("DTSTART;TZID=Europe/Berlin:20270128T093000"))
        #expect(lines.contains("DTEND;TZID=Europe/Berlin:20270128T110000"))
        #expect(lines.contains("DTSTAMP:20270128T000000Z"))
        // A whole day ends the next day, across the end of a year.
        #expect(lines.contains("DTSTART;VALUE=DATE:20211231") && lines.contains("DTEND;VALUE=DATE:20220101"))
        #expect(lines.contains("DESCRIPTION:Eins\\nZwei"))
        // Without a time, no time zone is defined.
        let allDay = ICalendar(productID: "-//test//DE", name: "Test", events: [calendar.events[1]])
        #expect(!Self.lines(allDay.bytes).contains("BEGIN:VTIMEZONE"))
    }

    // MARK: - German time and the build date

    @Test func germanTimeFollowsTheEURule() {
        // 2027: summer time from 28 March 01:00 UTC to 31 October 01:00 UTC.
        let march28 = BerlinTime.days(2027, 3, 28) * 86400
        #expect(BerlinTime.lastSunday(2027, 3) == 28 && BerlinTime.lastSunday(2027, 10) == 31)
        #expect(BerlinTime.offset(utcSeconds: march28 + 3599) == 3600)
        #expect(BerlinTime.offset(utcSeconds: march28 + 3600) == 7200)
        let october31 = BerlinTime.days(2027, 10, 31) * 86400
        #expect(BerlinTime.offset(utcSeconds: october31 + 3599) == 7200)
        #expect(BerlinTime.offset(utcSeconds: october31 + 3600) == 3600)
        #expect(BerlinTime.civil(BerlinTime.days(2024, 2, 29)) == (2024, 2, 29))
        // 23:30 UTC on 31 December is already New Year's Day in Germany.
        #expect(BerlinTime.date(utcSeconds: BerlinTime.days(2026, 12, 31) * 86400 + 23 * 3600 + 1800) == Self.day(2027, 1, 1))
        #expect(JSONLD.eventTime(Self.day(2027, 1, 28), ClockTime(hour: 10, minute: 0)) == "2027-01-28T10:00:00+01:00")
        #expect(JSONLD.eventTime(Self.day(2027, 6, 10), ClockTime(hour: 10, minute: 0)) == "2027-06-10T10:00:00+02:00")
        #expect(JSONLD.eventTime(Self.day(2027, 6, 10), nil) == "2027-06-10")
    }

    @Test func theBuildDateComesFromSourceDateEpoch() {
        // 1 December 2026, 00:30 in Germany (23:30 UTC the day before).
        #expect(BuildDate.today(environment: ["SOURCE_DATE_EPOCH": "1796081400"]) == .success(Self.day(2026, 12, 1)))
        #expect(BuildDate.today(environment: ["SOURCE_DATE_EPOCH": "0"]) == .success(Self.day(1970, 1, 1)))
        for bad in ["", "-5", "1.5", "gestern", "99999999999999999999"] {
            #expect(BuildDate.today(environment: ["SOURCE_DATE_EPOCH": bad]) == .failure(.notSeconds(bad)), "\(bad)")
        }
        guard case .success = BuildDate.today(environment: [:]) else {
            Issue.record("without SOURCE_DATE_EPOCH the clock gives the date")
            return
        }
    }

    // MARK: - Front matter

    @Test func timesAndRegistrationAreRead() throws {
        let result = Self.render(
            [Self.runde("2027-01-termin", "2027-01-28", "beginn: 9:30\nende: \"11:00\"\nanmeldung: https://example.org/anmeldung\n")],
            heute: Self.day(2026, 12, 1))
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        let runde = try #require(result.model?.kaffeerunden.first)
        #expect(runde.beginn == ClockTime(hour: 9, minute: 30) && runde.ende == ClockTime(hour: 11, minute: 0))
        #expect(runde.anmeldung == "https://example.org/anmeldung")
    }

    @Test func badTimesAndRegistrationsAreErrorsAtTheirPlace() {
        let path = "content/kaffeerunden/r.md"
        func errors(_ extra: String) -> [String] {
            Fixture.errors(["kaffeerunden/r.md": "---\ntitel: R\ndatum: 2027-01-28\n\(extra)---\nText.\n"])
        }
        #expect(errors("beginn: 10 Uhr\n") == ["\(path):4:9: `beginn: 10 Uhr` is not a time in the form HH:MM"])
        #expect(errors("beginn: 24:00\n") == ["\(path):4:9: `beginn: 24:00` is not a time of day"])
        #expect(errors("beginn: 10:00\nende: 10.45\n") == ["\(path):5:7: `ende: 10.45` is not a time in the form HH:MM"])
        #expect(errors("ende: 11:00\n") == ["\(path):4:7: `ende: 11:00` needs a `beginn`"])
        #expect(errors("beginn: 11:00\nende: 10:00\n") == ["\(path):5:7: `ende: 10:00` is not after `beginn: 11:00`"])
        #expect(errors("anmeldung: bitte per Mail\n") == ["\(path):4:12: `anmeldung: bitte per Mail` is not a web address"])
        let hint = Fixture.render(["kaffeerunden/r.md": "---\ntitel: R\ndatum: 2027-01-28\nbeginn: 10.30\n---\nText.\n"]).diagnostics.first?.hint
        #expect(hint == "did you mean `10:30`?")
    }

    // MARK: - Announcements and reports

    @Test func upcomingAndPastAreSplitByTheBuildDate() throws {
        let runden = [
            Self.runde("2026-11-vorbei", "2026-11-30"), Self.runde("2026-12-heute", "2026-12-01", "beginn: 10:00\n"),
            Self.runde("2027-01-bald", "2027-01-28"),
        ]
        let result = Self.render(runden, heute: Self.day(2026, 12, 1))
        let home = try #require(Fixture.page(result, "index.html"))
        let liste = try #require(Fixture.page(result, "kaffeerunden/index.html"))
        // Today's session is still announced; soonest first.
        for page in [home, liste] {
            let termine = try #require(page.range(of: "id=\"_termine\""))
            let after = page[termine.upperBound...]
            let heute = try #require(after.range(of: "Runde 2026-12-heute")), bald = try #require(after.range(of: "Runde 2027-01-bald"))
            #expect(heute.lowerBound < bald.lowerBound)
            #expect(page.contains("daten/kaffeerunden.ics"))
        }
        // The reports below are only the past session.
        let berichte = try #require(liste.range(of: "id=\"jahr-2026\""))
        let reports = String(liste[berichte.lowerBound...])
        #expect(reports.contains("Runde 2026-11-vorbei") && !reports.contains("Runde 2026-12-heute") && !reports.contains("Runde 2027-01-bald"))
        #expect(Fixture.page(result, "kaffeerunden/2026-12-heute/index.html")?.contains("Termin: Digitale Kaffeerunde") == true)
        #expect(Fixture.page(result, "kaffeerunden/2026-11-vorbei/index.html")?.contains("Termin:") == false)
        #expect(
            Fixture.page(result, "kaffeerunden/2026-12-heute/index.html")?.contains("\"eventStatus\":\"https://schema.org/EventScheduled\"") == true)

        // A day later, today's session is a report; the calendar does not change.
        let later = Self.render(runden, heute: Self.day(2026, 12, 2))
        #expect(Fixture.page(later, "kaffeerunden/2026-12-heute/index.html")?.contains("Termin:") == false)
        let laterListe = try #require(Fixture.page(later, "kaffeerunden/index.html"))
        #expect(!laterListe.contains("Runde 2026-12-heute</a> <span class=\"meta\">(<time"))
        #expect(Fixture.page(later, "daten/kaffeerunden.ics") == Fixture.page(result, "daten/kaffeerunden.ics"))
        // The feed has the reports only: an announcement joins it once held.
        let feed = try #require(Fixture.page(result, "feed.xml"))
        #expect(feed.contains("Runde 2026-11-vorbei") && !feed.contains("Runde 2026-12-heute") && !feed.contains("Runde 2027-01-bald"))
        #expect(feed.contains("<updated>2026-11-30T00:00:00Z</updated>\n  <author>"))
        #expect(Fixture.page(later, "feed.xml")?.contains("Runde 2026-12-heute") == true)
        // Without announcements there is no such section.
        let none = Self.render(runden, heute: Self.day(2027, 2, 1))
        #expect(Fixture.page(none, "index.html")?.contains("_termine") == false)
        #expect(Fixture.page(none, "kaffeerunden/index.html")?.contains("daten/kaffeerunden.ics") == true)
    }

    @Test func theCalendarHasOneEventPerSession() throws {
        let result = Self.render(
            [
                Self.runde("2021-01-eins", "2021-01-28"),
                Self.runde("2027-01-zwei", "2027-01-28", "beginn: 10:00\nende: 11:30\nanmeldung: https://example.org/a\n"),
            ], heute: Self.day(2026, 12, 1))
        let ics = try #require(result.files?.first { $0.path == "daten/kaffeerunden.ics" })
        let lines = Self.lines(ics.bytes)
        #expect(
            lines.filter { $0.hasPrefix("UID:") } == [
                "UID:https://example.org/netz/kaffeerunden/2021-01-eins/", "UID:https://example.org/netz/kaffeerunden/2027-01-zwei/",
            ])
        #expect(lines.contains("DTSTART;TZID=Europe/Berlin:20270128T100000") && lines.contains("DTEND;TZID=Europe/Berlin:20270128T113000"))
        #expect(lines.contains("DESCRIPTION:Digitale Kaffeerunde\\nAnmeldung: https://example.org/a"))
        // The same input with the same date gives the same bytes.
        let again = Self.render(
            [
                Self.runde("2027-01-zwei", "2027-01-28", "beginn: 10:00\nende: 11:30\nanmeldung: https://example.org/a\n"),
                Self.runde("2021-01-eins", "2021-01-28"),
            ], heute: Self.day(2026, 12, 1))
        #expect(again.files?.map(\.bytes) == result.files?.map(\.bytes))
    }

    /// An incremental build on the day after a session rewrites the pages
    /// that showed it as announced, and gives what a clean build gives.
    @Test func anIncrementalBuildNoticesThatTheDatePassedASession() throws {
        let folder = TemporaryFolder("calendar")
        let root = folder.path
        func write(_ path: String, _ text: String) throws {
            let full = root + "/content/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        for (path, text) in Fixture.baseFiles { try write(path, text) }
        let (path, text) = Self.runde("2026-12-termin", "2026-12-01")
        try write(path, text!)
        let templates = Fixture.repoRoot.appendingPathComponent("templates").path
        func build(_ heute: CalendarDate, into output: String = "out") throws -> Build.Result {
            try Build.run(content: root + "/content", templates: templates, output: root + "/" + output, options: .init(heute: heute))
        }
        let page = root + "/out/kaffeerunden/2026-12-termin/index.html"
        _ = try build(Self.day(2026, 12, 1))
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("Termin:"))
        #expect(try build(Self.day(2026, 12, 1)).upToDate)
        // The next day is not up to date, and the page is a report now.
        let next = try build(Self.day(2026, 12, 2))
        #expect(!next.upToDate)
        #expect(try !String(contentsOfFile: page, encoding: .utf8).contains("Termin:"))
        _ = try build(Self.day(2026, 12, 2), into: "clean")
        for file in ["kaffeerunden/2026-12-termin/index.html", "kaffeerunden/index.html", "index.html"] {
            #expect(
                FileManager.default.contents(atPath: root + "/out/" + file) == FileManager.default.contents(atPath: root + "/clean/" + file),
                "\(file)")
        }
        // A day that changes no session renders nothing again (the pages
        // without a trace, the open data's and the search's, are made by
        // every build).
        let dayAfter = try build(Self.day(2026, 12, 3))
        #expect(!dayAfter.upToDate)
        #expect(
            dayAfter.files?.allSatisfy { !$0.path.hasSuffix(".html") || ["daten/index.html", "suche/index.html"].contains($0.path) } == true,
            "\(dayAfter.files?.map(\.path) ?? [])")
    }
}
