extension StringProtocol {
    /// The text without leading and trailing whitespace (Unicode's, newlines
    /// included). Foundation's `trimmingCharacters(in:)` goes through
    /// NSString on Linux, which costs more than parsing the YAML around it.
    var trimmed: String {
        // Most texts (headings, values) begin and end with a visible ASCII
        // character: nothing to look up in Unicode's tables then.
        let scalars = unicodeScalars
        if let head = scalars.first?.value, let tail = scalars.last?.value, head > 0x20, head < 0x7F, tail > 0x20, tail < 0x7F {
            return String(self)
        }
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(self[first..<scalars.index(after: last)])
    }
}
