/// A JSON document whose objects keep the order they were written in, so
/// generated schemas list keys in the order the content format does and
/// the files read well and diff well.
public indirect enum JSONValue: Equatable, Sendable {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// An absent value where every record must list the same keys (the open data).
    case null

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.integer(let x), .integer(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)): return x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        case (.null, .null): return true
        default: return false
        }
    }

    /// Two-space indented text with a final newline.
    public var pretty: String {
        var out = ""
        write(into: &out, indent: "")
        return out + "\n"
    }

    /// One line, for line-oriented output such as `check --format json`.
    public var compact: String {
        var out = ""
        write(into: &out, indent: nil)
        return out
    }

    /// One line with `<`, `>` and `&` escaped, so that it can stand inside a
    /// `<script>` element (JSON-LD) and never close it.
    public var embeddable: String {
        var out = ""
        write(into: &out, indent: nil, forHTML: true)
        return out
    }

    private func write(into out: inout String, indent: String?, forHTML: Bool = false) {
        switch self {
        case .string(let s): out += Self.quoted(s, forHTML: forHTML)
        case .integer(let n): out += String(n)
        case .number(let n): out += Self.numberText(n)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            // Short lists of scalars (enums, required keys) stay on one line.
            let scalars = items.allSatisfy {
                if case .array = $0 { return false }
                if case .object = $0 { return false }
                return true
            }
            if scalars || indent == nil {
                // Appended in place: every page's JSON-LD comes through here.
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += indent == nil ? "," : ", " }
                    item.write(into: &out, indent: nil, forHTML: forHTML)
                }
                out += "]"
                return
            }
            let inner = indent! + "  "
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                item.write(into: &out, indent: inner)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += indent! + "]"
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            guard let indent else {
                out += "{"
                for (i, (key, value)) in members.enumerated() {
                    if i > 0 { out += "," }
                    out += Self.quoted(key, forHTML: forHTML)
                    out += ":"
                    value.write(into: &out, indent: nil, forHTML: forHTML)
                }
                out += "}"
                return
            }
            let inner = indent + "  "
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                out += inner + Self.quoted(key) + ": "
                value.write(into: &out, indent: inner)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }

    /// A whole number without `.0`, any other in Swift's shortest form that reads back the same.
    static func numberText(_ n: Double) -> String {
        n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    }

    /// `quoted(s)` appended to `out`, without a string of its own for the
    /// common case of text that needs no escape (the open data writes
    /// hundreds of thousands of values).
    static func appendQuoted(_ s: String, to out: inout String) {
        guard needsNoEscape(s, forHTML: false) else {
            out += quoted(s)
            return
        }
        out += "\""
        out += s
        out += "\""
    }

    /// The same into bytes (the search index, JSON-LD); `forHTML` as for `quoted`.
    static func appendQuoted(_ s: String, forHTML: Bool = false, to out: inout [UInt8]) {
        guard needsNoEscape(s, forHTML: forHTML) else {
            out += quoted(s, forHTML: forHTML).utf8
            return
        }
        out.append(UInt8(ascii: "\""))
        out += s.utf8
        out.append(UInt8(ascii: "\""))
    }

    /// Whether `quoted` would copy `s` as it is.
    static func needsNoEscape(_ s: String, forHTML: Bool) -> Bool {
        // One lookup per byte: every string of the search index and of the JSON-LD passes here.
        let mask: UInt8 = forHTML ? 2 : 1
        let table = escapeTable
        if let clean = s.utf8.withContiguousStorageIfAvailable({ bytes in bytes.allSatisfy { table[Int($0)] & mask == 0 } }) {
            return clean
        }
        return s.utf8.allSatisfy { table[Int($0)] & mask == 0 }
    }

    /// Per byte, as bits: 1 when a JSON string must escape it (or the sequence it
    /// starts), 2 when JSON inside HTML must. C0, " and \\ need it in JSON;
    /// 0x7F is DEL and 0xC2 leads the C1 controls (and more), escaped so
    /// that printing the JSON cannot steer a terminal; < > & in HTML.
    private static let escapeTable: [UInt8] = (0...255).map { byte in
        let always = byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == Int(UInt8(ascii: "\"")) || byte == Int(UInt8(ascii: "\\"))
        let html = byte == Int(UInt8(ascii: "<")) || byte == Int(UInt8(ascii: ">")) || byte == Int(UInt8(ascii: "&"))
        return always ? 3 : html ? 2 : 0
    }

    static func quoted(_ s: String, forHTML: Bool = false) -> String {
        // Most text needs no escape at all: copy it whole.
        if needsNoEscape(s, forHTML: forHTML) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "<" where forHTML: out += "\\u003c"
            case ">" where forHTML: out += "\\u003e"
            case "&" where forHTML: out += "\\u0026"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // JSON requires C0 escaped; DEL and C1 are escaped as well so that
            // printing the JSON cannot steer a terminal.
            case let c where c.value < 0x20 || (0x7F...0x9F).contains(c.value):
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The members of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}
