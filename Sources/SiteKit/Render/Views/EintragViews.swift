import SiteTemplates
/// A Kaffeerunde report.
struct KaffeerundeView: ViewModel {
    struct ImpulsView: ViewModel {
        var name: String
        var funktion: String?
        var kommune: LinkView?
        var thema: String?
        static let fields: Fields<Self> = [
            "name": { .string($0.name) }, "funktion": { .string($0.funktion) }, "kommune": { .object($0.kommune) }, "thema": { .string($0.thema) },
        ]
    }

    var titel: String
    var datum: String
    var iso: String
    var reihe: String
    var teilnehmende: String?
    var impulse: [ImpulsView]
    var handlungsfelder: [LinkView]
    var kommunen: [LinkView]
    var body: String
    var toc: [TocEntry]
    var vorher: EintragView?
    var nachher: EintragView?
    var quellen: [QuelleView]
    var bild: BildView?
    /// An announcement rather than a report (the session lies ahead).
    var termin: Bool
    /// `10:00 bis 11:30 Uhr`
    var zeit: String?
    var anmeldung: String?
    var kalender: String

    static let fields: Fields<Self> = [
        "termin": { .bool($0.termin) }, "zeit": { .string($0.zeit) }, "anmeldung": { .string($0.anmeldung) },
        "kalender": { .string($0.kalender) },
        "titel": { .string($0.titel) }, "datum": { .string($0.datum) }, "iso": { .string($0.iso) }, "reihe": { .string($0.reihe) },
        "teilnehmende": { .string($0.teilnehmende) }, "impulse": { .list($0.impulse) }, "handlungsfelder": { .list($0.handlungsfelder) },
        "kommunen": { .list($0.kommunen) }, "body": { .string($0.body) }, "toc": { .list($0.toc) }, "vorher": { .object($0.vorher) },
        "nachher": { .object($0.nachher) }, "quellen": { .list($0.quellen) }, "bild": { .object($0.bild) },
    ]
}

/// A news item.
struct MeldungView: ViewModel {
    var titel: String
    var datum: String
    var iso: String
    var kommunen: [LinkView]
    var handlungsfelder: [LinkView]
    var body: String
    var quellen: [QuelleView]
    var bild: BildView?

    static let fields: Fields<Self> = [
        "titel": { .string($0.titel) }, "datum": { .string($0.datum) }, "iso": { .string($0.iso) }, "kommunen": { .list($0.kommunen) },
        "handlungsfelder": { .list($0.handlungsfelder) }, "body": { .string($0.body) }, "quellen": { .list($0.quellen) },
        "bild": { .object($0.bild) },
    ]
}

/// A list of reports or news, by year.
struct ChronikView: ViewModel {
    struct Jahr: ViewModel {
        var jahr: String
        /// The year's own page, when its entries are not on this one.
        var url: String?
        var anzahl: String
        var eintraege: [EintragView]
        static let fields: Fields<Self> = [
            "jahr": { .string($0.jahr) }, "url": { .string($0.url) }, "anzahl": { .string($0.anzahl) }, "eintraege": { .list($0.eintraege) },
        ]
    }

    /// Set on a year's own page, e.g. `2023`.
    var jahr: String?
    var jahre: [Jahr]
    var anzahl: String
    /// Kaffeerunden only: the announced sessions and the calendar.
    var termine: [TerminView] = []
    var kalender: String? = nil

    static let fields: Fields<Self> = [
        "jahr": { .string($0.jahr) }, "jahre": { .list($0.jahre) }, "anzahl": { .string($0.anzahl) },
        "termine": { .list($0.termine) }, "kalender": { .string($0.kalender) },
    ]
}

extension ViewContext {
    func kaffeerundePage(_ r: Kaffeerunde) -> PagePlan {
        let page = path(.kaffeerunde, r.slug)
        let impulse = r.impulse.map { i in
            KaffeerundeView.ImpulsView(
                name: i.name, funktion: i.funktion,
                kommune: i.kommune.flatMap { reads.kommune($0.slug) }.map { link(from: page, to: $0) },
                thema: i.thema)
        }
        // Related Kommunen: speakers' first, then the others named, each once.
        var seen: Set<String> = []
        let related = (r.impulse.compactMap(\.kommune) + r.kommunen).filter { seen.insert($0.slug).inserted }
        let (older, newer) = { ($0.older, $0.newer) }(reads.neighbours(of: r.slug))
        let view = KaffeerundeView(
            titel: r.titel, datum: GermanFormat.date(r.datum), iso: r.datum.description, reihe: r.reihe,
            teilnehmende: r.teilnehmende.map(GermanFormat.number), impulse: impulse,
            handlungsfelder: feldLinks(from: page, r.handlungsfelder), kommunen: kommuneLinks(from: page, related),
            body: body(from: page, r.page.body), toc: toc(r.page.body),
            vorher: older.map { eintrag(from: page, $0) }, nachher: newer.map { eintrag(from: page, $0) },
            quellen: quellen(r.quellen), bild: bild(from: page, r.bild),
            termin: r.isTermin(heute: reads.heute), zeit: Self.zeitraum(r.beginn, r.ende), anmeldung: r.anmeldung,
            kalender: kalenderURL(from: page))
        let description = "\(r.reihe) am \(GermanFormat.date(r.datum)): \(r.titel)"
        return PagePlan(
            path: page, template: "kaffeerunde",
            view: PageView(
                layout: layout(
                    page: page, title: r.titel, description: description,
                    jsonld: JSONLD.kaffeerunde(r, reads: reads)),
                content: view))
    }

    func meldungPage(_ m: Meldung) -> PagePlan {
        let page = path(.meldung, m.slug)
        let view = MeldungView(
            titel: m.titel, datum: GermanFormat.date(m.datum), iso: m.datum.description,
            kommunen: kommuneLinks(from: page, m.kommunen), handlungsfelder: feldLinks(from: page, m.handlungsfelder),
            body: body(from: page, m.page.body), quellen: quellen(m.quellen), bild: bild(from: page, m.bild))
        return PagePlan(
            path: page, template: "meldung",
            view: PageView(
                layout: layout(
                    page: page, title: m.titel,
                    description: "Meldung vom \(GermanFormat.date(m.datum)): \(m.titel)"),
                content: view))
    }

    /// Above this many entries a list shows its newest year and links the
    /// others, each on a page of its own (`meldungen/2023/`): 2,500
    /// Meldungen on one page would be over half a megabyte.
    static let chronikOnOnePage = 500

    /// The years that get a page of their own in a list of `items`, newest first.
    static func archiveYears(_ items: [EintragSummary]) -> [Int] {
        guard items.count > chronikOnOnePage else { return [] }
        var years: [Int] = []
        for item in items where years.last != item.datum.year { years.append(item.datum.year) }
        return years
    }

    func kaffeerundenListPage(year: Int? = nil) -> PagePlan {
        let section = SitePath.kaffeerunden
        let page = year.map { section + "\($0)/" } ?? section
        var view = chronik(berichte, page: page, section: section, year: year)
        // Announcements stand on the first page only, above the reports.
        if year == nil { view.termine = termine(from: page) }
        view.kalender = kalenderURL(from: page)
        let title = "Digitale Kaffeerunden" + (year.map { " \($0)" } ?? "")
        return PagePlan(
            path: page, template: "kaffeerunden",
            view: PageView(
                layout: layout(
                    page: page, title: title,
                    description: "Termine und Berichte aus allen Sitzungen der Digitalen Kaffeerunde."),
                content: view))
    }

    func meldungenListPage(year: Int? = nil) -> PagePlan {
        let section = SitePath.meldungen
        let page = year.map { section + "\($0)/" } ?? section
        let view = chronik(reads.meldungen, page: page, section: section, year: year)
        return PagePlan(
            path: page, template: "meldungen",
            view: PageView(
                layout: layout(
                    page: page, title: "Meldungen" + (year.map { " \($0)" } ?? ""),
                    description: "Neuigkeiten aus den Kommunen des Netzwerks."),
                content: view))
    }

    /// Groups a newest-first list by year. A long list shows its newest
    /// year and links the others; a year's page shows that year alone.
    private func chronik(_ all: [EintragSummary], page: String, section: String, year: Int?) -> ChronikView {
        let archived = Set(Self.archiveYears(all))
        var jahre: [ChronikView.Jahr] = []
        var counts: [Int] = []
        for item in all where year == nil || item.datum.year == year {
            let y = item.datum.year
            if jahre.last?.jahr != String(y) {
                let linked = year == nil && archived.contains(y) && !jahre.isEmpty
                jahre.append(
                    .init(
                        jahr: String(y), url: linked ? SitePath.relative(from: page, to: section + "\(y)/") : nil,
                        anzahl: "", eintraege: []))
                counts.append(0)
            }
            counts[counts.count - 1] += 1
            if jahre[jahre.count - 1].url == nil { jahre[jahre.count - 1].eintraege.append(eintrag(from: page, item)) }
        }
        for i in jahre.indices { jahre[i].anzahl = GermanFormat.number(counts[i]) }
        let count = counts.reduce(0, +)
        return ChronikView(jahr: year.map(String.init), jahre: jahre, anzahl: GermanFormat.number(count))
    }
}
