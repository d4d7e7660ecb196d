/// The Kommunen with coordinates as a GeoJSON FeatureCollection (RFC 7946):
/// WGS 84, each position longitude first, the feature's properties the
/// columns of `kommunen.csv`. One feature per line, as in the JSON files.
enum GeoJSON {
    static func points(_ table: DataTable, latitude: String = "breite", longitude: String = "laenge") -> [UInt8] {
        guard let lat = table.columns.firstIndex(where: { $0.name == latitude }),
              let lon = table.columns.firstIndex(where: { $0.name == longitude }),
              let id = table.primaryKey.first.flatMap({ key in table.columns.firstIndex { $0.name == key } })
        else { preconditionFailure("table \(table.name) has no columns \(latitude), \(longitude)") }
        let features = table.rows.compactMap { row -> String? in
            guard case .number(let breite) = row[lat], case .number(let laenge) = row[lon] else { return nil }
            return JSONValue.object([
                ("type", "Feature"),
                ("id", row[id].json),
                ("geometry", .object([("type", "Point"), ("coordinates", .array([.number(laenge), .number(breite)]))])),
                ("properties", table.record(row)),
            ]).compact
        }
        return DataTable.lines(features, open: #"{"type":"FeatureCollection","features":["#, close: "]}")
    }
}
