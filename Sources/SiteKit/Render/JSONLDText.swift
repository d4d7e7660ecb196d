/// A JSON object written straight into text, for the JSON-LD that every
/// page of a kind carries: building a `JSONValue` tree and sorting its keys
/// for every profile was a measurable part of a build (BENCHMARKS.md). The caller adds the
/// members in the order `JSONValue`'s sorted objects have them (tests hold
/// the two byte for byte); members whose value is nil are left out, as
/// there. Strings are escaped for a `<script>` element.
struct JSONLDText {
    private var text = "{"
    private var empty = true

    private mutating func key(_ key: StaticString) {
        if !empty { text += "," }
        empty = false
        text += "\""
        text += key.description
        text += "\":"
    }

    mutating func string(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        self.key(key)
        text += JSONValue.quoted(value, forHTML: true)
    }

    mutating func number(_ key: StaticString, _ value: Double?) {
        guard let value else { return }
        self.key(key)
        text += JSONValue.numberText(value)
    }

    mutating func integer(_ key: StaticString, _ value: Int?) {
        guard let value else { return }
        self.key(key)
        text += String(value)
    }

    /// A nested object or array already written as text.
    mutating func raw(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        self.key(key)
        text += value
    }

    /// A nested object, written by `members`.
    mutating func object(_ key: StaticString, _ members: (inout JSONLDText) -> Void) {
        var inner = JSONLDText()
        members(&inner)
        raw(key, inner.closed)
    }

    var closed: String { text + "}" }

    static func make(_ members: (inout JSONLDText) -> Void) -> String {
        var object = JSONLDText()
        members(&object)
        return object.closed
    }
}
