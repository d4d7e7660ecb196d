/// CSV as RFC 4180 writes it: `,` between fields, a field quoted only when
/// it holds `,`, `"`, CR or LF, quotes inside doubled. Records end with LF
/// (not RFC 4180's CRLF): every CSV reader accepts it, and a diff between two
/// builds then shows changed rows without carriage returns in the way.
enum CSV {
    static func field(_ text: String) -> String {
        // Most fields need no quotes: check the bytes once and copy the text whole.
        let plain = text.utf8.allSatisfy { byte in
            byte != UInt8(ascii: ",") && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\r")
        }
        if plain { return text }
        var out = "\""
        for ch in text.unicodeScalars {
            if ch == "\"" { out += "\"\"" } else { out.unicodeScalars.append(ch) }
        }
        return out + "\""
    }

    /// `field(text)` appended to `out`, copying plain text without a string of its own.
    static func appendField(_ text: String, to out: inout String) {
        let plain = text.utf8.allSatisfy { byte in
            byte != UInt8(ascii: ",") && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\r")
        }
        if plain { out += text } else { out += field(text) }
    }

    /// One record with its line end.
    static func record(_ fields: [String], into out: inout String) {
        for (i, f) in fields.enumerated() {
            if i > 0 { out += "," }
            appendField(f, to: &out)
        }
        out += "\n"
    }
}
