import SiteTemplates

/// An announced Kaffeerunde in a list ("Nächste Termine").
struct TerminView: ViewModel {
    var url: String
    var titel: String
    /// `21. Januar 2027`
    var datum: String
    /// For `<time datetime>`: the day, or day and time (`2027-01-21T10:00`).
    var iso: String
    /// `10:00 Uhr`, when the start is known.
    var zeit: String?

    static let fields: Fields<Self> = [
        "url": .key(\.url), "titel": .key(\.titel), "datum": .key(\.datum), "iso": .key(\.iso),
        "zeit": .key(\.zeit),
    ]
}

/// Announcements and reports of Kaffeerunden: which is which depends on
/// the build date (`ModelReads.heute`).
extension ViewContext {
    /// The announced sessions, soonest first.
    func termine(from page: String) -> [TerminView] {
        let heute = reads.heute
        return reads.kaffeerunden.reversed().filter { $0.datum >= heute }.map { t in
            TerminView(
                url: SitePath.relative(from: page, to: path(.kaffeerunde, t.slug)), titel: t.titel,
                datum: GermanFormat.date(t.datum), iso: Self.isoTime(t.datum, t.beginn), zeit: t.beginn.map { "\($0) Uhr" })
        }
    }

    /// The sessions held before the build date, newest first.
    var berichte: [EintragSummary] {
        let heute = reads.heute
        return reads.kaffeerunden.filter { $0.datum < heute }
    }

    /// The calendar of all sessions, as seen from `page`.
    func kalenderURL(from page: String) -> String { SitePath.relative(from: page, to: KaffeerundenKalender.path) }

    /// `2027-01-21` or `2027-01-21T10:00`: a local time, as HTML's `<time>` takes it.
    static func isoTime(_ datum: CalendarDate, _ zeit: ClockTime?) -> String {
        datum.description + (zeit.map { "T\($0)" } ?? "")
    }

    /// `10:00 bis 11:30 Uhr`, `10:00 Uhr`, or nil.
    static func zeitraum(_ beginn: ClockTime?, _ ende: ClockTime?) -> String? {
        guard let beginn else { return nil }
        guard let ende else { return "\(beginn) Uhr" }
        return "\(beginn) bis \(ende) Uhr"
    }
}
