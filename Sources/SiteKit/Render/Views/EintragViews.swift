import SiteTemplates
/// A Kaffeerunde report.
struct KaffeerundeView: ViewModel {
    struct ImpulsView: ViewModel {
        var name: String
        var funktion: String?
        var kommune: LinkView?
        var thema: String?
        static let fields: Fields<Self> = [
            "name": .key(\.name), "funktion": .key(\.funktion), "kommune": .key(\.kommune), "thema": .key(\.thema),
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
        "termin": .key(\.termin), "zeit": .key(\.zeit), "anmeldung": .key(\.anmeldung),
        "kalender": .key(\.kalender),
        "titel": .key(\.titel), "datum": .key(\.datum), "iso": .key(\.iso), "reihe": .key(\.reihe),
        "teilnehmende": .key(\.teilnehmende), "impulse": .key(\.impulse), "handlungsfelder": .key(\.handlungsfelder),
        "kommunen": .key(\.kommunen), "body": .key(\.body), "toc": .key(\.toc), "vorher": .key(\.vorher),
        "nachher": .key(\.nachher), "quellen": .key(\.quellen), "bild": .key(\.bild),
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
        "titel": .key(\.titel), "datum": .key(\.datum), "iso": .key(\.iso), "kommunen": .key(\.kommunen),
        "handlungsfelder": .key(\.handlungsfelder), "body": .key(\.body), "quellen": .key(\.quellen),
        "bild": .key(\.bild),
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
            "jahr": .key(\.jahr), "url": .key(\.url), "anzahl": .key(\.anzahl), "eintraege": .key(\.eintraege),
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
        "jahr": .key(\.jahr), "jahre": .key(\.jahre), "anzahl": .key(\.anzahl),
        "termine": .key(\.termine), "kalender": .key(\.kalender),
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
