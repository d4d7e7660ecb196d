import Foundation

/// Slugs and heading ids, made the way the content format says: lower case,
/// ä→ae, ö→oe, ü→ue, ß→ss, other letters folded to ASCII, every run of other
/// characters turned into one `-`, no `-` at either end.
public enum Slug {
    public static func make(from text: String) -> String {
        quickly(text) ?? fully(text)
    }

    /// Text of ASCII and German letters only (most headings and names), on
    /// the bytes: the same result as `fully`, which lower-cases the whole
    /// string and builds the slug a character at a time. Nil for anything
    /// else.
    static func quickly(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 4)
        var pendingDash = false
        func emit(_ byte: UInt8) {
            if pendingDash && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
            pendingDash = false
            bytes.append(byte)
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39: emit(UInt8(scalar.value))
            case 0x41...0x5A: emit(UInt8(scalar.value + 0x20))
            case 0xE4, 0xC4:
                emit(UInt8(ascii: "a"))
                emit(UInt8(ascii: "e"))
            case 0xF6, 0xD6:
                emit(UInt8(ascii: "o"))
                emit(UInt8(ascii: "e"))
            case 0xFC, 0xDC:
                emit(UInt8(ascii: "u"))
                emit(UInt8(ascii: "e"))
            case 0xDF:
                emit(UInt8(ascii: "s"))
                emit(UInt8(ascii: "s"))
            case 0...0x7F: pendingDash = true
            default: return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func fully(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingDash = false
        func emit(_ c: Character) {
            if pendingDash && !result.isEmpty { result.append("-") }
            pendingDash = false
            result.append(c)
        }
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9":
                emit(Character(scalar))
            case "ä":
                emit("a")
                emit("e")
            case "ö":
                emit("o")
                emit("e")
            case "ü":
                emit("u")
                emit("e")
            case "ß":
                emit("s")
                emit("s")
            default:
                if scalar.isASCII {
                    pendingDash = true
                } else {
                    // é → e, ł → l …: decompose and keep the ASCII letters.
                    let folded = String(scalar).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
                    let ascii = folded.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
                    if ascii.isEmpty { pendingDash = true } else { ascii.forEach { emit(Character($0)) } }
                }
            }
        }
        return result
    }

    /// True if `text` is a valid slug: `[a-z0-9]+(-[a-z0-9]+)*`.
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.first != "-", text.last != "-" else { return false }
        var previousDash = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): previousDash = false
            case UInt8(ascii: "-"):
                if previousDash { return false }
                previousDash = true
            default: return false
            }
        }
        return true
    }
}

/// Hands out heading ids for one page: the slug of the heading's text, with
/// `-2`, `-3` … for repeats in order of appearance.
struct HeadingIDs {
    private var used: Set<String> = []
    /// The next number to try for each base: a page of 20,000 equal
    /// headings would otherwise try `-2`, `-3`, … from 2 for each of them.
    /// A number is passed over only when its id is taken, so every base
    /// tries each id once.
    private var nextNumber: [String: Int] = [:]

    mutating func next(for text: String) -> String {
        let slug = Slug.make(from: text)
        let base = slug.isEmpty ? "abschnitt" : slug
        // One hash per id tried: inserting says whether it was free. A base
        // with a next number is taken already and is not tried again.
        var id = base
        // The next number is read and written in place: one lookup.
        func take(_ next: inout Int?) {
            if next == nil && used.insert(base).inserted { return }
            var n = next ?? 2
            id = "\(base)-\(n)"
            while !used.insert(id).inserted {
                n += 1
                id = "\(base)-\(n)"
            }
            next = n + 1
        }
        take(&nextNumber[base])
        return id
    }
}
