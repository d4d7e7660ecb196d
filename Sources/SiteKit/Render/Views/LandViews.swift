import SiteTemplates
import SiteText

/// The way to a profile at any size: Kommunen overview (the Länder) → a
/// Land's page (its Kreise, each with its Kommunen) → the profile; and the
/// members of the network by Land.

/// A Kommune in a long list: name and membership only, so that a Land of
/// two and a half thousand Kommunen stays one page of moderate size.
struct KommuneKurzView: ViewModel {
    var url: String
    var name: String
    var mitglied: Bool

    static let fields: Fields<Self> = ["url": .key(\.url), "name": .key(\.name), "mitglied": .key(\.mitglied)]
}

/// `kommunen/`: the Länder with their numbers.
struct KommunenOverviewView: ViewModel {
    struct Land: ViewModel {
        var url: String
        var name: String
        var kommunen: String
        var mitglieder: String
        static let fields: Fields<Self> = [
            "url": .key(\.url), "name": .key(\.name), "kommunen": .key(\.kommunen),
            "mitglieder": .key(\.mitglieder),
        ]
    }

    var laender: [Land]
    var anzahl: String
    var mitglieder: String
    var mitgliederURL: String
    var karte: KarteView

    static let fields: Fields<Self> = [
        "laender": .key(\.laender), "anzahl": .key(\.anzahl), "mitglieder": .key(\.mitglieder),
        "mitglieder_url": .key(\.mitgliederURL), "karte": .key(\.karte),
    ]
}

/// `laender/<land>/`: the Landkreise with their Kommunen, then the Kommunen without a Kreis.
struct LandView: ViewModel {
    struct Sprungmarke: ViewModel {
        var buchstabe: String
        var id: String
        static let fields: Fields<Self> = ["buchstabe": .key(\.buchstabe), "id": .key(\.id)]
    }

    struct Kreis: ViewModel {
        var id: String
        var name: String
        var url: String
        var zahlen: String
        var kommunen: [KommuneKurzView]
        static let fields: Fields<Self> = [
            "id": .key(\.id), "name": .key(\.name), "url": .key(\.url), "zahlen": .key(\.zahlen),
            "kommunen": .key(\.kommunen),
        ]
    }

    var name: String
    var zahlen: String
    var sprungmarken: [Sprungmarke]
    var kreise: [Kreis]
    var ohneKreisTitel: String
    var ohneKreis: [KommuneKurzView]
    /// nil when the Land has no members.
    var mitgliederURL: String?
    var karte: KarteView

    static let fields: Fields<Self> = [
        "name": .key(\.name), "zahlen": .key(\.zahlen), "sprungmarken": .key(\.sprungmarken),
        "kreise": .key(\.kreise), "ohne_kreis_titel": .key(\.ohneKreisTitel), "ohne_kreis": .key(\.ohneKreis),
        "mitglieder_url": .key(\.mitgliederURL), "karte": .key(\.karte),
    ]
}

/// `mitglieder/`: every member by Land, or for a large network the Länder
/// with links to `mitglieder/<land>/`.
struct MitgliederView: ViewModel {
    struct Land: ViewModel {
        var id: String
        var name: String
        /// Where the Land's members are listed when they are not on this page.
        var url: String?
        var anzahl: String
        var kommunen: [Mitglied]
        static let fields: Fields<Self> = [
            "id": .key(\.id), "name": .key(\.name), "url": .key(\.url), "anzahl": .key(\.anzahl),
            "kommunen": .key(\.kommunen),
        ]
    }

    /// A member: name, kind and since when, short enough for 1,700 on a page.
    struct Mitglied: ViewModel {
        var url: String
        var name: String
        var art: String
        var seit: String
        static let fields: Fields<Self> = [
            "url": .key(\.url), "name": .key(\.name), "art": .key(\.art), "seit": .key(\.seit),
        ]
    }

    var titel: String
    var anzahl: String
    var laender: [Land]

    static let fields: Fields<Self> = ["titel": .key(\.titel), "anzahl": .key(\.anzahl), "laender": .key(\.laender)]
}

/// Which Kommunen a Land's page shows, computed from the summaries alone.
struct LandGliederung: Sendable {
    /// Landkreise of the Land in German order of their proper names, each with its Kommunen.
    var kreise: [(kreis: KommuneSummary, kommunen: [KommuneSummary])] = []
    /// Kommunen of the Land without a Kreis profile: kreisfreie Städte and the like.
    var ohneKreis: [KommuneSummary] = []
    var anzahl = 0
    var mitglieder = 0

    /// The summaries are in German order already (`SiteModel.kommunen`).
    static func of(_ kommunen: [KommuneSummary]) -> [Bundesland: LandGliederung] {
        var byLand: [Bundesland: LandGliederung] = [:]
        var kreisIndex: [String: (Bundesland, Int)] = [:]
        for k in kommunen where k.art == .landkreis {
            kreisIndex[k.slug] = (k.bundesland, byLand[k.bundesland, default: .init()].kreise.count)
            byLand[k.bundesland, default: .init()].kreise.append((k, []))
        }
        for k in kommunen {
            byLand[k.bundesland, default: .init()].anzahl += 1
            if k.isMember { byLand[k.bundesland, default: .init()].mitglieder += 1 }
            guard k.art != .landkreis else { continue }
            // A Kommune is listed under its Kreis, on the Kreis's Land page.
            if let slug = k.kreis, let (land, i) = kreisIndex[slug] {
                byLand[land]!.kreise[i].kommunen.append(k)
            } else {
                byLand[k.bundesland, default: .init()].ohneKreis.append(k)
            }
        }
        return byLand
    }
}

extension ViewContext {
    /// Above this many members, `mitglieder/` lists the Länder and each
    /// Land's members get a page of their own (300 KB at about 2,000).
    static let mitgliederOnOnePage = 1_000
    /// From this many Kreise on, a Land's page starts with an A–Z index
    /// and the list of its Kreise.
    static let sprungmarkenAb = 2

    /// The Länder with Kommunen and their numbers, each linked to its page:
    /// the Kommunen overview and the home page's "Kommune finden".
    func laenderListe(from page: String) -> [KommunenOverviewView.Land] {
        let gliederung = reads.gliederung
        return Bundesland.allCases.compactMap { land in
            gliederung[land].map {
                .init(
                    url: SitePath.relative(from: page, to: SitePath.land(land)), name: land.rawValue,
                    kommunen: Self.count($0.anzahl, "Kommune", "Kommunen"), mitglieder: Self.count($0.mitglieder, "Mitglied", "Mitglieder"))
            }
        }
    }

    func kommunenListPage() -> PagePlan {
        let page = SitePath.kommunen
        let kommunen = reads.kommunen
        let laender = laenderListe(from: page)
        let view = KommunenOverviewView(
            laender: laender, anzahl: GermanFormat.number(kommunen.count),
            mitglieder: GermanFormat.number(kommunen.filter(\.isMember).count),
            mitgliederURL: SitePath.relative(from: page, to: SitePath.mitglieder), karte: karte(from: page))
        return PagePlan(
            path: page, template: "kommunen",
            view: PageView(
                layout: layout(
                    page: page, title: "Kommunen",
                    description: "Alle Kommunen des Netzwerks nach Bundesland."),
                content: view))
    }

    func landPage(_ land: Bundesland) -> PagePlan {
        let page = SitePath.land(land)
        let g = reads.gliederung[land] ?? LandGliederung()
        let kurz = { (k: KommuneSummary) in self.kurz(from: page, k) }
        var sprungmarken: [LandView.Sprungmarke] = []
        let kreise = g.kreise.map { kreis, kommunen -> LandView.Kreis in
            let id = "kreis-" + kreis.slug
            let letter = GermanCollation.initial(Kommune.sortName(name: kreis.name, art: kreis.art))
            if sprungmarken.last?.buchstabe != letter { sprungmarken.append(.init(buchstabe: letter, id: id)) }
            let members = kommunen.filter(\.isMember).count
            return .init(
                id: id, name: kreis.fullName, url: SitePath.relative(from: page, to: path(.kommune, kreis.slug)),
                zahlen: Self.count(kommunen.count, "Kommune", "Kommunen") + ", davon " + Self.count(members, "Mitglied", "Mitglieder"),
                kommunen: kommunen.map(kurz))
        }
        let allKreisfrei = g.ohneKreis.allSatisfy { $0.art == .kreisfreieStadt }
        let view = LandView(
            name: land.rawValue,
            zahlen: Self.count(g.anzahl, "Kommune", "Kommunen") + ", davon " + Self.count(g.mitglieder, "Mitglied", "Mitglieder") + " des Netzwerks",
            // A jump index pays off only where the Kreise fill more than a screen.
            sprungmarken: kreise.count >= Self.sprungmarkenAb ? sprungmarken : [], kreise: kreise,
            ohneKreisTitel: kreise.isEmpty ? "Kommunen" : allKreisfrei ? "Kreisfreie Städte" : "Kreisfreie Städte und Kommunen ohne Kreis",
            ohneKreis: g.ohneKreis.map(kurz),
            mitgliederURL: g.mitglieder == 0
                ? nil
                : SitePath.relative(from: page, to: mitgliederPath(land, total: reads.gliederung.values.reduce(0) { $0 + $1.mitglieder })),
            karte: karte(from: page, land: land))
        return PagePlan(
            path: page, template: "land",
            view: PageView(
                layout: layout(
                    page: page, title: land.rawValue,
                    description: "Kommunen und Kreise in \(land.rawValue) und ihre Mitgliedschaft im Netzwerk."),
                content: view))
    }

    /// Where a Land's members are listed.
    func mitgliederPath(_ land: Bundesland, total: Int) -> String {
        total > Self.mitgliederOnOnePage ? SitePath.mitglieder(land) : SitePath.mitglieder + "#" + land.slug
    }

    /// `mitglieder/`, or with `land` the page of one Land's members.
    func mitgliederPage(_ land: Bundesland? = nil) -> PagePlan {
        let page = land.map(SitePath.mitglieder) ?? SitePath.mitglieder
        let members = reads.kommunen.filter(\.isMember)
        let split = members.count > Self.mitgliederOnOnePage
        var byLand: [Bundesland: [KommuneSummary]] = [:]
        for k in members { byLand[k.bundesland, default: []].append(k) }
        let shown = land.map { [$0] } ?? Bundesland.allCases
        let laender = shown.compactMap { l -> MitgliederView.Land? in
            guard let list = byLand[l] else { return nil }
            let inline = land != nil || !split
            return .init(
                id: l.slug, name: l.rawValue, url: inline ? nil : SitePath.relative(from: page, to: SitePath.mitglieder(l)),
                anzahl: Self.count(list.count, "Mitglied", "Mitglieder"),
                kommunen: inline
                    ? list.map { k in
                        .init(
                            url: SitePath.relative(from: page, to: path(.kommune, k.slug)), name: k.name, art: k.art.rawValue,
                            seit: k.mitgliedSeit.map(GermanFormat.date) ?? "")
                    } : [])
        }
        let titel = land.map { "Mitglieder in \($0.rawValue)" } ?? "Mitglieder des Netzwerks"
        let count = land.map { byLand[$0]?.count ?? 0 } ?? members.count
        return PagePlan(
            path: page, template: "mitglieder",
            view: PageView(
                layout: layout(
                    page: page, title: titel,
                    description: "Die Mitglieder des Netzwerks nach Bundesland."),
                content: MitgliederView(titel: titel, anzahl: GermanFormat.number(count), laender: laender)))
    }
}
