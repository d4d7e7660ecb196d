import SiteTemplates
/// The profile page of a Kommune: what it is and does first (lead, Stand,
/// Steckbrief), then its own text, then projects, mentions and sources.
struct KommuneView: ViewModel {
    struct Fakt: ViewModel {
        var label: String
        var text: String
        var link: String?
        /// A contact's `mailto:` and `tel:` links.
        var email: LinkView?
        var telefon: LinkView?
        static let fields: Fields<Self> = [
            "label": .key(\.label), "text": .key(\.text), "link": .key(\.link),
            "email": .key(\.email), "telefon": .key(\.telefon),
        ]
    }

    struct ProjektView: ViewModel {
        var titel: String
        var feld: LinkView?
        var status: String
        /// `umgesetzt`, `laufend` or `geplant`, for a CSS class.
        var statusKlasse: String
        var jahr: String?
        static let fields: Fields<Self> = [
            "titel": .key(\.titel), "feld": .key(\.feld), "status": .key(\.status),
            "status_klasse": .key(\.statusKlasse), "jahr": .key(\.jahr),
        ]
    }

    /// The projects of one Handlungsfeld.
    struct ProjektGruppe: ViewModel {
        var id: String
        var feld: LinkView
        var projekte: [ProjektView]
        /// "4 Projekte: 3 umgesetzt, 1 laufend"
        var anzahl: String
        /// In a `<details>` element: the profile has many projects.
        var aufklappbar: Bool
        var offen: Bool
        static let fields: Fields<Self> = [
            "id": .key(\.id), "feld": .key(\.feld), "projekte": .key(\.projekte),
            "anzahl": .key(\.anzahl), "aufklappbar": .key(\.aufklappbar), "offen": .key(\.offen),
        ]
    }

    var name: String
    var art: String
    var mitglied: Bool
    var status: String
    var kurzbeschreibung: String?
    /// The body's first paragraph (inner HTML) when there is no `kurzbeschreibung`.
    var einleitung: String?
    var stand: String?
    var standISO: String?
    var steckbrief: [Fakt]
    var handlungsfelder: [LinkView]
    var projekte: [ProjektView]
    var projektgruppen: [ProjektGruppe]
    var projekteAnzahl: String
    var body: String
    /// A heading over the body when it starts with text: sections come
    /// before it, and a paragraph there would read as part of the last one.
    var textTitel: String?
    var toc: [TocEntry]
    var erwaehntIn: [EintragView]
    var mitglieder: [KommuneKurzView]
    var foerderung: [String]
    var quellen: [QuelleView]
    var bild: BildView?

    static let fields: Fields<Self> = [
        "name": .key(\.name), "art": .key(\.art), "mitglied": .key(\.mitglied), "status": .key(\.status),
        "kurzbeschreibung": .key(\.kurzbeschreibung), "einleitung": .key(\.einleitung),
        "stand": .key(\.stand), "stand_iso": .key(\.standISO),
        "steckbrief": .key(\.steckbrief), "handlungsfelder": .key(\.handlungsfelder), "projekte": .key(\.projekte),
        "projektgruppen": .key(\.projektgruppen), "projekte_anzahl": .key(\.projekteAnzahl),
        "body": .key(\.body), "text_titel": .key(\.textTitel), "toc": .key(\.toc), "erwaehnt_in": .key(\.erwaehntIn),
        "mitglieder": .key(\.mitglieder),
        "foerderung": .key(\.foerderung), "quellen": .key(\.quellen), "bild": .key(\.bild),
    ]

    /// Above this many projects, each Handlungsfeld's list folds away, so
    /// that the sections after them stay within reach.
    static let foldAbove = 8
}

extension ViewContext {
    func kommunePage(_ k: Kommune) -> PagePlan {
        let page = path(.kommune, k.slug)
        let text = self.body(from: page, k.page.body)
        let (einleitung, body) = k.kurzbeschreibung == nil ? Self.splitLead(text) : (nil, text)
        let projekte = k.projekte.map { p in
            KommuneView.ProjektView(
                titel: p.titel, feld: feldLinks(from: page, [p.handlungsfeld]).first,
                status: Self.statusText(p.status), statusKlasse: p.status.rawValue, jahr: p.jahr.map(String.init))
        }
        let mitglieder = reads.mitglieder(of: k.slug).map { kurz(from: page, $0) }
        let erwaehntIn = reads.erwaehntIn(k.slug).map { eintrag(from: page, $0) }
        var view = KommuneView(
            name: k.name, art: k.art.rawValue, mitglied: k.isMember,
            status: k.mitgliedSeit.map { "Mitglied seit " + GermanFormat.date($0) } ?? "kein Mitglied",
            kurzbeschreibung: k.kurzbeschreibung, einleitung: einleitung,
            stand: k.stand.map(GermanFormat.date), standISO: k.stand?.description,
            steckbrief: steckbrief(k, page: page), handlungsfelder: feldLinks(from: page, k.handlungsfelder), projekte: projekte,
            projektgruppen: projektgruppen(k, page: page, projekte: projekte),
            projekteAnzahl: Self.statusCount(k.projekte.map(\.status)),
            body: body, textTitel: Self.startsWithText(body) ? "Porträt" : nil, toc: [], erwaehntIn: erwaehntIn, mitglieder: mitglieder,
            foerderung: k.foerderung, quellen: quellen(k.quellen), bild: bild(from: page, k.bild))
        view.toc = profileToc(view, headings: k.page.body.headings)
        let description =
            k.kurzbeschreibung
            ?? "\(k.art.rawValue) \(k.name) (\(k.bundesland.rawValue)): Steckbrief, Projekte und Berichte."
        return PagePlan(
            path: page, template: "kommune",
            view: PageView(
                layout: layout(
                    page: page, title: k.name, description: description,
                    jsonld: JSONLD.kommune(k, reads: reads)),
                content: view))
    }

    private func steckbrief(_ k: Kommune, page: String) -> [KommuneView.Fakt] {
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
            let seit = c.seit.map { "seit " + GermanFormat.date($0) }
            let email = c.email.map { LinkView(url: "mailto:" + $0, text: $0) }
            let telefon = c.telefon.map { LinkView(url: Self.telephoneLink($0), text: $0) }
            // An office without a named person is a contact in its own right:
            // its function is what the row says, not a label over a dash.
            if let name = c.name {
                fakten.append(
                    .init(
                        label: c.funktion, text: [name, seit].compactMap { $0 }.joined(separator: ", "),
                        email: email, telefon: telefon))
            } else {
                fakten.append(
                    .init(
                        label: "Kontakt", text: [c.funktion, seit].compactMap { $0 }.joined(separator: ", "),
                        email: email, telefon: telefon))
            }
        }
        if let w = k.website { fakten.append(.init(label: "Website", text: Self.displayURL(w), link: w)) }
        if let ags = k.ags { fakten.append(.init(label: "Amtlicher Gemeindeschlüssel", text: ags)) }
        return fakten
    }

    /// Projects by Handlungsfeld, in the order of handlungsfelder.yaml.
    private func projektgruppen(_ k: Kommune, page: String, projekte: [KommuneView.ProjektView]) -> [KommuneView.ProjektGruppe] {
        let fold = k.projekte.count > KommuneView.foldAbove
        var gruppen: [KommuneView.ProjektGruppe] = []
        for feld in reads.handlungsfelder {
            let indices = k.projekte.indices.filter { k.projekte[$0].handlungsfeld.slug == feld.slug }
            guard !indices.isEmpty else { continue }
            let link = LinkView(url: SitePath.relative(from: page, to: SitePath.handlungsfeld(feld.slug)), text: feld.name)
            gruppen.append(
                .init(
                    id: "_projekte-" + feld.slug, feld: link, projekte: indices.map { projekte[$0] },
                    anzahl: Self.count(indices.count, "Projekt", "Projekte") + ": "
                        + Self.statusCount(indices.map { k.projekte[$0].status }),
                    aufklappbar: fold, offen: gruppen.isEmpty))
        }
        return gruppen
    }

    /// Every section of the page in the order the theme shows them, with
    /// the body's headings in their place: a reader jumps to the projects
    /// or the sources as easily as to a question of the interview.
    private func profileToc(_ v: KommuneView, headings: [RenderedBody.Heading]) -> [TocEntry] {
        var entries = [TocEntry(id: "_steckbrief", text: "Steckbrief", level: 2)]
        if !v.mitglieder.isEmpty { entries.append(.init(id: "_mitglieder", text: "Kommunen im Landkreis", level: 2)) }
        if let titel = v.textTitel { entries.append(.init(id: "_text", text: titel, level: 2)) }
        entries += headings.filter { $0.level <= 3 }.map { TocEntry(id: $0.id, text: $0.text, level: $0.level) }
        if !v.handlungsfelder.isEmpty { entries.append(.init(id: "_handlungsfelder", text: "Handlungsfelder", level: 2)) }
        if !v.projekte.isEmpty { entries.append(.init(id: "_projekte", text: "Projekte", level: 2)) }
        if !v.erwaehntIn.isEmpty { entries.append(.init(id: "_erwaehnt-in", text: "Erwähnt in", level: 2)) }
        if !v.foerderung.isEmpty { entries.append(.init(id: "_foerderung", text: "Förderung und Verbünde", level: 2)) }
        if !v.quellen.isEmpty { entries.append(.init(id: "_quellen", text: "Quellen", level: 2)) }
        return entries.count >= 3 ? entries : []
    }

    /// "5 umgesetzt, 3 laufend, 2 geplant": done first, statuses without
    /// projects left out.
    static func statusCount(_ statuses: [ProjektStatus]) -> String {
        [ProjektStatus.umgesetzt, .laufend, .geplant].compactMap { status in
            let n = statuses.filter { $0 == status }.count
            return n == 0 ? nil : "\(GermanFormat.number(n)) \(statusText(status))"
        }.joined(separator: ", ")
    }

    /// The body's first paragraph as the lead (its inner HTML) and the rest
    /// of the body, when the body starts with a paragraph; a paragraph
    /// cannot hold another, so the first `</p>` ends it.
    static func splitLead(_ html: String) -> (lead: String?, rest: String) {
        // On UTF-8 bytes: Foundation's `range(of:)` converts to UTF-16
        // offsets, on every profile of the site (BENCHMARKS.md).
        let bytes = html.utf8
        guard bytes.starts(with: "<p>".utf8) else { return (nil, html) }
        let close = Array("</p>".utf8)
        var i = bytes.index(bytes.startIndex, offsetBy: 3)
        while i != bytes.endIndex {
            if bytes[i] == close[0], bytes[i...].starts(with: close) {
                let lead = html.utf8[bytes.index(bytes.startIndex, offsetBy: 3)..<i]
                var rest = html.utf8[bytes.index(i, offsetBy: close.count)...]
                while rest.first == UInt8(ascii: "\n") { rest = rest.dropFirst() }
                return (String(Substring(lead)), String(Substring(rest)))
            }
            i = bytes.index(after: i)
        }
        return (nil, html)
    }

    static func startsWithText(_ html: String) -> Bool {
        let start = html.drop { $0.isWhitespace }
        return !start.isEmpty && !["<h2", "<h3", "<h4", "<h5", "<h6"].contains { start.hasPrefix($0) }
    }

    /// A `tel:` link dials digits: the spaces and slashes that help
    /// reading the number are left out.
    static func telephoneLink(_ number: String) -> String {
        "tel:" + number.filter { $0 != " " && $0 != "/" }
    }
}
