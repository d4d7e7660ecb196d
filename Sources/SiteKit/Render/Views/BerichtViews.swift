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

    static let fields: Fields<Self> = [
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
        "handlungsfelder": { .list($0.handlungsfelder) }, "body": { .string($0.body) }, "quellen": { .list($0.quellen) }, "bild": { .object($0.bild) },
    ]
}

/// A list of reports or news, by year.
struct ChronikView: ViewModel {
    struct Jahr: ViewModel {
        var jahr: String
        var eintraege: [EintragView]
        static let fields: Fields<Self> = ["jahr": { .string($0.jahr) }, "eintraege": { .list($0.eintraege) }]
    }

    var jahre: [Jahr]
    var anzahl: String

    static let fields: Fields<Self> = ["jahre": { .list($0.jahre) }, "anzahl": { .string($0.anzahl) }]
}

extension ViewContext {
    func kaffeerundePage(_ r: Kaffeerunde) -> PagePlan {
        let page = path(.kaffeerunde, r.slug)
        let impulse = r.impulse.map { i in
            KaffeerundeView.ImpulsView(name: i.name, funktion: i.funktion,
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
            body: r.page.body.html, toc: toc(r.page.body),
            vorher: older.map { eintrag(from: page, $0) }, nachher: newer.map { eintrag(from: page, $0) },
            quellen: quellen(r.quellen), bild: bild(from: page, r.bild))
        let description = "\(r.reihe) am \(GermanFormat.date(r.datum)): \(r.titel)"
        return PagePlan(path: page, template: "kaffeerunde",
                        view: PageView(layout: layout(page: page, title: r.titel, description: description,
                                                      jsonld: JSONLD.kaffeerunde(r, reads: reads)),
                                       content: view))
    }

    func meldungPage(_ m: Meldung) -> PagePlan {
        let page = path(.meldung, m.slug)
        let view = MeldungView(
            titel: m.titel, datum: GermanFormat.date(m.datum), iso: m.datum.description,
            kommunen: kommuneLinks(from: page, m.kommunen), handlungsfelder: feldLinks(from: page, m.handlungsfelder),
            body: m.page.body.html, quellen: quellen(m.quellen), bild: bild(from: page, m.bild))
        return PagePlan(path: page, template: "meldung",
                        view: PageView(layout: layout(page: page, title: m.titel,
                                                      description: "Meldung vom \(GermanFormat.date(m.datum)): \(m.titel)"),
                                       content: view))
    }

    func kaffeerundenListPage() -> PagePlan {
        let page = SitePath.kaffeerunden
        let view = chronik(reads.kaffeerunden.map { ($0.datum.year, eintrag(from: page, $0)) })
        return PagePlan(path: page, template: "kaffeerunden",
                        view: PageView(layout: layout(page: page, title: "Digitale Kaffeerunden",
                                                      description: "Berichte aus allen Sitzungen der Digitalen Kaffeerunde."),
                                       content: view))
    }

    func meldungenListPage() -> PagePlan {
        let page = SitePath.meldungen
        let view = chronik(reads.meldungen.map { ($0.datum.year, eintrag(from: page, $0)) })
        return PagePlan(path: page, template: "meldungen",
                        view: PageView(layout: layout(page: page, title: "Meldungen",
                                                      description: "Neuigkeiten aus den Kommunen des Netzwerks."),
                                       content: view))
    }

    /// Groups a newest-first list by year.
    private func chronik(_ items: [(Int, EintragView)]) -> ChronikView {
        var jahre: [ChronikView.Jahr] = []
        for (year, item) in items {
            if jahre.last?.jahr == String(year) {
                jahre[jahre.count - 1].eintraege.append(item)
            } else {
                jahre.append(.init(jahr: String(year), eintraege: [item]))
            }
        }
        return ChronikView(jahre: jahre, anzahl: GermanFormat.number(items.count))
    }
}
