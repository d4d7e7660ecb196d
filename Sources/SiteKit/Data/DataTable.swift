/// One value of a table: written as text in CSV, typed in JSON.
enum DataCell: Equatable {
    case text(String)
    case integer(Int)
    case number(Double)
    /// Slugs or names; `;`-separated in CSV, an array in JSON.
    case list([String])
    case empty

    var json: JSONValue {
        switch self {
        case .text(let s): return .string(s)
        case .integer(let n): return .integer(n)
        case .number(let x): return .number(x)
        case .list(let items): return .array(items.map { .string($0) })
        case .empty: return .null
        }
    }
}

/// A column: its name in the CSV header and the JSON records, and its
/// Table Schema field, so that a column cannot appear in a file without its
/// description in `datapackage.json`.
struct DataColumn {
    enum Kind: String { case string, integer, number, date }
    var name: String
    var kind: Kind
    var description: String
    var required = false
    var unique = false
    /// An XML Schema pattern as Table Schema has it: anchored at both ends, so without `^` and `$`.
    var pattern: String? = nil
    var values: [String]? = nil
    var format: String? = nil
    var minimum: Double? = nil
    var maximum: Double? = nil

    var schema: JSONValue {
        var constraints: [(String, JSONValue)] = []
        if required { constraints.append(("required", .bool(true))) }
        if unique { constraints.append(("unique", .bool(true))) }
        if let pattern { constraints.append(("pattern", .string(pattern))) }
        if let values { constraints.append(("enum", .array(values.map { .string($0) }))) }
        if let minimum { constraints.append(("minimum", .number(minimum))) }
        if let maximum { constraints.append(("maximum", .number(maximum))) }
        var field: [(String, JSONValue)] = [("name", .string(name)), ("type", .string(kind.rawValue))]
        if let format { field.append(("format", .string(format))) }
        field.append(("description", .string(description)))
        if !constraints.isEmpty { field.append(("constraints", .object(constraints))) }
        return .object(field)
    }
}

/// A table of the open data: columns, keys and rows in their published
/// order. CSV, JSON and the Table Schema are all made from it.
struct DataTable {
    struct ForeignKey {
        var fields: [String]
        /// Another table's name, or "" for this table itself.
        var resource: String
        var reference: [String]
    }

    var name: String
    var title: String
    var description: String
    var columns: [DataColumn]
    var primaryKey: [String]
    var foreignKeys: [ForeignKey] = []
    var rows: [[DataCell]]

    /// Header row, then one record per row. Cells are appended one by one:
    /// on a large site a string per cell cost more than the rest of the file.
    var csv: [UInt8] {
        var out = ""
        out.reserveCapacity(96 * (rows.count + 1))
        CSV.record(columns.map(\.name), into: &out)
        for row in rows {
            for (i, cell) in row.enumerated() {
                if i > 0 { out += "," }
                switch cell {
                case .text(let s): CSV.appendField(s, to: &out)
                case .integer(let n): out += String(n)
                case .number(let x): out += JSONValue.numberText(x)
                case .list(let items): CSV.appendField(items.joined(separator: ";"), to: &out)
                case .empty: break
                }
            }
            out += "\n"
        }
        return Array(out.utf8)
    }

    /// A row as an object with every column, in column order (absent values as `null`).
    func record(_ row: [DataCell]) -> JSONValue {
        .object(zip(columns, row).map { ($0.name, $1.json) })
    }

    /// The keys of a record, quoted once per table: `"slug":`.
    var recordKeys: [String] { columns.map { JSONValue.quoted($0.name) + ":" } }

    /// `record(row).compact`, written straight into `out`: the JSON and
    /// GeoJSON files hold tens of thousands of records, and a `JSONValue`
    /// tree per record cost several times the writing.
    static func appendRecord(_ row: [DataCell], keys: [String], to out: inout String) {
        out += "{"
        for (i, cell) in row.enumerated() {
            if i > 0 { out += "," }
            out += keys[i]
            switch cell {
            case .text(let s): JSONValue.appendQuoted(s, to: &out)
            case .integer(let n): out += String(n)
            case .number(let x): out += JSONValue.numberText(x)
            case .list(let items):
                out += "["
                for (j, item) in items.enumerated() {
                    if j > 0 { out += "," }
                    JSONValue.appendQuoted(item, to: &out)
                }
                out += "]"
            case .empty: out += "null"
            }
        }
        out += "}"
    }

    /// An array with one record per line: compact, and still a readable diff.
    var json: [UInt8] {
        guard !rows.isEmpty else { return Array("[]\n".utf8) }
        let keys = recordKeys
        var out = "[\n"
        out.reserveCapacity(256 * rows.count)
        for (i, row) in rows.enumerated() {
            Self.appendRecord(row, keys: keys, to: &out)
            out += i == rows.count - 1 ? "\n" : ",\n"
        }
        return Array((out + "]\n").utf8)
    }

    /// The Table Schema of the CSV form.
    var schema: JSONValue {
        var members: [(String, JSONValue)] = [
            ("fields", .array(columns.map(\.schema))),
            // An empty field is a missing value; nothing else is.
            ("missingValues", .array([""])),
            ("primaryKey", .array(primaryKey.map { .string($0) })),
        ]
        if !foreignKeys.isEmpty {
            members.append(
                (
                    "foreignKeys",
                    .array(
                        foreignKeys.map {
                            .object([
                                ("fields", .array($0.fields.map { .string($0) })),
                                (
                                    "reference",
                                    .object([
                                        ("resource", .string($0.resource)),
                                        ("fields", .array($0.reference.map { .string($0) })),
                                    ])
                                ),
                            ])
                        })
                ))
        }
        return .object(members)
    }
}

extension DataColumn {
    static let slugPattern = "[a-z0-9]+(-[a-z0-9]+)*"
    static let slugListPattern = "\(slugPattern)(;\(slugPattern))*"

    static func slug(_ name: String, _ description: String, required: Bool = false, unique: Bool = false) -> DataColumn {
        DataColumn(name: name, kind: .string, description: description, required: required, unique: unique, pattern: slugPattern)
    }

    static func slugList(_ name: String, _ description: String) -> DataColumn {
        DataColumn(name: name, kind: .string, description: description + "; mehrere durch `;` getrennt", pattern: slugListPattern)
    }

    static func url(_ description: String) -> DataColumn {
        DataColumn(name: "url", kind: .string, description: description, required: true, unique: true, format: "uri")
    }
}
