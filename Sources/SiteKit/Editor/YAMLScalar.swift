/// Writes a text value for a YAML file the way an editor would: plain where
/// YAML reads it back unchanged, in double quotes where it would not (a
/// `: ` or ` #` inside, a leading quote, words like `no`, numbers, dates).
enum YAMLScalar {
    static func text(_ value: String) -> String {
        isSafePlain(value) ? value : quoted(value)
    }

    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case let c where c.value < 0x20 || c.value == 0x7F:
                let hex = String(c.value, radix: 16, uppercase: true)
                out += "\\x" + (hex.count < 2 ? "0" : "") + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static let reservedWords: Set<String> = [
        "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~",
    ]

    private static func isSafePlain(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return false }
        // Starting with a letter rules out indicators (- ? : , [ ] { } # & * ! | > ' " % @ `) and numbers.
        guard first.properties.isAlphabetic, last != " ", last != ":" else { return false }
        guard !reservedWords.contains(value.lowercased()) else { return false }
        if value.contains(": ") || value.contains(" #") || value.contains("\t") { return false }
        return value.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F && $0 != "\"" && $0 != "\\" }
    }
}
