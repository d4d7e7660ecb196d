import SiteTemplates
/// The profile page of a Kommune.
struct KommuneView: ViewModel {
    struct Fakt: ViewModel {
        var label: String
        var text: String
        var link: String?
        static let fields: Fields<Self> = ["label": { .string($0.label) }, "text": { .string($0.text) }, "link": { .string($0.link) }]
    }

    struct ProjektView: ViewModel {
        var titel: String
        var feld: LinkView?
        var status: String
        var jahr: String?
        static let fields: Fields<Self> = [
            "titel": { .string($0.titel) }, "feld": { .object($0.feld) }, "status": { .string($0.status) }, "jahr": { .string($0.jahr) },
        ]
    }

    var name: String
    var art: String
    var mitglied: Bool
    var status: String
    var steckbrief: [Fakt]
    var handlungsfelder: [LinkView]
    var projekte: [ProjektView]
    var body: String
    var toc: [TocEntry]
    var erwaehntIn: [EintragView]
    var mitglieder: [KommuneItemView]
    var foerderung: [String]
    var quellen: [QuelleView]
    var bild: BildView?

    static let fields: Fields<Self> = [
        "name": { .string($0.name) }, "art": { .string($0.art) }, "mitglied": { .bool($0.mitglied) }, "status": { .string($0.status) },
        "steckbrief": { .list($0.steckbrief) }, "handlungsfelder": { .list($0.handlungsfelder) }, "projekte": { .list($0.projekte) },
        "body": { .string($0.body) }, "toc": { .list($0.toc) }, "erwaehnt_in": { .list($0.erwaehntIn) }, "mitglieder": { .list($0.mitglieder) },
        "foerderung": { .list($0.foerderung) }, "quellen": { .list($0.quellen) }, "bild": { .object($0.bild) },
    ]
}

extension ViewContext {
    func kommunePage(_ k: Kommune) -> PagePlan {
        let page = path(.kommune, k.slug)
        var fakten: [KommuneView.Fakt] = [
            .init(label: "Art", text: k.art.rawValue),
            .init(label: "Bundesland", text: k.bundesland.rawValue),
        ]
        if let kreis = k.kreis.flatMap({ reads.kommune($0.slug) }) {
            fakten.append(.init(label: "Kreis", text: kreis.name, link: SitePath.relative(from: page, to: path(.kommune, kreis.slug))))
        }
        if let e = k.einwohner {
            let stand = k.einwohnerStand.map { " (Stand \(Self.stand($0)))" } ?? ""
            fakten.append(.init(label: "Einwohner", text: GermanFormat.number(e) + stand))
        }
        fakten.append(.init(label: "Mitglied im Netzwerk", text: k.mitgliedSeit.map { "seit " + GermanFormat.date($0) } ?? "nein"))
        if let l = k.leitung { fakten.append(.init(label: l.amt, text: l.name)) }
        for c in k.kontakt {
            let text = [c.name, c.seit.map { "seit " + GermanFormat.date($0) }].compactMap { $0 }.joined(separator: ", ")
            fakten.append(.init(label: c.funktion, text: text.isEmpty ? "–" : text))
        }
        if let w = k.website { fakten.append(.init(label: "Website", text: Self.displayURL(w), link: w)) }
        if let ags = k.ags { fakten.append(.init(label: "Amtlicher Gemeindeschlüssel", text: ags)) }

        let projekte = k.projekte.map { p in
            KommuneView.ProjektView(
                titel: p.titel, feld: feldLinks(from: page, [p.handlungsfeld]).first,
                status: Self.statusText(p.status), jahr: p.jahr.map(String.init))
        }
        let view = KommuneView(
            name: k.name, art: k.art.rawValue, mitglied: k.isMember,
            status: k.mitgliedSeit.map { "Mitglied seit " + GermanFormat.date($0) } ?? "kein Mitglied",
            steckbrief: fakten, handlungsfelder: feldLinks(from: page, k.handlungsfelder), projekte: projekte,
            body: k.page.body.html, toc: toc(k.page.body),
            erwaehntIn: reads.mentions(of: k.slug).map { eintrag(from: page, $0) },
            mitglieder: reads.mitglieder(of: k.slug).map { item(from: page, $0) },
            foerderung: k.foerderung, quellen: quellen(k.quellen), bild: bild(from: page, k.bild))
        let description = "\(k.art.rawValue) \(k.name) (\(k.bundesland.rawValue)): Steckbrief, Projekte und Berichte."
        return PagePlan(path: page, template: "kommune",
                        view: PageView(layout: layout(page: page, title: k.name, description: description,
                                                      jsonld: JSONLD.kommune(k, reads: reads)),
                                       content: view))
    }

    static func statusText(_ status: ProjektStatus) -> String {
        switch status {
        case .geplant: return "geplant"
        case .laufend: return "läuft"
        case .umgesetzt: return "umgesetzt"
        }
    }

    /// `2020`, or a date in words.
    static func stand(_ text: String) -> String {
        (try? CalendarDate.parse(text, allowMonth: true)).map(GermanFormat.date) ?? text
    }

    /// `www.bendorf.de` for `https://www.bendorf.de/`.
    static func displayURL(_ url: String) -> String {
        var text = Substring(url)
        for scheme in ["https://", "http://"] where text.hasPrefix(scheme) { text = text.dropFirst(scheme.count) }
        while text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }
}
