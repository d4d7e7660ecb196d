import Foundation

/// The text under a result's title: the lead, or the start of the body
/// without its markup, cut at a word.
enum Snippet {
    static let length = 180

    static func make(lead: String?, html: String) -> String {
        // Two characters more than are shown tell `cut` whether there is more:
        // white space is collapsed, so trimming the end takes at most one.
        let text = lead ?? plainText(html, limit: length + 2)
        return cut(text)
    }

    /// The same for a page's body, read from the build cache without making a string of it.
    static func make(lead: String?, body: RenderedBody) -> String {
        cut(lead ?? body.withHTMLBytes { plainText($0, limit: length + 2) })
    }

    /// The text of body HTML: tags dropped (a block's end is a space), the
    /// few references cmark-gfm writes decoded, white space collapsed. Stops
    /// after `limit` characters.
    static func plainText(_ html: String, limit: Int) -> String {
        SearchText.withBytes(html) { plainText($0, limit: limit) }
    }

    /// The same on UTF-8 bytes, a character at a time (a lead byte with its
    /// continuation bytes), so that nothing is decoded that is not kept.
    /// A reference's name is not copied: it is the bytes since its `&`.
    private static func plainText(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> String {
        // A step adds at most nine characters (a name too long for a reference) of at most four bytes.
        let text = String(unsafeUninitializedCapacity: 4 * limit + 64) { out in
            var length = 0
            @inline(__always) func put(_ byte: UInt8) {
                out[length] = byte
                length += 1
            }
            // Characters, counted here: a String's count walks the whole string every time.
            var count = 0
            var inTag = false
            // Where the name of a character reference starts (after its `&`), -1 outside one,
            // and how many characters it has so far.
            var entityStart = -1
            var entityLength = 0
            var lastWasSpace = true
            var i = 0
            let end = bytes.count
            while i < end && count < limit {
                let start = i
                let lead = bytes[i]
                i += 1
                while i < end && bytes[i] & 0xC0 == 0x80 { i += 1 }
                if inTag {
                    if lead == UInt8(ascii: ">") { inTag = false }
                    continue
                }
                if entityStart >= 0 {
                    if lead == UInt8(ascii: ";") {
                        if let decoded = reference(UnsafeBufferPointer(rebasing: bytes[entityStart..<start])) {
                            put(decoded)
                            count += 1
                            lastWasSpace = false
                        } else if !lastWasSpace {
                            put(UInt8(ascii: " "))
                            count += 1
                            lastWasSpace = true
                        }
                        entityStart = -1
                    } else if entityLength < 8 {
                        entityLength += 1
                    } else {
                        // Too long for a reference: its `&` and name are text (this character is dropped).
                        for j in (entityStart - 1)..<start { put(bytes[j]) }
                        count += 1 + entityLength
                        entityStart = -1
                    }
                    continue
                }
                switch lead {
                case UInt8(ascii: "<"), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    // A tag, like white space, is one space.
                    if lead == UInt8(ascii: "<") { inTag = true }
                    if !lastWasSpace {
                        put(UInt8(ascii: " "))
                        count += 1
                        lastWasSpace = true
                    }
                case UInt8(ascii: "&"):
                    entityStart = i
                    entityLength = 0
                default:
                    for j in start..<i { put(bytes[j]) }
                    count += 1
                    lastWasSpace = false
                }
            }
            return length
        }
        return text.trimmed
    }

    /// The references cmark-gfm writes into text, decoded.
    private static func reference(_ name: UnsafeBufferPointer<UInt8>) -> UInt8? {
        func matches(_ known: StaticString) -> Bool {
            guard known.utf8CodeUnitCount == name.count, let base = name.baseAddress else { return false }
            return memcmp(known.utf8Start, base, name.count) == 0
        }
        if matches("amp") { return UInt8(ascii: "&") }
        if matches("lt") { return UInt8(ascii: "<") }
        if matches("gt") { return UInt8(ascii: ">") }
        if matches("quot") { return UInt8(ascii: "\"") }
        if matches("#39") { return UInt8(ascii: "'") }
        return nil
    }

    /// At most `length` characters, cut after a whole word with "…".
    static func cut(_ text: String) -> String {
        guard text.utf8.count > length else { return text }
        // On the bytes where the text is plain (nearly always); by characters where it is not.
        let quick: String? = SearchText.withBytes(text) { bytes in
            switch place(ofCharacter: length, in: bytes) {
            case .needsCharacters: return nil
            case .none: return text
            case .at(let limit):
                if limit == bytes.count { return text }
                let end: Int
                switch lastSpace(in: UnsafeBufferPointer(rebasing: bytes[..<limit])) {
                case .needsCharacters: return nil
                case .none: end = limit
                case .at(let space): end = space
                }
                // A substring's bytes are copied as they are; new bytes would be checked again for UTF-8.
                var head = String(text[..<text.utf8.index(text.utf8.startIndex, offsetBy: end)])
                head += " …"
                return head
            }
        }
        if let quick { return quick }
        guard let limit = characterIndex(length, in: text), limit != text.endIndex else { return text }
        let head = text[..<limit]
        let end = lastSpace(in: head) ?? head.endIndex
        return String(head[..<end]) + " …"
    }

    /// A place in UTF-8 bytes as found on the bytes, or that only the
    /// grapheme rules can tell (`needsCharacters`).
    enum Place: Equatable {
        case at(Int)
        case needsCharacters
    }

    /// The last space of `head`, as `lastIndex(of: " ")` finds it.
    static func lastSpace(in head: Substring) -> String.Index? {
        let found = head.utf8.withContiguousStorageIfAvailable { lastSpace(in: $0) } ?? .needsCharacters
        switch found {
        case .at(let offset): return head.utf8.index(head.utf8.startIndex, offsetBy: offset)
        case .none: return nil
        case .needsCharacters: return head.lastIndex(of: " ")
        }
    }

    /// The last space of `head` on the bytes: a walk back by characters
    /// applies the grapheme rules at every step. A space between two
    /// scalars below U+0300 is a character of its own (no mark joins it, no
    /// prepended sign comes before it); next to any other, the characters decide.
    static func lastSpace(in head: UnsafeBufferPointer<UInt8>) -> Place? {
        var i = head.count
        while i > 0 {
            i -= 1
            guard head[i] == UInt8(ascii: " ") else { continue }
            guard i + 1 == head.count || head[i + 1] < 0xCC else { return .needsCharacters }
            if i > 0 {
                var before = i - 1
                while before > 0 && head[before] & 0xC0 == 0x80 { before -= 1 }
                guard head[before] < 0xCC else { return .needsCharacters }
            }
            return .at(i)
        }
        return nil
    }

    /// Where character `offset` of `text` starts (its end for the character
    /// after the last), nil past that.
    static func characterIndex(_ offset: Int, in text: String) -> String.Index? {
        switch SearchText.withBytes(text, { place(ofCharacter: offset, in: $0) }) {
        case .at(let byte): return text.utf8.index(text.utf8.startIndex, offsetBy: byte)
        case .none: return nil
        case .needsCharacters: return text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex)
        }
    }

    /// Where character `offset` starts in UTF-8 `bytes` (their end for the
    /// character after the last), nil past that. Below U+0300 (ASCII, and
    /// German text with its umlauts and ß) one scalar is one character, but
    /// for a CR before a line feed; so are the dashes, quotes and dots of
    /// U+2010…U+2027 („“, –, …) and the euro sign, which no rule joins to a
    /// neighbour of these kinds. Other text needs the grapheme rules.
    static func place(ofCharacter offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Place? {
        var scalars = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 {
                guard (byte < 0xCC && byte != 0x0D) || isPlainPunctuation(bytes, at: index) else { return .needsCharacters }
                if scalars == offset { return .at(index) }
                scalars += 1
            }
            index += 1
        }
        return scalars == offset ? .at(bytes.count) : nil
    }

    /// Whether the scalar at `index` is one of U+2010…U+2027 or U+20AC.
    private static func isPlainPunctuation(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard bytes[index] == 0xE2, index + 2 < bytes.count else { return false }
        switch (bytes[index + 1], bytes[index + 2]) {
        case (0x80, 0x90...0xA7), (0x82, 0xAC): return true
        default: return false
        }
    }
}
