/// The text under a result's title: the lead, or the start of the body
/// without its markup, cut at a word.
enum Snippet {
    static let length = 180

    static func make(lead: String?, html: String) -> String {
        let text = lead ?? plainText(html, limit: length * 2)
        return cut(text)
    }

    /// The text of body HTML: tags dropped (a block's end is a space), the
    /// few references cmark-gfm writes decoded, white space collapsed. Stops
    /// after `limit` characters.
    static func plainText(_ html: String, limit: Int) -> String {
        SearchText.withBytes(html) { plainText($0, limit: limit) }
    }

    /// The same on UTF-8 bytes, a character at a time (a lead byte with its
    /// continuation bytes), so that nothing is decoded that is not kept.
    private static func plainText(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(limit + 16)
        // Characters, counted here: a String's count walks the whole string every time.
        var count = 0
        var inTag = false
        // The bytes of a character reference after its `&`, and how many characters it has.
        var entity: [UInt8]?
        var entityLength = 0
        var lastWasSpace = true
        func space() {
            if !lastWasSpace {
                out.append(UInt8(ascii: " "))
                count += 1
                lastWasSpace = true
            }
        }
        var i = 0
        while i < bytes.count && count < limit {
            let lead = bytes[i]
            var next = i + 1
            while next < bytes.count && bytes[next] & 0xC0 == 0x80 { next += 1 }
            let character = UnsafeBufferPointer(rebasing: bytes[i..<next])
            i = next
            if inTag {
                if lead == UInt8(ascii: ">") { inTag = false }
                continue
            }
            if var name = entity {
                if lead == UInt8(ascii: ";") {
                    if let decoded = reference(name) {
                        out.append(decoded)
                        count += 1
                        lastWasSpace = false
                    } else {
                        space()
                    }
                    entity = nil
                } else if entityLength < 8 {
                    name.append(contentsOf: character)
                    entity = name
                    entityLength += 1
                } else {
                    out.append(UInt8(ascii: "&"))
                    out.append(contentsOf: name)
                    count += 1 + entityLength
                    entity = nil
                }
                continue
            }
            switch lead {
            case UInt8(ascii: "<"):
                inTag = true
                space()
            case UInt8(ascii: "&"):
                entity = []
                entityLength = 0
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): space()
            default:
                out.append(contentsOf: character)
                count += 1
                lastWasSpace = false
            }
        }
        return String(decoding: out, as: UTF8.self).trimmed
    }

    /// The references cmark-gfm writes into text, decoded.
    private static func reference(_ name: [UInt8]) -> UInt8? {
        switch String(decoding: name, as: UTF8.self) {
        case "amp": return UInt8(ascii: "&")
        case "lt": return UInt8(ascii: "<")
        case "gt": return UInt8(ascii: ">")
        case "quot": return UInt8(ascii: "\"")
        case "#39": return UInt8(ascii: "'")
        default: return nil
        }
    }

    /// At most `length` characters, cut after a whole word with "…".
    static func cut(_ text: String) -> String {
        guard text.count > length else { return text }
        let head = text.prefix(length)
        let end = head.lastIndex(of: " ") ?? head.endIndex
        return String(head[..<end]) + " …"
    }
}
