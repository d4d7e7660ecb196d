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
        var out = String.UnicodeScalarView()
        // Counted here: a String's count walks the whole string every time.
        var count = 0
        var inTag = false
        var entity: String.UnicodeScalarView?
        var lastWasSpace = true
        func space() {
            if !lastWasSpace {
                out.append(" ")
                count += 1
                lastWasSpace = true
            }
        }
        for c in html.unicodeScalars {
            if count >= limit { break }
            if inTag {
                if c == ">" { inTag = false }
                continue
            }
            if var name = entity {
                if c == ";" {
                    let decoded = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "#39": "'"][String(name)]
                    if let decoded {
                        out.append(contentsOf: decoded.unicodeScalars)
                        count += 1
                        lastWasSpace = false
                    } else {
                        space()
                    }
                    entity = nil
                } else if name.count < 8 {
                    name.append(c)
                    entity = name
                } else {
                    out.append("&")
                    out.append(contentsOf: name)
                    count += 1 + name.count
                    entity = nil
                }
                continue
            }
            switch c {
            case "<":
                inTag = true
                space()
            case "&": entity = String.UnicodeScalarView()
            case " ", "\n", "\t", "\r": space()
            default:
                out.append(c)
                count += 1
                lastWasSpace = false
            }
        }
        return String(out).trimmed
    }

    /// At most `length` characters, cut after a whole word with "…".
    static func cut(_ text: String) -> String {
        guard text.count > length else { return text }
        let head = text.prefix(length)
        let end = head.lastIndex(of: " ") ?? head.endIndex
        return String(head[..<end]) + " …"
    }
}
