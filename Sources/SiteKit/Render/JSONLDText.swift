/// A JSON object written straight into bytes, for the JSON-LD that every
/// page of a kind carries: building a `JSONValue` tree and sorting its keys
/// for every profile was a measurable part of a build (BENCHMARKS.md), and
/// so was growing a `String` member by member. The caller adds the members
/// in the order `JSONValue`'s sorted objects have them (tests hold the two
/// byte for byte); members whose value is nil are left out, as there.
/// Strings are escaped for a `<script>` element.
struct JSONLDText {
    private var bytes: [UInt8]
    private var empty = true

    private init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
        bytes.append(UInt8(ascii: "{"))
    }

    private mutating func key(_ key: StaticString) {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func string(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        self.key(key)
        JSONValue.appendQuoted(value, forHTML: true, to: &bytes)
    }

    mutating func number(_ key: StaticString, _ value: Double?) {
        guard let value else { return }
        self.key(key)
        bytes += JSONValue.numberText(value).utf8
    }

    mutating func integer(_ key: StaticString, _ value: Int?) {
        guard let value else { return }
        self.key(key)
        bytes += String(value).utf8
    }

    /// A nested object or array already written as text.
    mutating func raw(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        self.key(key)
        bytes += value.utf8
    }

    /// A nested object, written by `members`.
    mutating func object(_ key: StaticString, _ members: (inout JSONLDText) -> Void) {
        var inner = JSONLDText(capacity: 256)
        members(&inner)
        self.key(key)
        bytes += inner.bytes
        bytes.append(UInt8(ascii: "}"))
    }

    /// An array of objects, each written by `member` for one element.
    mutating func objects<Element>(_ key: StaticString, _ elements: some Sequence<Element>, _ member: (inout JSONLDText, Element) -> Void) {
        self.key(key)
        bytes.append(UInt8(ascii: "["))
        var first = true
        for element in elements {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            var inner = JSONLDText(capacity: 256)
            member(&inner, element)
            bytes += inner.bytes
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
    }

    var closed: String {
        var closed = bytes
        closed.append(UInt8(ascii: "}"))
        return String(decoding: closed, as: UTF8.self)
    }

    static func make(_ members: (inout JSONLDText) -> Void) -> String {
        var object = JSONLDText(capacity: 1024)
        members(&object)
        return object.closed
    }
}
