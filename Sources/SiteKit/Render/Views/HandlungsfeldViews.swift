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
            "titel": .key(\.titel), "kommune": .key(\.kommune), "status": .key(\.status),
            "status_klasse": .key(\.statusKlasse), "jahr": .key(\.jahr),
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
            "id": .key(\.id), "titel": .key(\.titel), "status_klasse": .key(\.statusKlasse),
            "anzahl": .key(\.anzahl), "projekte": .key(\.projekte),
        ]
    }

    /// The field's Kommunen in one Bundesland.
    struct Land: ViewModel {
        var name: String
        var id: String
        var kommunen: [KommuneKurzView]
        static let fields: Fields<Self> = ["name": .key(\.name), "id": .key(\.id), "kommunen": .key(\.kommunen)]
    }

    /// A Land's share of a large field, on a page of its own.
    struct LandSeite: ViewModel {
        var url: String
        var name: String
        var kommunen: String
        var projekte: String
        static let fields: Fields<Self> = [
            "url": .key(\.url), "name": .key(\.name), "kommunen": .key(\.kommunen),
            "projekte": .key(\.projekte),
        ]
    }

    var name: String
    var beschreibung: String?
    /// "12 Kommunen, 30 Projekte, 4 Berichte"
    var anzahl: String
    /// The field's page for one Land: that Land's name.
    var land: String?
    /// For a large field: its Länder, each with a page of its own, instead
    /// of the projects and Kommunen.
    var landSeiten: [LandSeite] = []
    var kommunen: [KommuneKurzView]
    /// Empty unless the list is long enough to need headings.
    var laender: [Land]
    var projekte: [ProjektItem]
    var statusGruppen: [StatusGruppe]
    var kaffeerunden: [EintragView]
    var meldungen: [EintragView]
    /// The field's projects by status, as a small chart with its table.
    var diagramm: DiagrammView?
    /// The hatchings the chart's bars refer to.
    var muster: String { BarChart.patterns }

    static let fields: Fields<Self> = [
        "diagramm": .key(\.diagramm), "muster": .key(\.muster), "name": .key(\.name),
        "beschreibung": .key(\.beschreibung), "anzahl": .key(\.anzahl),
        "kommunen": .key(\.kommunen), "laender": .key(\.laender),
        "projekte": .key(\.projekte), "status_gruppen": .key(\.statusGruppen),
        "kaffeerunden": .key(\.kaffeerunden), "meldungen": .key(\.meldungen),
        "land": .key(\.land), "land_seiten": .key(\.landSeiten),
    ]

    /// From this many Kommunen on, a list without headings is too long to
    /// scan; grouped by Bundesland, a reader skips to theirs.
    static let groupAbove = 50

    /// Above this many projects or Kommunen a field's page lists its Länder,
    /// and each Land's projects and Kommunen get a page of their own
    /// (`handlungsfelder/verwaltung/bayern/`): at 10,000 profiles one page
    /// would hold thousands of projects, about a megabyte.
    static let projekteOnOnePage = 300
    static let kommunenOnOnePage = 600

    static func isSplit(projekte: Int, kommunen: Int) -> Bool {
        projekte > projekteOnOnePage || kommunen > kommunenOnOnePage
    }
}

extension ViewContext {
    /// A field's page, or with `land` the page of that Land's share of a large field.
    func handlungsfeldPage(_ feld: Handlungsfeld, land: Bundesland? = nil) -> PagePlan {
        let page = land.map { SitePath.handlungsfeld(feld.slug) + $0.slug + "/" } ?? SitePath.handlungsfeld(feld.slug)
        var rel = land.map { reads.feld(feld.slug, in: $0) } ?? reads.feld(feld.slug)
        let split = land == nil && HandlungsfeldView.isSplit(projekte: rel.projekte.count, kommunen: rel.kommunen.count)
        var landSeiten: [HandlungsfeldView.LandSeite] = []
        if split {
            // One pass each: a large field has thousands of both.
            var kommunenIn: [Bundesland: Int] = [:], projekteIn: [Bundesland: Int] = [:]
            for k in rel.kommunen { kommunenIn[k.bundesland, default: 0] += 1 }
            for p in rel.projekte { projekteIn[p.kommune.bundesland, default: 0] += 1 }
            landSeiten = Bundesland.allCases.compactMap { l in
                let kommunen = kommunenIn[l] ?? 0, projekte = projekteIn[l] ?? 0
                guard kommunen + projekte > 0 else { return nil }
                return .init(
                    url: SitePath.relative(from: page, to: page + l.slug + "/"), name: l.rawValue,
                    kommunen: Self.count(kommunen, "Kommune", "Kommunen"), projekte: Self.count(projekte, "Projekt", "Projekte"))
            }
        }
        let counts = rel
        if split {
            rel.kommunen = []
            rel.projekte = []
        }
        let projekte = rel.projekte.map { projekt -> HandlungsfeldView.ProjektItem in
            .init(
                titel: projekt.titel, kommune: link(from: page, to: projekt.kommune),
                status: Self.statusText(projekt.status), statusKlasse: projekt.status.rawValue, jahr: projekt.jahr.map(String.init))
        }
        let gruppen = [ProjektStatus.umgesetzt, .laufend, .geplant].compactMap { status -> HandlungsfeldView.StatusGruppe? in
            let inStatus = rel.projekte.indices.filter { rel.projekte[$0].status == status }.map { projekte[$0] }
            guard !inStatus.isEmpty else { return nil }
            let text = Self.statusText(status)
            return .init(
                id: "_projekte-" + status.rawValue, titel: text.prefix(1).uppercased() + text.dropFirst(), statusKlasse: status.rawValue,
                anzahl: Self.count(inStatus.count, "Projekt", "Projekte"), projekte: inStatus)
        }
        var laender: [HandlungsfeldView.Land] = []
        if rel.kommunen.count > HandlungsfeldView.groupAbove {
            for land in Bundesland.allCases {
                let inLand = rel.kommunen.filter { $0.bundesland == land }
                guard !inLand.isEmpty else { continue }
                laender.append(
                    .init(
                        name: land.rawValue, id: "_land-" + Slug.make(from: land.rawValue),
                        kommunen: inLand.map { kurz(from: page, $0) }))
            }
        }
        let anzahl =
            [Self.count(counts.kommunen.count, "Kommune", "Kommunen"), Self.count(counts.projekte.count, "Projekt", "Projekte")]
            + (land == nil ? [Self.count(counts.kaffeerunden.count + counts.meldungen.count, "Bericht", "Berichte")] : [])
        var view = HandlungsfeldView(
            name: feld.name, beschreibung: land == nil ? feld.beschreibung : nil, anzahl: anzahl.joined(separator: ", "),
            land: land?.rawValue, landSeiten: landSeiten,
            kommunen: rel.kommunen.map { kurz(from: page, $0) }, laender: laender, projekte: projekte, statusGruppen: gruppen,
            kaffeerunden: rel.kaffeerunden.map { eintrag(from: page, $0) },
            meldungen: rel.meldungen.map { eintrag(from: page, $0) })
        view.diagramm = projekteNachStand(counts.projekte, feld: feld.name)
        let title = land.map { "\(feld.name) in \($0.rawValue)" } ?? feld.name
        return PagePlan(
            path: page, template: "handlungsfeld",
            view: PageView(
                layout: layout(
                    page: page, title: title,
                    description: land == nil
                        ? feld.beschreibung ?? "Handlungsfeld \(feld.name)"
                        : "Projekte und Kommunen im Handlungsfeld \(feld.name) in \(land!.rawValue)."),
                content: view))
    }
}
