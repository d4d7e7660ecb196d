import SiteText

/// Draws a map as inline SVG: the Kreise shaded by their class, each a
/// link with an accessible name; the borders of the Länder; the Kommunen
/// as points, members as filled circles and other profiles as open
/// squares (told apart by shape, not only by colour). Styles are in the
/// theme's CSS (`.karte`); the patterns are defined here, once per page.
enum MapSVG {
    struct Kreis {
        var index: Int
        var url: String
        var label: String
        var klasse: MitgliederKlasse
    }

    struct Punkt {
        var point: MapPoint
        var url: String
        var label: String
        var mitglied: Bool
    }

    /// `land` nil: all of Germany.
    static func draw(land: Bundesland?, kreise: [Kreis], punkte: [Punkt], label: String, shapes: KreisShapes = .shared) -> String {
        let box = viewBox(land: land, shapes: shapes)
        let w = box.maxX - box.minX, h = box.maxY - box.minY
        var svg = "<svg class=\"karte\" viewBox=\"\(num(box.minX)) \(num(box.minY)) \(num(w)) \(num(h))\" role=\"group\" aria-label=\""
        svg += HTMLEscaping.escape(label) + "\">"
        svg += patterns
        svg += "<g class=\"kreise\">"
        for kreis in kreise {
            let shape = shapes.kreise[kreis.index]
            let cls = kreis.klasse == .keine ? "" : " class=\"\(kreis.klasse.cssClass)\""
            svg += "<a\(cls) href=\"\(HTMLEscaping.escape(kreis.url))\" aria-label=\"\(HTMLEscaping.escape(kreis.label))\">"
            svg += "<path d=\"\(shape.path)\"/></a>"
        }
        svg += "</g>"
        let outline = land.map { shapes.landOutlines[$0.schluessel] ?? "" } ?? shapes.borders
        svg += "<path class=\"grenzen\" d=\"\(outline)\"/>"
        if !punkte.isEmpty {
            // Markers a little over a hundredth of the map: about 5 px on a page's width.
            let r = (max(w, h) / 160).rounded() + 1
            svg += "<g class=\"orte\">"
            // Members last, so that they lie on top.
            for p in punkte.filter({ !$0.mitglied }) + punkte.filter(\.mitglied) {
                svg += "<a href=\"\(HTMLEscaping.escape(p.url))\" aria-label=\"\(HTMLEscaping.escape(p.label))\">"
                if p.mitglied {
                    svg += "<circle class=\"mitglied\" cx=\"\(num(p.point.x))\" cy=\"\(num(p.point.y))\" r=\"\(num(r))\"/>"
                } else {
                    let s = r * 1.6
                    svg += "<rect class=\"profil\" x=\"\(num(p.point.x - s / 2))\" y=\"\(num(p.point.y - s / 2))\" "
                    svg += "width=\"\(num(s))\" height=\"\(num(s))\"/>"
                }
                svg += "</a>"
            }
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    /// A small swatch of a class for the legend, filled as the map fills it.
    static func swatch(_ klasse: MitgliederKlasse) -> String {
        let cls = klasse == .keine ? "" : " class=\"\(klasse.cssClass)\""
        return "<svg class=\"swatch\" viewBox=\"0 0 24 16\" aria-hidden=\"true\"><g\(cls)><rect width=\"24\" height=\"16\"/></g></svg>"
    }

    /// A marker for the legend.
    static func marker(mitglied: Bool) -> String {
        let shape =
            mitglied
            ? "<circle class=\"mitglied\" cx=\"8\" cy=\"8\" r=\"5\"/>" : "<rect class=\"profil\" x=\"3\" y=\"3\" width=\"10\" height=\"10\"/>"
        return "<svg class=\"swatch\" viewBox=\"0 0 16 16\" aria-hidden=\"true\">\(shape)</svg>"
    }

    /// Hatching on top of the colour: one line sparse, lines dense, a cross, then solid.
    private static let patterns =
        "<defs>"
        + "<pattern id=\"karte-m1\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        + "<rect width=\"8\" height=\"8\" fill=\"#cfe3f3\"/><path d=\"M0 0v8\" stroke=\"#1d4f7a\" stroke-width=\"1.5\"/></pattern>"
        + "<pattern id=\"karte-m2\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        + "<rect width=\"4\" height=\"4\" fill=\"#7fb3dc\"/><path d=\"M0 0v4\" stroke=\"#0b2e4f\" stroke-width=\"1.5\"/></pattern>"
        + "<pattern id=\"karte-m3\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">"
        + "<rect width=\"5\" height=\"5\" fill=\"#2f6fa6\"/><path d=\"M0 0h5M0 0v5\" stroke=\"#fff\" stroke-width=\"1\"/></pattern>"
        + "</defs>"

    /// All of Germany, or the Land's Kreise with a margin.
    static func viewBox(land: Bundesland?, shapes: KreisShapes) -> MapBox {
        guard let land else { return shapes.size }
        let boxes = shapes.kreise.filter { $0.land == land.schluessel }.map(\.box)
        guard var box = boxes.first else { return shapes.size }
        for b in boxes.dropFirst() { box = box.union(b) }
        let margin = max(box.maxX - box.minX, box.maxY - box.minY) / 40 + 2
        return MapBox(minX: box.minX - margin, minY: box.minY - margin, maxX: box.maxX + margin, maxY: box.maxY + margin)
    }

    /// At most one decimal, none when whole: the same bytes on every machine.
    static func num(_ v: Double) -> String {
        // Coordinates are checked to lie in Germany; a value that is not a number still must not stop the build.
        guard v.isFinite, abs(v) < 1e12 else { return "0" }
        let tenths = Int((v * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return a % 10 == 0 ? "\(sign)\(a / 10)" : "\(sign)\(a / 10).\(a % 10)"
    }
}
