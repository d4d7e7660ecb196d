/// `daten/kaffeerunden.ics`: every Kaffeerunde, held or announced, as an
/// event of one calendar that a calendar program can subscribe to. Made
/// from the model alone; nothing in it depends on the build date, so it
/// changes only with the content.
enum KaffeerundenKalender {
    static let path = OpenData.folder + "kaffeerunden.ics"

    static func calendar(_ model: SiteModel) -> ICalendar {
        let base = model.settings.baseURL
        let runden = model.kaffeerunden.sorted { ($0.datum, $0.slug) < ($1.datum, $1.slug) }
        return ICalendar(
            productID: "-//sitegen//Digitale Kaffeerunden//DE",
            name: "Digitale Kaffeerunden – " + model.settings.titel,
            events: runden.map { r in
                let url = base + ContentKind.kaffeerunde.pagePath(slug: r.slug)
                return ICalendar.Event(
                    // The page's address: unique, and the same as long as the file keeps its name.
                    uid: url,
                    // The content has no time of its last change; the session's date
                    // keeps the stamp stable from build to build.
                    stamp: r.datum, datum: r.datum, beginn: r.beginn, ende: r.ende,
                    summary: r.titel, description: description(r, model: model), url: url)
            })
    }

    /// The series, who gives an impulse on what, and where to register.
    static func description(_ r: Kaffeerunde, model: SiteModel) -> String {
        var lines = [r.reihe]
        for i in r.impulse {
            var who = i.name
            let details = [i.funktion, i.kommune.flatMap { model.kommune($0.slug)?.name }].compactMap { $0 }
            if !details.isEmpty { who += " (" + details.joined(separator: ", ") + ")" }
            lines.append("Impuls: " + who + (i.thema.map { ": " + $0 } ?? ""))
        }
        if let anmeldung = r.anmeldung { lines.append("Anmeldung: " + anmeldung) }
        return lines.joined(separator: "\n")
    }
}
