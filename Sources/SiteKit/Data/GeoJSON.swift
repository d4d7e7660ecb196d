/// The Kommunen with coordinates as a GeoJSON FeatureCollection (RFC 7946):
/// WGS 84, each position longitude first, the feature's properties the
/// columns of `kommunen.csv`. One feature per line, as in the JSON files.
enum GeoJSON {
    static func points(_ table: DataTable, latitude: String = "breite", longitude: String = "laenge") -> [UInt8] {
        guard let lat = table.columns.firstIndex(where: { $0.name == latitude }),
            let lon = table.columns.firstIndex(where: { $0.name == longitude }),
            let id = table.primaryKey.first.flatMap({ key in table.columns.firstIndex { $0.name == key } })
        else { preconditionFailure("table \(table.name) has no columns \(latitude), \(longitude)") }
        // Written straight into one string, as the JSON files are (see `DataTable.appendRecord`).
        let keys = table.recordKeys
        var out = #"{"type":"FeatureCollection","features":["#
        out.reserveCapacity(320 * table.rows.count)
        var first = true
        for row in table.rows {
            guard case .number(let breite) = row[lat], case .number(let laenge) = row[lon] else { continue }
            out += first ? "\n" : ",\n"
            first = false
            out += #"{"type":"Feature","id":"#
            out += row[id].json.compact
            out += #","geometry":{"type":"Point","coordinates":["#
            out += JSONValue.numberText(laenge) + "," + JSONValue.numberText(breite)
            out += #"]},"properties":"#
            DataTable.appendRecord(row, keys: keys, to: &out)
            out += "}"
        }
        out += first ? "]}\n" : "\n]}\n"
        return Array(out.utf8)
    }
}
