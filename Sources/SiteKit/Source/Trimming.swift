extension StringProtocol {
    /// The text without leading and trailing whitespace (Unicode's, newlines
    /// included). Foundation's `trimmingCharacters(in:)` goes through
    /// NSString on Linux, which costs more than parsing the YAML around it.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(self[first..<scalars.index(after: last)])
    }
}
