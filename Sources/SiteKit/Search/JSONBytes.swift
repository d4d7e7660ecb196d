/// A small writer of the search index's JSON, straight into bytes: the
/// index has hundreds of thousands of entries and no use for a tree.
struct JSONBytes {
    var bytes: [UInt8] = []

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func string(_ text: String) { JSONValue.appendQuoted(text, to: &bytes) }

    /// A folded word (ASCII letters and digits only, nothing to escape) as
    /// an object key, or with `colon: false` as a string.
    mutating func key(_ word: [UInt8], colon: Bool = true) {
        bytes.append(UInt8(ascii: "\""))
        bytes += word
        bytes.append(UInt8(ascii: "\""))
        if colon { bytes.append(UInt8(ascii: ":")) }
    }

    mutating func intArray(_ values: [Int]) {
        bytes.append(UInt8(ascii: "["))
        for (i, value) in values.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: String(value).utf8)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func array<T>(_ items: [T], _ each: (inout JSONBytes, T) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            each(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func object<T>(_ items: [T], _ each: (inout JSONBytes, T) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        for (i, item) in items.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            each(&self, item)
        }
        bytes.append(UInt8(ascii: "}"))
    }
}
