import SiteTemplates
/// The list of all Kommunen, by Bundesland and Kreis.
struct KommunenListView: ViewModel {
    struct Gruppe: ViewModel {
        /// nil for the only group of a Land: no heading needed.
        var name: String?
        var link: String?
        var kommunen: [KommuneItemView]
        static let fields: Fields<Self> = ["name": { .string($0.name) }, "link": { .string($0.link) }, "kommunen": { .list($0.kommunen) }]
    }

    struct Land: ViewModel {
        var name: String
        var id: String
        var gruppen: [Gruppe]
        static let fields: Fields<Self> = ["name": { .string($0.name) }, "id": { .string($0.id) }, "gruppen": { .list($0.gruppen) }]
    }

    var laender: [Land]
    var anzahl: String
    var mitglieder: String

    static let fields: Fields<Self> = [
        "laender": { .list($0.laender) }, "anzahl": { .string($0.anzahl) }, "mitglieder": { .string($0.mitglieder) },
    ]
}

extension ViewContext {
    func kommunenListPage() -> PagePlan {
        let page = SitePath.kommunen
        let kommunen = reads.kommunen
        var byLand: [Bundesland: [Int]] = [:]
        for i in kommunen.indices { byLand[kommunen[i].bundesland, default: []].append(i) }
        var laender: [KommunenListView.Land] = []
        for land in Bundesland.allCases {
            guard let inLand = byLand[land] else { continue }
            // Landkreise (their heading links the Kreis profile) with their
            // members first, then Kommunen without a Kreis profile.
            var gruppen: [KommunenListView.Gruppe] = []
            for k in inLand where kommunen[k].art == .landkreis {
                let kreis = kommunen[k]
                gruppen.append(.init(name: kreis.fullName,
                                     link: SitePath.relative(from: page, to: path(.kommune, kreis.slug)),
                                     kommunen: reads.mitglieder(of: kreis.slug).map { item(from: page, $0) }))
            }
            let rest = inLand.filter { kommunen[$0].art != .landkreis && kommunen[$0].kreis == nil }
            if !rest.isEmpty {
                gruppen.append(.init(name: gruppen.isEmpty ? nil : "Weitere Kommunen", link: nil,
                                     kommunen: rest.map { item(from: page, kommunen[$0]) }))
            }
            laender.append(.init(name: land.rawValue, id: Slug.make(from: land.rawValue), gruppen: gruppen))
        }
        let members = kommunen.filter(\.isMember).count
        let view = KommunenListView(laender: laender, anzahl: GermanFormat.number(kommunen.count),
                                    mitglieder: GermanFormat.number(members))
        return PagePlan(path: page, template: "kommunen",
                        view: PageView(layout: layout(page: page, title: "Kommunen",
                                                      description: "Alle Kommunen des Netzwerks nach Bundesland und Kreis."),
                                       content: view))
    }

    static func statusText(_ status: ProjektStatus) -> String {
        switch status {
        case .geplant: return "geplant"
        case .laufend: return "laufend"
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
