import SiteTemplates
import SiteText

/// The map of the network (Germany or one Land) with its accessible
/// alternative beside it: the legend, a table of the Kreise with their
/// members, the list of the Kommunen drawn as points, and the attribution
/// the BKG's licence asks for.
struct KarteView: ViewModel {
    struct Klasse: ViewModel {
        var swatch: String
        var text: String
        var kreise: String
        static let fields: Fields<Self> = ["swatch": .key(\.swatch), "text": .key(\.text), "kreise": .key(\.kreise)]
    }

    struct Kreis: ViewModel {
        var id: String
        var name: String
        var url: String
        var land: String
        var mitglieder: Int
        var kommunen: Int
        var klasse: String
        static let fields: Fields<Self> = [
            "id": .key(\.id), "name": .key(\.name), "url": .key(\.url), "land": .key(\.land),
            // The counts as the map's legend and table write them (`1.234`).
            "mitglieder": .key(\.mitglieder) { GermanFormat.number($0) }, "kommunen": .key(\.kommunen) { GermanFormat.number($0) },
            "klasse": .key(\.klasse),
        ]
    }

    struct Ort: ViewModel {
        var name: String
        var url: String
        var mitglied: Bool
        var kreis: String
        static let fields: Fields<Self> = [
            "name": .key(\.name), "url": .key(\.url), "mitglied": .key(\.mitglied), "kreis": .key(\.kreis),
        ]
    }

    var titel: String
    /// The map itself, inline SVG.
    var svg: String
    var klassen: [Klasse]
    var mitgliedMarker: String
    var profilMarker: String
    /// The caption of the table.
    var tabelle: String
    var kreise: [Kreis]
    var orte: [Ort]
    /// Why not every Kommune is a point, when not.
    var punkteHinweis: String?
    /// Kommunen that could be placed in no Kreis.
    var ohneOrt: String?
    var quelleURL: String

    static let fields: Fields<Self> = [
        "titel": .key(\.titel), "svg": .key(\.svg), "klassen": .key(\.klassen),
        "mitglied_marker": .key(\.mitgliedMarker), "profil_marker": .key(\.profilMarker),
        "tabelle": .key(\.tabelle), "kreise": .key(\.kreise), "orte": .key(\.orte),
        "punkte_hinweis": .key(\.punkteHinweis),
        "ohne_ort": .key(\.ohneOrt), "quelle_url": .key(\.quelleURL),
    ]
}

extension ViewContext {
    /// At most this many Kommunen are drawn as points on one map: members
    /// first; beyond it, the map shows the Kreise alone (a point per
    /// Kommune of a large network would outweigh the map many times).
    static let kartePunkteMax = 400

    /// The map of Germany, or with `land` of that Land, as seen from `page`.
    func karte(from page: String, land: Bundesland? = nil) -> KarteView {
        let map = reads.karte
        let shapes = KreisShapes.shared
        let laender = Set(reads.gliederung.keys)
        let url = { (target: String) in SitePath.relative(from: page, to: target) }
        let inScope = { (i: Int) in land.map { shapes.kreise[i].land == $0.schluessel } ?? true }
        func kreisName(_ i: Int) -> String { shapes.kreise[i].fullName }
        func kreisURL(_ stand: NetworkMap.KreisStand) -> String {
            if let profil = stand.profil { return url(path(.kommune, profil)) }
            let shape = shapes.kreise[stand.kreis]
            // A Kreis without a profile leads to its Land's page, or on that page to its row of the table.
            guard let l = Bundesland(schluessel: shape.land), laender.contains(l) else { return url(SitePath.kommunen) }
            return l == land ? "#karte-\(shape.ars)" : url(SitePath.land(l))
        }
        let imAusschnitt = map.kreise.filter { inScope($0.kreis) }
        let kreise = imAusschnitt.map { s in
            MapSVG.Kreis(
                index: s.kreis, url: kreisURL(s),
                label: "\(kreisName(s.kreis)): \(Self.count(s.mitglieder, "Mitglied", "Mitglieder"))", klasse: MitgliederKlasse(s.mitglieder))
        }
        // The Kommunen of the scope with a point: in a Kreis of the scope or, unplaced, of the Land.
        let candidates = map.orte.filter { o in
            o.point != nil && (o.kreis.map(inScope) ?? (land.map { $0 == o.bundesland } ?? false))
        }
        let members = candidates.filter(\.mitglied)
        let shown: [NetworkMap.Ort]
        var hinweis: String?
        if candidates.count <= Self.kartePunkteMax {
            shown = candidates
        } else if members.count <= Self.kartePunkteMax {
            shown = members
            hinweis = "Bei so vielen Kommunen zeigt die Karte nur die Mitglieder als Punkte; alle Kommunen stehen auf den Seiten der Länder."
        } else {
            shown = []
            hinweis = "Bei so vielen Mitgliedern zeigt die Karte nur die Kreise; die Kommunen stehen auf den Seiten der Länder."
        }
        let punkte = shown.map { o in
            MapSVG.Punkt(
                point: o.point!, url: url(path(.kommune, o.slug)),
                label: "\(Kommune.fullName(name: o.name, art: o.art)) (\(o.mitglied ? "Mitglied" : "kein Mitglied"))", mitglied: o.mitglied)
        }
        let scopeName = land?.rawValue ?? "Deutschland"
        let svg = MapSVG.draw(land: land, kreise: kreise, punkte: punkte, label: "Karte: Mitglieder des Netzwerks nach Kreisen in \(scopeName)")
        var perKlasse: [MitgliederKlasse: Int] = [:]
        for k in kreise { perKlasse[k.klasse, default: 0] += 1 }
        let unplaced = map.orte.filter { o in o.kreis == nil && (land.map { l in o.bundesland == l } ?? true) }.count
        return KarteView(
            titel: "Mitglieder nach Kreisen",
            svg: svg,
            klassen: MitgliederKlasse.allCases.map {
                .init(swatch: MapSVG.swatch($0), text: $0.text, kreise: Self.count(perKlasse[$0] ?? 0, "Kreis", "Kreise"))
            },
            mitgliedMarker: MapSVG.marker(mitglied: true), profilMarker: MapSVG.marker(mitglied: false),
            tabelle: land.map { "Die Kreise in \($0.rawValue)" } ?? "Kreise mit Kommunen des Netzwerks",
            // A Land's table lists all its Kreise (its map links there); Germany's those where the network has Kommunen.
            kreise: imAusschnitt.filter { land != nil || $0.kommunen > 0 }.map { s in
                .init(
                    id: "karte-" + shapes.kreise[s.kreis].ars, name: kreisName(s.kreis), url: kreisURL(s),
                    land: Bundesland(schluessel: shapes.kreise[s.kreis].land)?.rawValue ?? "", mitglieder: s.mitglieder, kommunen: s.kommunen,
                    klasse: MitgliederKlasse(s.mitglieder).text)
            },
            orte: shown.map { o in
                .init(
                    name: o.name, url: url(path(.kommune, o.slug)), mitglied: o.mitglied,
                    kreis: o.kreis.map(kreisName) ?? "")
            },
            punkteHinweis: hinweis,
            ohneOrt: unplaced == 0
                ? nil : "\(Self.count(unplaced, "Kommune ist", "Kommunen sind")) ohne Angaben zu Ort oder Kreis und nicht eingezeichnet.",
            quelleURL: "https://www.bkg.bund.de")
    }
}
