/// The figures of the network, counted once per build from the model:
/// what `statistik/` draws and tabulates. Each table is a list of rows with
/// a label and its numbers, in the order the page shows them.
struct NetworkFigures: Sendable, Encodable {
    struct Zeile: Sendable, Encodable, Equatable {
        var label: String
        var werte: [Int]
    }

    /// Per year of `mitglied_seit`: new members and members in all by the end of the year.
    var mitgliederJahre: [Zeile]
    /// Members per Bundesland, Länder with members only.
    var mitgliederLaender: [Zeile]
    /// Members per Art, kinds with members only.
    var mitgliederArt: [Zeile]
    /// Members per size class of Einwohner.
    var mitgliederGroesse: [Zeile]
    /// Per Handlungsfeld: projects geplant, laufend, umgesetzt.
    var projekteFelder: [Zeile]
    /// Per year: Kaffeerunden and their participants (where the report gives a number).
    var kaffeerunden: [Zeile]

    /// Size classes by Einwohner: lower bounds, and the label of each.
    static let groessen: [(ab: Int, label: String)] = [
        (0, "unter 5.000"), (5_000, "5.000 bis unter 20.000"), (20_000, "20.000 bis unter 100.000"), (100_000, "100.000 und mehr"),
    ]
    static let ohneAngabe = "ohne Angabe"

    init(_ model: SiteModel) {
        let members = model.kommunen.filter(\.isMember)
        var perYear: [Int: Int] = [:]
        for k in members { if let d = k.mitgliedSeit { perYear[d.year, default: 0] += 1 } }
        var jahre: [Zeile] = []
        if let first = perYear.keys.min(), let last = perYear.keys.max() {
            var total = 0
            for year in first...last {
                total += perYear[year] ?? 0
                jahre.append(Zeile(label: String(year), werte: [perYear[year] ?? 0, total]))
            }
        }
        mitgliederJahre = jahre
        mitgliederLaender = Bundesland.allCases.compactMap { land in
            let n = members.filter { $0.bundesland == land }.count
            return n == 0 ? nil : Zeile(label: land.rawValue, werte: [n])
        }
        mitgliederArt = Art.allCases.compactMap { art in
            let n = members.filter { $0.art == art }.count
            return n == 0 ? nil : Zeile(label: art.rawValue, werte: [n])
        }
        var groesse = [Int](repeating: 0, count: Self.groessen.count + 1)
        for k in members {
            guard let e = k.einwohner else {
                groesse[Self.groessen.count] += 1
                continue
            }
            groesse[Self.groessen.lastIndex { e >= $0.ab } ?? 0] += 1
        }
        mitgliederGroesse = (Self.groessen.map(\.label) + [Self.ohneAngabe]).enumerated().map { Zeile(label: $1, werte: [groesse[$0]]) }
        mitgliederGroesse.removeAll { $0.label == Self.ohneAngabe && $0.werte == [0] }
        var felder: [String: [Int]] = [:]
        for k in model.kommunen {
            for p in k.projekte {
                felder[p.handlungsfeld.slug, default: [0, 0, 0]][ProjektStatus.allCases.firstIndex(of: p.status)!] += 1
            }
        }
        projekteFelder = model.handlungsfelder.compactMap { f in felder[f.slug].map { Zeile(label: f.name, werte: $0) } }
        var runden: [Int: [Int]] = [:]
        for r in model.kaffeerunden {
            runden[r.datum.year, default: [0, 0]][0] += 1
            runden[r.datum.year, default: [0, 0]][1] += r.teilnehmende ?? 0
        }
        kaffeerunden = runden.keys.sorted().map { Zeile(label: String($0), werte: runden[$0]!) }
    }
}
