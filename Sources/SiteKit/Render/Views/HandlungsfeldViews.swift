import SiteTemplates
/// One Handlungsfeld's page: what happened in it first (counts, reports,
/// projects by status), then who takes part.
struct HandlungsfeldView: ViewModel {
    struct ProjektItem: ViewModel {
        var titel: String
        var kommune: LinkView
        var status: String
        var statusKlasse: String
        var jahr: String?
        static let fields: Fields<Self> = [
            "titel": { .string($0.titel) }, "kommune": { .object($0.kommune) }, "status": { .string($0.status) },
            "status_klasse": { .string($0.statusKlasse) }, "jahr": { .string($0.jahr) },
        ]
    }

    /// The projects of one status.
    struct StatusGruppe: ViewModel {
        var id: String
        /// "Umgesetzt"
        var titel: String
        var statusKlasse: String
        var anzahl: String
        var projekte: [ProjektItem]
        static let fields: Fields<Self> = [
            "id": { .string($0.id) }, "titel": { .string($0.titel) }, "status_klasse": { .string($0.statusKlasse) },
            "anzahl": { .string($0.anzahl) }, "projekte": { .list($0.projekte) },
        ]
    }

    /// The field's Kommunen in one Bundesland.
    struct Land: ViewModel {
        var name: String
        var id: String
        var kommunen: [KommuneItemView]
        static let fields: Fields<Self> = ["name": { .string($0.name) }, "id": { .string($0.id) }, "kommunen": { .list($0.kommunen) }]
    }

    var name: String
    var beschreibung: String?
    /// "12 Kommunen, 30 Projekte, 4 Berichte"
    var anzahl: String
    var kommunen: [KommuneItemView]
    /// Empty unless the list is long enough to need headings.
    var laender: [Land]
    var projekte: [ProjektItem]
    var statusGruppen: [StatusGruppe]
    var kaffeerunden: [EintragView]
    var meldungen: [EintragView]

    static let fields: Fields<Self> = [
        "name": { .string($0.name) }, "beschreibung": { .string($0.beschreibung) }, "anzahl": { .string($0.anzahl) },
        "kommunen": { .list($0.kommunen) }, "laender": { .list($0.laender) },
        "projekte": { .list($0.projekte) }, "status_gruppen": { .list($0.statusGruppen) },
        "kaffeerunden": { .list($0.kaffeerunden) }, "meldungen": { .list($0.meldungen) },
    ]

    /// From this many Kommunen on, a list without headings is too long to
    /// scan; grouped by Bundesland, a reader skips to theirs.
    static let groupAbove = 50
}

extension ViewContext {
    func handlungsfeldPage(_ feld: Handlungsfeld) -> PagePlan {
        let page = SitePath.handlungsfeld(feld.slug)
        let rel = reads.feld(feld.slug)
        let projekte = rel.projekte.map { projekt -> HandlungsfeldView.ProjektItem in
            .init(titel: projekt.titel, kommune: link(from: page, to: projekt.kommune),
                  status: Self.statusText(projekt.status), statusKlasse: projekt.status.rawValue, jahr: projekt.jahr.map(String.init))
        }
        let gruppen = [ProjektStatus.umgesetzt, .laufend, .geplant].compactMap { status -> HandlungsfeldView.StatusGruppe? in
            let inStatus = rel.projekte.indices.filter { rel.projekte[$0].status == status }.map { projekte[$0] }
            guard !inStatus.isEmpty else { return nil }
            let text = Self.statusText(status)
            return .init(id: "_projekte-" + status.rawValue, titel: text.prefix(1).uppercased() + text.dropFirst(), statusKlasse: status.rawValue,
                         anzahl: Self.count(inStatus.count, "Projekt", "Projekte"), projekte: inStatus)
        }
        var laender: [HandlungsfeldView.Land] = []
        if rel.kommunen.count > HandlungsfeldView.groupAbove {
            for land in Bundesland.allCases {
                let inLand = rel.kommunen.filter { $0.bundesland == land }
                guard !inLand.isEmpty else { continue }
                laender.append(.init(name: land.rawValue, id: "_land-" + Slug.make(from: land.rawValue),
                                     kommunen: inLand.map { item(from: page, $0) }))
            }
        }
        let anzahl = [Self.count(rel.kommunen.count, "Kommune", "Kommunen"), Self.count(rel.projekte.count, "Projekt", "Projekte"),
                      Self.count(rel.kaffeerunden.count + rel.meldungen.count, "Bericht", "Berichte")].joined(separator: ", ")
        let view = HandlungsfeldView(
            name: feld.name, beschreibung: feld.beschreibung, anzahl: anzahl,
            kommunen: rel.kommunen.map { item(from: page, $0) }, laender: laender, projekte: projekte, statusGruppen: gruppen,
            kaffeerunden: rel.kaffeerunden.map { eintrag(from: page, $0) },
            meldungen: rel.meldungen.map { eintrag(from: page, $0) })
        return PagePlan(path: page, template: "handlungsfeld",
                        view: PageView(layout: layout(page: page, title: feld.name,
                                                      description: feld.beschreibung ?? "Handlungsfeld \(feld.name)"),
                                       content: view))
    }
}
