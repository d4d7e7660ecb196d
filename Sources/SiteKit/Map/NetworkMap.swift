/// Where every Kommune of the site lies on the map: in which Kreis of the
/// VG5000, and at which point. Made once per build from the model (not
/// from pages), and what the map's pages read (`ModelReads.karte`): its
/// digest covers all that the maps show.
struct NetworkMap: Sendable, Encodable {
    /// How a Kommune was placed in its Kreis, in the order they are tried.
    enum Placement: String, Sendable, Encodable {
        /// The first five digits of its own `ags`.
        case ags
        /// The `ags` (or point) of the Landkreis its `kreis` names.
        case kreis
        /// Its `koordinaten` lie within the Kreis's outline.
        case koordinaten
    }

    struct Ort: Sendable, Encodable {
        var slug: String
        var name: String
        var art: Art
        var bundesland: Bundesland
        var mitglied: Bool
        /// Index into `KreisShapes.shared.kreise`.
        var kreis: Int?
        var placement: Placement?
        /// On the map, in map units; from `koordinaten`.
        var point: MapPoint?
    }

    /// A Kreis of the map with what the network has there.
    struct KreisStand: Sendable, Encodable {
        /// Index into `KreisShapes.shared.kreise`.
        var kreis: Int
        var mitglieder: Int
        var kommunen: Int
        /// The profile of the Kreis itself (a Landkreis or kreisfreie Stadt), if the site has one.
        var profil: String?
    }

    /// In the model's order.
    var orte: [Ort]
    /// Every Kreis of the map, in the order of their ARS.
    var kreise: [KreisStand]

    init(_ kommunen: [Kommune], shapes: KreisShapes = .shared) {
        var bySlug: [String: Kommune] = [:]
        for k in kommunen { bySlug[k.slug] = k }
        func point(_ k: Kommune) -> MapPoint? {
            k.koordinaten.map { c in
                // Rounded to a tenth of a unit (50 m): the bytes of the map do not depend on the last digits of a double.
                let p = shapes.projection.point(lat: c.breite, lon: c.laenge)
                return MapPoint(x: (p.x * 10).rounded() / 10, y: (p.y * 10).rounded() / 10)
            }
        }
        func byAGS(_ k: Kommune) -> Int? {
            guard let ags = k.ags, ags.utf8.count >= 5 else { return nil }
            return shapes.byARS[String(ags.prefix(5))]
        }
        func byPoint(_ k: Kommune) -> Int? { point(k).flatMap(shapes.kreis(at:)) }
        orte = kommunen.map { k in
            var ort = Ort(
                slug: k.slug, name: k.name, art: k.art, bundesland: k.bundesland, mitglied: k.isMember, kreis: nil, placement: nil,
                point: k.art == .landkreis ? nil : point(k))
            if let i = byAGS(k) {
                (ort.kreis, ort.placement) = (i, .ags)
            } else if let kreis = k.kreis.flatMap({ bySlug[$0.slug] }), let i = byAGS(kreis) ?? byPoint(kreis) {
                (ort.kreis, ort.placement) = (i, .kreis)
            } else if let i = ort.point.flatMap(shapes.kreis(at:)) ?? (k.art == .landkreis ? byPoint(k) : nil) {
                (ort.kreis, ort.placement) = (i, .koordinaten)
            }
            return ort
        }
        var kreise = shapes.kreise.indices.map { KreisStand(kreis: $0, mitglieder: 0, kommunen: 0, profil: nil) }
        for ort in orte {
            guard let i = ort.kreis else { continue }
            kreise[i].kommunen += 1
            if ort.mitglied { kreise[i].mitglieder += 1 }
            // The first in German order stands for the Kreis, should two claim it.
            if (ort.art == .landkreis || ort.art == .kreisfreieStadt) && kreise[i].profil == nil { kreise[i].profil = ort.slug }
        }
        self.kreise = kreise
    }
}
