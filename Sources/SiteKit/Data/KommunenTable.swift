/// The Kommunen as a table: one row per profile, by slug.
/// There is no ARS column: the Regionalschlüssel needs the key of the
/// Gemeindeverband, which the AGS does not hold and profiles do not record.
extension DataTable {
    static func kommunen(_ model: SiteModel) -> DataTable {
        let base = model.settings.baseURL
        let rows = model.kommunen.sorted { $0.slug < $1.slug }.map { k -> [DataCell] in
            let kreis = k.kreis.flatMap { model.kommune($0.slug) }
            return [
                .text(k.slug), .text(base + ContentKind.kommune.pagePath(slug: k.slug)), .text(k.name),
                .text(k.art.rawValue), .text(k.bundesland.rawValue),
                kreis.map { .text($0.slug) } ?? .empty, kreis.map { .text($0.fullName) } ?? .empty,
                k.ags.map { .text($0) } ?? .empty,
                k.einwohner.map { .integer($0) } ?? .empty, k.einwohnerStand.map { .text($0) } ?? .empty,
                k.mitgliedSeit.map { .text($0.description) } ?? .empty,
                .list(k.handlungsfelder.map(\.slug)),
                k.koordinaten.map { .number($0.breite) } ?? .empty, k.koordinaten.map { .number($0.laenge) } ?? .empty,
            ]
        }
        return DataTable(
            name: "kommunen", title: "Kommunen",
            description:
                "Die Kommunen mit Profil auf der Website: Art, Land, Kreis, Gemeindeschlüssel, Einwohner, Mitgliedschaft, Handlungsfelder und Lage.",
            columns: [
                .slug("slug", "Kennung des Profils, Teil seiner Adresse", required: true, unique: true),
                .url("Adresse des Profils"),
                DataColumn(name: "name", kind: .string, description: "Name der Kommune", required: true),
                DataColumn(name: "art", kind: .string, description: "Art der Kommune", required: true, values: Art.allCases.map(\.rawValue)),
                DataColumn(
                    name: "bundesland", kind: .string, description: "Bundesland", required: true,
                    values: Bundesland.allCases.map(\.rawValue)),
                .slug("kreis_slug", "Kennung des Landkreises, zu dem die Kommune gehört (eine Zeile dieser Tabelle)"),
                DataColumn(name: "kreis_name", kind: .string, description: "Name des Landkreises"),
                // A string with a pattern: as a number, the leading zero of 07137203 would be lost.
                DataColumn(
                    name: "ags", kind: .string, description: "Amtlicher Gemeindeschlüssel: 8 Ziffern, bei Landkreisen 5",
                    pattern: "[0-9]{5}([0-9]{3})?"),
                DataColumn(name: "einwohner", kind: .integer, description: "Zahl der Einwohner", minimum: 0),
                DataColumn(
                    name: "einwohner_stand", kind: .string, description: "Jahr, Monat oder Tag, auf den sich die Einwohnerzahl bezieht",
                    pattern: "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"),
                DataColumn(
                    name: "mitglied_seit", kind: .string, description: "Mitglied des Netzwerks seit (Monat oder Tag); leer: kein Mitglied",
                    pattern: "[0-9]{4}-[0-9]{2}(-[0-9]{2})?"),
                .slugList("handlungsfelder", "Kennungen der Handlungsfelder der Kommune"),
                DataColumn(name: "breite", kind: .number, description: "Geographische Breite in Grad (WGS 84)", minimum: -90, maximum: 90),
                DataColumn(name: "laenge", kind: .number, description: "Geographische Länge in Grad (WGS 84)", minimum: -180, maximum: 180),
            ],
            primaryKey: ["slug"],
            foreignKeys: [ForeignKey(fields: ["kreis_slug"], resource: "", reference: ["slug"])],
            rows: rows)
    }
}
