/// The projects of all profiles: one row per project, by Kommune and then
/// in the profile's order; `nr` is that position, so (kommune, nr) names a
/// row even where two projects of a Kommune share a title.
extension DataTable {
    static func projekte(_ model: SiteModel) -> DataTable {
        var rows: [[DataCell]] = []
        for k in model.kommunen.sorted(by: { $0.slug < $1.slug }) {
            for (i, p) in k.projekte.enumerated() {
                rows.append([
                    .text(k.slug), .integer(i + 1), .text(p.titel), .text(p.handlungsfeld.slug),
                    .text(p.status.rawValue), p.jahr.map { .integer($0) } ?? .empty,
                ])
            }
        }
        return DataTable(
            name: "projekte", title: "Projekte",
            description: "Die Digitalisierungsprojekte der Kommunen mit Handlungsfeld, Status und Jahr.",
            columns: [
                .slug("kommune", "Kennung der Kommune (Spalte slug in kommunen.csv)", required: true),
                DataColumn(name: "nr", kind: .integer, description: "Position des Projekts im Profil der Kommune, ab 1", required: true, minimum: 1),
                DataColumn(name: "titel", kind: .string, description: "Titel des Projekts", required: true),
                .slug("handlungsfeld", "Kennung des Handlungsfelds (Spalte slug in handlungsfelder.csv)", required: true),
                DataColumn(
                    name: "status", kind: .string, description: "Stand des Projekts", required: true,
                    values: ProjektStatus.allCases.map(\.rawValue)),
                DataColumn(name: "jahr", kind: .integer, description: "Jahr des Projekts"),
            ],
            primaryKey: ["kommune", "nr"],
            foreignKeys: [
                ForeignKey(fields: ["kommune"], resource: "kommunen", reference: ["slug"]),
                ForeignKey(fields: ["handlungsfeld"], resource: "handlungsfelder", reference: ["slug"]),
            ],
            rows: rows)
    }

    /// The Handlungsfelder, so that the slugs in the other tables can be looked up.
    static func handlungsfelder(_ model: SiteModel) -> DataTable {
        let base = model.settings.baseURL
        return DataTable(
            name: "handlungsfelder", title: "Handlungsfelder",
            description: "Die Themen, denen Kommunen, Projekte, Berichte und Meldungen zugeordnet sind.",
            columns: [
                .slug("slug", "Kennung des Handlungsfelds", required: true, unique: true),
                .url("Adresse der Seite des Handlungsfelds"),
                DataColumn(name: "name", kind: .string, description: "Name des Handlungsfelds", required: true),
                DataColumn(name: "beschreibung", kind: .string, description: "Kurze Beschreibung"),
            ],
            primaryKey: ["slug"],
            rows: model.handlungsfelder.sorted { $0.slug < $1.slug }.map {
                [.text($0.slug), .text(base + SitePath.handlungsfeld($0.slug)), .text($0.name), $0.beschreibung.map { .text($0) } ?? .empty]
            })
    }
}
