/// `datapackage.json`: a Frictionless Data Package (v1) with a Table Schema
/// for every CSV file, its size in bytes, and the licence of the data.
enum DataPackage {
    static func json(_ tables: [(table: DataTable, csv: [UInt8])], settings: SiteSettings) -> [UInt8] {
        let lizenz = settings.datenLizenz
        let resources: [JSONValue] = tables.map { table, csv in
            .object([
                ("name", .string(table.name)),
                ("path", .string(table.name + ".csv")),
                ("profile", "tabular-data-resource"),
                ("title", .string(table.title)),
                ("description", .string(table.description)),
                ("format", "csv"),
                ("mediatype", "text/csv"),
                ("encoding", "utf-8"),
                ("bytes", .integer(csv.count)),
                (
                    "dialect",
                    .object([
                        ("delimiter", ","), ("lineTerminator", "\n"), ("quoteChar", "\""),
                        ("doubleQuote", .bool(true)), ("header", .bool(true)),
                    ])
                ),
                ("schema", table.schema),
            ])
        }
        let name = Slug.make(from: settings.titel)
        var members: [(String, JSONValue)] = [
            ("profile", "tabular-data-package"),
            ("name", .string(name.isEmpty ? "daten" : name)),
            ("title", .string("Offene Daten: " + settings.titel)),
        ]
        if let beschreibung = settings.beschreibung { members.append(("description", .string(beschreibung))) }
        members.append(("homepage", .string(settings.baseURL + OpenData.folder)))
        members.append(
            (
                "licenses",
                .array([
                    .object([
                        ("name", .string(lizenz.packageName)), ("path", .string(lizenz.url)),
                        ("title", .string(lizenz.title)),
                    ])
                ])
            ))
        if let h = settings.herausgeber { members.append(("contributors", .array([.object([("title", .string(h.name)), ("role", "publisher")])]))) }
        members.append(("resources", .array(resources)))
        return Array(JSONValue.object(members).pretty.utf8)
    }
}
