import Foundation
import Testing
@testable import SiteKit

/// The map of the network: the shapes the project carries, where the
/// Kommunen land on them, and what the pages show.
@Suite struct MapTests {
    let shapes = KreisShapes.shared

    /// Every Kreis of the VG5000, each once, with an outline of its own.
    @Test func everyKreisHasAShape() {
        #expect(shapes.kreise.count == 401)
        #expect(Set(shapes.kreise.map(\.ars)).count == 401)
        #expect(shapes.kreise.allSatisfy { !$0.rings.isEmpty && $0.ars.count == 5 })
        #expect(shapes.byARS["07137"].map { shapes.kreise[$0].fullName } == "Landkreis Mayen-Koblenz")
        #expect(shapes.byARS["05382"].map { shapes.kreise[$0].fullName } == "Rhein-Sieg-Kreis")
        #expect(Set(shapes.kreise.map(\.land)) == Set(Bundesland.allCases.map(\.schluessel)))
    }

    /// Shared borders were simplified once: every edge of a Kreis is the
    /// edge of exactly one neighbour too, or lies on the border of Germany.
    @Test func neighboursMeetWithoutGapsOrOverlaps() {
        struct Edge: Hashable { var a: MapPoint, b: MapPoint }
        func edges(_ rings: [[MapPoint]], closed: Bool) -> [Edge] {
            rings.flatMap { ring in
                (closed ? ring.indices : ring.indices.dropLast()).map { i in
                    let a = ring[i], b = ring[(i + 1) % ring.count]
                    return (a.x, a.y) < (b.x, b.y) ? Edge(a: a, b: b) : Edge(a: b, b: a)
                }
            }
        }
        var count: [Edge: Int] = [:]
        for kreis in shapes.kreise { for e in edges(kreis.rings, closed: true) { count[e, default: 0] += 1 } }
        // The border lines are open paths; `rings(of:)` reads them point by point as well.
        let outer = Set(edges(KreisShapes.rings(of: shapes.borders, minimum: 2), closed: false))
        #expect(count.values.allSatisfy { $0 <= 2 }, "an edge used by three Kreise")
        let lonely = count.filter { $0.value == 1 }.keys
        let inland = lonely.filter { !outer.contains($0) }
        #expect(inland.count == 0, "\(inland.count) edges of one Kreis only, not on the border of Germany")
        #expect(lonely.count > 500)
    }

    /// The projection is the one the shapes were made with: the real
    /// Gemeinden's centres (VG5000, the same release) lie in their own Kreis.
    @Test func gemeindenLieInTheirKreis() throws {
        let csv = Fixture.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/data/geo/vg5000-2021-gemeinden.csv")
        let text = try String(contentsOf: csv, encoding: .utf8)
        var rows = text.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        // Every 7th Gemeinde: enough to tell a projection from another, fast in a debug build.
        rows = rows.enumerated().filter { $0.offset % 7 == 0 }.map(\.element)
        var inOwn = 0
        var total = 0
        for row in rows where row.count >= 12 {
            guard let lat = Double(row[row.count - 2]), let lon = Double(row[row.count - 1]) else { continue }
            total += 1
            let p = shapes.projection.point(lat: lat, lon: lon)
            if let i = shapes.kreis(at: p), shapes.kreise[i].ars == String(row[0].prefix(5)) { inOwn += 1 }
        }
        #expect(total > 1_000)
        // Simplified borders move a few small Gemeinden near them into a neighbour.
        #expect(Double(inOwn) / Double(total) > 0.97, "\(inOwn) of \(total)")
    }

    /// AGS first, then the `kreis` reference, then the point.
    @Test func kommunenArePlacedByAGSKreisOrKoordinaten() throws {
        let model = try #require(Build.render(try GoldenTests.exampleSite()).model)
        let map = NetworkMap(model.kommunen)
        func ort(_ slug: String) -> NetworkMap.Ort? { map.orte.first { $0.slug == slug } }
        func ars(_ slug: String) -> String? { ort(slug)?.kreis.map { shapes.kreise[$0].ars } }
        #expect(ars("bendorf") == "07137" && ort("bendorf")?.placement == .ags)
        #expect(ars("weissenthurm") == "07137" && ort("weissenthurm")?.placement == .kreis)
        #expect(ars("suederbrarup") == "01059" && ort("suederbrarup")?.placement == .koordinaten)
        #expect(ars("eltville") == "06439" && ars("hennef") == "05382")
        let myk = try #require(map.kreise.first { shapes.kreise[$0.kreis].ars == "07137" })
        #expect(myk.mitglieder == 2 && myk.kommunen == 3 && myk.profil == "mayen-koblenz")
        #expect(map.kreise.filter { $0.mitglieder > 0 }.count == 1)
        // A Landkreis is an area of the map, not a point.
        #expect(ort("mayen-koblenz")?.point == nil && ort("bendorf")?.point != nil)
    }

    /// Invented AGS (the synthetic corpus) fall back to the coordinates, and
    /// a Kommune with neither is left off the map, not guessed.
    @Test func inventedAGSFallBackToCoordinates() throws {
        let result = Fixture.render([
            "kommunen/erfunden.md":
                "---\nname: Erfunden\nart: Gemeinde\nbundesland: Hessen\nags: \"99999001\"\nkoordinaten: [50.0286, 8.1175]\n---\nText.\n",
            "kommunen/nirgends.md": "---\nname: Nirgends\nart: Gemeinde\nbundesland: Hessen\nags: \"99999002\"\nmitglied_seit: 2021-01\n---\nText.\n",
        ])
        let model = try #require(result.model)
        let map = NetworkMap(model.kommunen)
        let erfunden = try #require(map.orte.first { $0.slug == "erfunden" })
        #expect(erfunden.placement == .koordinaten && erfunden.kreis.map { shapes.kreise[$0].ars } == "06439")
        #expect(map.orte.first { $0.slug == "nirgends" }?.kreis == nil)
        let home = try #require(Fixture.page(result, "index.html"))
        #expect(home.contains("1 Kommune ist ohne Angaben zu Ort oder Kreis und nicht eingezeichnet."))
    }

    /// What the done-when of the map names: Mayen-Koblenz shaded as the Kreis
    /// with two members and linked to its profile, members and other
    /// profiles as points of different shapes, the attribution.
    @Test func exampleHomePageShowsTheNetwork() throws {
        let result = Build.render(try GoldenTests.exampleSite())
        let home = try #require(Fixture.page(result, "index.html"))
        #expect(home.contains(#"<a class="m2" href="kommunen/mayen-koblenz/" aria-label="Landkreis Mayen-Koblenz: 2 Mitglieder">"#))
        for slug in ["bendorf", "weissenthurm"] {
            #expect(home.contains(#"<a href="kommunen/\#(slug)/" aria-label=""#), "\(slug)")
            let marker = try #require(home.range(of: #"<a href="kommunen/\#(slug)/" aria-label=""#))
            #expect(home[marker.upperBound...].prefix(200).contains("(Mitglied)\"><circle class=\"mitglied\""), "\(slug)")
        }
        for slug in ["eltville", "hennef", "suederbrarup"] {
            let marker = try #require(home.range(of: #"<a href="kommunen/\#(slug)/" aria-label=""#), "\(slug)")
            #expect(home[marker.upperBound...].prefix(200).contains("(kein Mitglied)\"><rect class=\"profil\""), "\(slug)")
        }
        #expect(home.contains(#"<a href="https://www.bkg.bund.de">© GeoBasis-DE / BKG 2021 (Daten verändert)</a>"#))
        // The Kreise without members link to their Land's page (or, without one, the overview).
        #expect(home.contains(#"<a href="laender/rheinland-pfalz/" aria-label="Kreisfreie Stadt Koblenz: 0 Mitglieder">"#))
        #expect(home.contains(#"<a href="kommunen/" aria-label="Landkreis St. Wendel: 0 Mitglieder">"#))
        let kommunen = try #require(Fixture.page(result, "kommunen/index.html"))
        #expect(kommunen.contains(#"<a class="m2" href="../kommunen/mayen-koblenz/" aria-label="Landkreis Mayen-Koblenz: 2 Mitglieder">"#))
        let land = try #require(Fixture.page(result, "laender/rheinland-pfalz/index.html"))
        #expect(land.contains(#"<a class="m2" href="../../kommunen/mayen-koblenz/""#))
        // On its own Land's page a Kreis without a profile leads to its row of the table.
        #expect(land.contains(##"<a href="#karte-07111" aria-label="Kreisfreie Stadt Koblenz: 0 Mitglieder">"##))
        #expect(land.contains(#"<tr id="karte-07111">"#))
        #expect(!land.contains("aria-label=\"Kreis Schleswig-Flensburg"))
    }

    /// The sizes the pages can carry: Germany's Kreise within 120 KB, a Land's within 40 KB.
    @Test func mapsStayWithinTheirSize() throws {
        var files: [String: String?] = [:]
        for land in Bundesland.allCases {
            files["kommunen/k-\(land.slug).md"] = "---\nname: K \(land.rawValue)\nart: Gemeinde\nbundesland: \(land.rawValue)\n---\nText.\n"
        }
        let result = Fixture.render(files)
        func svg(_ page: String) throws -> Int {
            let html = try #require(Fixture.page(result, page), "\(page)")
            let start = try #require(html.range(of: "<svg class=\"karte\""))
            let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
            return html.utf8.distance(from: start.lowerBound.samePosition(in: html.utf8)!, to: end.upperBound.samePosition(in: html.utf8)!)
        }
        #expect(try svg("index.html") <= 120_000)
        for land in Bundesland.allCases { #expect(try svg("laender/\(land.slug)/index.html") <= 40_000, "\(land)") }
    }

    /// Same input, same bytes: coordinates are rounded before they are written.
    @Test func mapNumbersAreWrittenTheSameEverywhere() {
        #expect(MapSVG.num(12.04) == "12" && MapSVG.num(-3.25) == "-3.3")
        #expect(MapSVG.num(0.96) == "1" && MapSVG.num(-0.04) == "0" && MapSVG.num(7.5) == "7.5")
    }
}
