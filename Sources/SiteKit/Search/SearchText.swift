/// How the search reads German text: lower case, ä/ae, ö/oe, ü/ue and ß/ss
/// as one, accents dropped, split into words of ASCII letters and digits.
/// `templates/assets/suche.js` folds a query by the same rules (its
/// `fold`); the two must stay alike, or a word in the index is never found.
///
/// Works on UTF-8 bytes: the index reads the text of every page, and its
/// budget is a tenth of the build (BENCHMARKS.md).
enum SearchText {
    /// Words shorter than this are not indexed (a query drops them too).
    static let minimumLength = 2
    /// Words longer than this (folded) are not indexed either: no German
    /// word is, and the compound parts of a word grow with the square of
    /// its length (a line of a million letters would take gigabytes).
    static let maximumLength = 64

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
        withBytes(text) { bytes in
            scan(bytes, html: html) { folded in
                let folded = Array(folded)
                if !stopWords.contains(WordKey(folded)) { word(folded) }
            }
        }
    }

    /// `text`'s UTF-8 bytes without a copy when the string is native.
    @inline(__always)
    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// The words of `bytes`, folded, at least `minimumLength` long, stop
    /// words included: the index keeps a flag per distinct word instead of
    /// looking each one up. `word` gets a buffer that is reused for the
    /// next word. Works on bytes and one reused buffer: it reads the HTML
    /// of every page.
    @inline(__always)
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, html: Bool, _ word: (UnsafeBufferPointer<UInt8>) -> Void) {
        var capacity = 64
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var length = 0
        // A word longer than this before folding (folding at most halves it)
        // is dropped whole, and its bytes are no longer kept.
        let keptMaximum = 2 * maximumLength
        @inline(__always) func append(_ byte: UInt8) {
            guard length <= keptMaximum else { return }
            if length == capacity {
                let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                larger.update(from: buffer, count: length)
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
            buffer[length] = byte
            length += 1
        }
        @inline(__always) func flush() {
            if length >= minimumLength && length <= keptMaximum {
                length = foldPairs(buffer, length)
                if length >= minimumLength && length <= maximumLength { word(UnsafeBufferPointer(start: buffer, count: length)) }
            }
            length = 0
        }
        var i = 0
        let end = bytes.count
        let folding = latin1
        while i < end {
            let byte = bytes[i]
            i += 1
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                append(byte | 0x20)
            case UInt8(ascii: "<") where html:
                // A tag ends a word and is skipped to its `>`.
                flush()
                while i < end && bytes[i] != UInt8(ascii: ">") { i += 1 }
                i += 1
            case UInt8(ascii: "&") where html:
                // A character reference (`&amp;`, `&#39;`) ends a word and is no word itself:
                // its name and `;` are skipped, ten bytes at most.
                flush()
                var left = 10
                while left > 0 && i < end {
                    left -= 1
                    let next = bytes[i]
                    if next == UInt8(ascii: ";") {
                        i += 1
                        break
                    }
                    let isName =
                        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(next | 0x20)
                        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(next) || next == UInt8(ascii: "#")
                    guard isName else { break }
                    i += 1
                }
            case 0xC3:
                // Latin-1's letters: ä → a, é → e, ß → ss; the others end a word.
                guard i < end, bytes[i] >= 0x80, bytes[i] <= 0xBF else {
                    flush()
                    continue
                }
                let folded = folding[Int(bytes[i] - 0x80)]
                i += 1
                if folded == 0 {
                    flush()
                } else {
                    append(UInt8(truncatingIfNeeded: folded))
                    if folded > 0xFF { append(UInt8(truncatingIfNeeded: folded >> 8)) }
                }
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
    /// (Æ, Ø, Þ, ×) end a word (0). One or two letters, the first in the low byte.
    private static let latin1: [UInt16] = {
        // One letter per code point, À to ß then à to ÿ; _ ends a word, S is ß.
        let table = "aaaaaa_ceeeeiiii_nooooo__uuuuy_S" + "aaaaaa_ceeeeiiii_nooooo__uuuuy_y"
        return table.utf8.map { letter in
            switch letter {
            case UInt8(ascii: "_"): return 0
            case UInt8(ascii: "S"): return UInt16(UInt8(ascii: "s")) | UInt16(UInt8(ascii: "s")) << 8
            default: return UInt16(letter)
            }
        }
    }()

    /// ae, oe, ue as ä, ö, ü: the e is dropped after a, o or u, unless a
    /// vowel or q comes before that letter ("neue", "Bauer", "Quelle" keep theirs).
    static func foldPairs(_ word: inout [UInt8]) {
        let count = word.withUnsafeMutableBufferPointer { foldPairs($0.baseAddress!, $0.count) }
        word.removeLast(word.count - count)
    }

    /// The same in place on `count` bytes; the new length.
    @inline(__always)
    static func foldPairs(_ word: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        guard count >= 2 else { return count }
        var kept = 0
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for i in 0..<count {
            let byte = word[i]
            let dropped =
                byte == UInt8(ascii: "e") && i >= 1 && isBackVowel(previous) && (i < 2 || !isVowelOrQ(beforePrevious))
            // The rule looks at the letters as written, not as folded so far.
            beforePrevious = previous
            previous = byte
            if dropped { continue }
            word[kept] = byte
            kept += 1
        }
        return kept
    }

    @inline(__always)
    private static func isBackVowel(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "a") || byte == UInt8(ascii: "o") || byte == UInt8(ascii: "u")
    }

    @inline(__always)
    private static func isVowelOrQ(_ byte: UInt8) -> Bool {
        isBackVowel(byte) || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "i") || byte == UInt8(ascii: "q")
    }
}
