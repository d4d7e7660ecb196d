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
                r.beginn.map { .text($0.description) } ?? .empty, r.ende.map { .text($0.description) } ?? .empty,
                r.anmeldung.map { .text($0) } ?? .empty,
            ]
        }
        return DataTable(
            name: "kaffeerunden", title: "Kaffeerunden",
            description:
                "Die Digitalen Kaffeerunden, berichtet und angekündigt: Datum, Titel, beteiligte Kommunen, Handlungsfelder, Vortragende, Uhrzeit und Anmeldung.",
            columns: eintragColumns(what: "des Berichts", its: "seiner") + [
                DataColumn(name: "vortragende", kind: .string, description: "Namen der Vortragenden; mehrere durch `;` getrennt"),
                DataColumn(
                    name: "beginn", kind: .string, description: "Beginn (Ortszeit Berlin, HH:MM), wenn angegeben", pattern: clockPattern),
                DataColumn(name: "ende", kind: .string, description: "Ende (Ortszeit Berlin, HH:MM), wenn angegeben", pattern: clockPattern),
                DataColumn(name: "anmeldung", kind: .string, description: "Adresse der Anmeldung, wenn angegeben", format: "uri"),
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

    /// A time of day as the front matter writes it, `09:30`.
    private static let clockPattern = "([01][0-9]|2[0-3]):[0-5][0-9]"

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
