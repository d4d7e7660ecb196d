/// How the search reads German text: lower case, ä/ae, ö/oe, ü/ue and ß/ss
/// as one, accents dropped, split into words of ASCII letters and digits.
/// `templates/assets/suche.js` folds a query by the same rules (its
/// `fold`); the two must stay alike, or a word in the index is never found.
///
/// Works on UTF-8 bytes: at 10,000 profiles the index reads some
/// megabytes of text, and the build's budget for it is a tenth of a second.
enum SearchText {
    /// Words shorter than this are not indexed (a query drops them too).
    static let minimumLength = 2

    /// Frequent words that find nothing: left out of the index and of the
    /// query. Folded. The manifest carries the list to the script.
    static let stopWords: Set<WordKey> = Set(
        [
            "aber", "als", "am", "an", "auch", "auf", "aus", "bei", "bis", "das", "dass", "dem", "den", "der", "des",
            "die", "durch", "ein", "eine", "einem", "einen", "einer", "eines", "es", "fur", "hat", "ihr", "ihre",
            "im", "in", "ist", "mit", "nach", "nicht", "noch", "oder", "sich", "sie", "sind", "so", "uber", "um",
            "und", "vom", "von", "vor", "war", "wie", "wird", "wir", "zu", "zum", "zur",
        ].map { WordKey(Array($0.utf8)) })

    /// Calls `word` with each folded word of `text` in order. With `html`,
    /// tags are skipped and character references end a word (the bodies
    /// the model holds are HTML; their text is what is searched).
    static func forEachWord(_ text: String, html: Bool = false, _ word: ([UInt8]) -> Void) {
        var current: [UInt8] = []
        current.reserveCapacity(32)
        func flush() {
            if current.count >= minimumLength {
                // In place: a new array per word would be millions of allocations at 10,000 profiles.
                foldPairs(&current)
                if current.count >= minimumLength && !stopWords.contains(WordKey(current)) { word(current) }
            }
            current.removeAll(keepingCapacity: true)
        }
        var utf8 = text.utf8.makeIterator()
        var inTag = false
        // Bytes left of a character reference (`&amp;`, `&#39;`): it ends a word and is no word itself.
        var inReference = 0
        while let byte = utf8.next() {
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
                continue
            }
            if inReference > 0 {
                inReference -= 1
                let isName =
                    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "#")
                if byte == UInt8(ascii: ";") { inReference = 0 }
                if byte == UInt8(ascii: ";") || isName { continue }
                inReference = 0
            }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                current.append(byte | 0x20)
            case UInt8(ascii: "<") where html:
                flush()
                inTag = true
            case UInt8(ascii: "&") where html:
                flush()
                inReference = 10
            case 0xC3:
                // Latin-1's letters: ä → a, é → e, ß → ss; the others end a word.
                guard let next = utf8.next(), next >= 0x80, next <= 0xBF else {
                    flush()
                    continue
                }
                let folded = latin1[Int(next - 0x80)]
                if folded.isEmpty { flush() } else { current.append(contentsOf: folded) }
            default:
                // Any other character, ASCII or not, ends a word; the
                // continuation bytes of a longer one are skipped with it.
                flush()
            }
        }
        flush()
    }

    /// The words of `text`, folded, in order.
    static func words(_ text: String, html: Bool = false) -> [String] {
        var result: [String] = []
        forEachWord(text, html: html) { result.append(String(decoding: $0, as: UTF8.self)) }
        return result
    }

    /// U+00C0…U+00FF folded as their letters without marks (Unicode's
    /// decomposition), ß as ss; signs and letters without a decomposition
    /// (Æ, Ø, Þ, ×) end a word.
    private static let latin1: [[UInt8]] = {
        // One letter per code point, À to ß then à to ÿ; _ ends a word, S is ß.
        let table = "aaaaaa_ceeeeiiii_nooooo__uuuuy_S" + "aaaaaa_ceeeeiiii_nooooo__uuuuy_y"
        return table.utf8.map { letter in
            switch letter {
            case UInt8(ascii: "_"): return []
            case UInt8(ascii: "S"): return Array("ss".utf8)
            default: return [letter]
            }
        }
    }()

    /// ae, oe, ue as ä, ö, ü: the e is dropped after a, o or u, unless a
    /// vowel or q comes before that letter ("neue", "Bauer", "Quelle" keep theirs).
    static func foldPairs(_ word: inout [UInt8]) {
        guard word.count >= 2 else { return }
        var kept = 0
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for i in word.indices {
            let byte = word[i]
            let dropped =
                byte == UInt8(ascii: "e") && i >= 1 && isOneOf(previous, "aou") && (i < 2 || !isOneOf(beforePrevious, "aeiouq"))
            // The rule looks at the letters as written, not as folded so far.
            beforePrevious = previous
            previous = byte
            if dropped { continue }
            word[kept] = byte
            kept += 1
        }
        word.removeLast(word.count - kept)
    }

    private static func isOneOf(_ byte: UInt8, _ set: StaticString) -> Bool {
        set.withUTF8Buffer { $0.contains(byte) }
    }
}
