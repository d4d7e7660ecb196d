/// Reports of Kaffeerunden and news as tables: oldest first, by date and
/// then slug, so that a new entry is a new last row.
extension DataTable {
    static func kaffeerunden(_ model: SiteModel) -> DataTable {
        let base = model.settings.baseURL
        let rows = model.kaffeerunden.sorted { ($0.datum, $0.slug) < ($1.datum, $1.slug) }.map { r -> [DataCell] in
            // The Kommunen of the speakers count as well, each once, as on the profiles' pages.
            var seen: Set<String> = []
            let kommunen = (r.kommunen + r.impulse.compactMap(\.kommune)).map(\.slug).filter { seen.insert($0).inserted }
            return [
                .text(r.datum.description), .text(r.slug), .text(r.titel),
                .text(base + ContentKind.kaffeerunde.pagePath(slug: r.slug)),
                .list(kommunen), .list(r.handlungsfelder.map(\.slug)), .list(r.impulse.map(\.name)),
            ]
        }
        return DataTable(
            name: "kaffeerunden", title: "Kaffeerunden",
            description: "Die Berichte über die Digitalen Kaffeerunden: Datum, Titel, beteiligte Kommunen, Handlungsfelder und Vortragende.",
            columns: eintragColumns(what: "des Berichts", its: "seiner") + [
                DataColumn(name: "vortragende", kind: .string, description: "Namen der Vortragenden; mehrere durch `;` getrennt")
            ],
            primaryKey: ["slug"],
            rows: rows)
    }

    static func meldungen(_ model: SiteModel) -> DataTable {
        let base = model.settings.baseURL
        let rows = model.meldungen.sorted { ($0.datum, $0.slug) < ($1.datum, $1.slug) }.map { m -> [DataCell] in
            [
                .text(m.datum.description), .text(m.slug), .text(m.titel), .text(base + ContentKind.meldung.pagePath(slug: m.slug)),
                .list(m.kommunen.map(\.slug)), .list(m.handlungsfelder.map(\.slug)),
            ]
        }
        return DataTable(
            name: "meldungen", title: "Meldungen",
            description: "Die Meldungen des Netzwerks: Datum, Titel, Kommunen und Handlungsfelder.",
            columns: eintragColumns(what: "der Meldung", its: "ihrer"),
            primaryKey: ["slug"],
            rows: rows)
    }

    /// `what` in the genitive ("des Berichts"), `its` the possessive that goes with it.
    private static func eintragColumns(what: String, its: String) -> [DataColumn] {
        [
            DataColumn(name: "datum", kind: .date, description: "Datum \(what)", required: true),
            .slug("slug", "Kennung \(what), Teil \(its) Adresse", required: true, unique: true),
            DataColumn(name: "titel", kind: .string, description: "Titel \(what)", required: true),
            .url("Adresse \(what)"),
            .slugList("kommunen", "Kennungen der beteiligten Kommunen (Spalte slug in kommunen.csv)"),
            .slugList("handlungsfelder", "Kennungen der Handlungsfelder"),
        ]
    }
}
