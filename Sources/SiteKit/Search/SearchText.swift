import Foundation

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
            scan(bytes, html: html) { folded, _ in
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
    /// next word, and the word's `WordTable.hash`.
    ///
    /// One pass per byte, everything decided as the byte is met: the rule
    /// for ae, oe and ue needs only the two letters before. The index reads
    /// the HTML of every page with this loop, so a letter costs no branch
    /// (a mispredicted one costs more than the rest of the work): the rule
    /// is table lookups and arithmetic, and the buffer is fixed (a word
    /// longer than `maximumLength` once folded is dropped, so its bytes
    /// past that need not be kept; the index wraps).
    @inline(__always)
    static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, html: Bool, _ word: (UnsafeBufferPointer<UInt8>, UInt64) -> Void
    ) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { buffer in
            let out = buffer.baseAddress!
            // Read in whole chunks of eight by the hash; never undefined.
            out.initialize(repeating: 0, count: 128)
            // Letters kept; counted on past the buffer.
            var kept = 0
            // The last two letters written (0 before a word's first), for the rule.
            var previous = 0, beforePrevious = 0
            let classes = byteTables, rule = byteTables + 256
            @inline(__always) func append(_ byte: UInt8) {
                // ae, oe, ue as ä, ö, ü: the e is dropped after a, o or u, unless a vowel
                // or q comes before that letter ("neue", "Bauer", "Quelle" keep theirs).
                // The rule looks at the letters as written, not as folded so far.
                let isE = Int(truncatingIfNeeded: byte == UInt8(ascii: "e") ? 1 : 0)
                let dropped = isE & Int(rule[previous] & 1) & Int(~rule[beforePrevious] >> 1 & 1)
                out[kept & 127] = byte
                kept += 1 - dropped
                beforePrevious = previous
                previous = Int(byte)
            }
            @inline(__always) func flush() {
                // Folding at most halves a word (each dropped e follows a kept
                // letter), so a word of more than `2 * maximumLength` bytes
                // is always longer than `maximumLength` once folded.
                if kept >= minimumLength && kept <= maximumLength {
                    word(UnsafeBufferPointer(start: out, count: kept), WordTable.hash(padded: out, count: kept))
                }
                kept = 0
                previous = 0
                beforePrevious = 0
            }
            do {
                latin1.withUnsafeBufferPointer { folding in
                    var i = 0
                    let end = bytes.count
                    let base = UnsafeRawPointer(bytes.baseAddress)
                    while i < end {
                        if let base, i + 8 <= end {
                            // Eight bytes at once: the run of ASCII letters and digits they
                            // start with is lowered and stored as one word of eight bytes,
                            // unless the rule drops an e in it (then letter by letter).
                            let chunk = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                            let run = Chunk.letterRun(chunk)
                            if run > 0 {
                                let lower = chunk | Chunk.lowerBit
                                if kept > maximumLength {
                                    // Dropped at its end whatever it holds: only its length counts.
                                    kept += run
                                } else if !Chunk.dropsAnE(lower, run: run, previous: rule[previous], beforePrevious: rule[beforePrevious]) {
                                    UnsafeMutableRawPointer(out + kept).storeBytes(of: lower, as: UInt64.self)
                                    kept += run
                                    beforePrevious = run >= 2 ? Int(truncatingIfNeeded: lower >> (8 * (run - 2)) & 0xFF) : previous
                                    previous = Int(truncatingIfNeeded: lower >> (8 * (run - 1)) & 0xFF)
                                } else {
                                    for k in 0..<run { append(UInt8(truncatingIfNeeded: lower >> (8 * k))) }
                                }
                                i += run
                                if run == 8 { continue }
                            }
                        }
                        let byte = bytes[i]
                        i += 1
                        let kind = classes[Int(byte)]
                        if kind >= Class.letter {
                            append(kind)
                            continue
                        }
                        switch kind {
                        case Class.tag where html:
                            // A tag ends a word and is skipped to its `>`.
                            flush()
                            // memchr: a tag's attributes (a heading's id, a link's address) are long.
                            if let base, i < end, let close = memchr(base + i, Int32(UInt8(ascii: ">")), end - i) {
                                i = base.distance(to: UnsafeRawPointer(close)) + 1
                            } else {
                                i = end + 1
                            }
                        case Class.reference where html:
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
                        case Class.latin1:
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
                }
            }
            flush()
        }
    }

    /// Eight bytes in one `UInt64` (the first in the low byte), tested
    /// together: each test leaves the high bit of each byte that passes.
    /// Only bytes below 0x80 are tested, so no test borrows across bytes.
    private enum Chunk {
        static let ones: UInt64 = 0x0101_0101_0101_0101
        static let highBits: UInt64 = 0x8080_8080_8080_8080
        static let lowerBit: UInt64 = 0x2020_2020_2020_2020

        /// Bytes at least `floor` (for bytes below 0x80).
        @inline(__always)
        static func atLeast(_ x: UInt64, _ floor: UInt8) -> UInt64 { ((x | highBits) &- UInt64(floor) &* ones) & highBits }

        /// Bytes equal to `byte`.
        @inline(__always)
        static func equal(_ x: UInt64, _ byte: UInt8) -> UInt64 {
            let v = x ^ (UInt64(byte) &* ones)
            return ~(((v & ~highBits) &+ ~highBits) | v) & highBits
        }

        /// How many bytes the chunk starts with that are ASCII letters or digits (0…8).
        @inline(__always)
        static func letterRun(_ chunk: UInt64) -> Int {
            let lower = chunk | lowerBit
            let letters = atLeast(lower, UInt8(ascii: "a")) & ~atLeast(lower, UInt8(ascii: "z") + 1)
            let digits = atLeast(chunk, UInt8(ascii: "0")) & ~atLeast(chunk, UInt8(ascii: "9") + 1)
            let plain = (letters | digits) & ~(chunk & highBits)
            return (~plain & highBits).trailingZeroBitCount >> 3
        }

        /// Whether the rule for ae, oe and ue drops an e among the first
        /// `run` bytes of `lower`, given what `byteTables`' rule says of the
        /// two letters before them.
        @inline(__always)
        static func dropsAnE(_ lower: UInt64, run: Int, previous: UInt8, beforePrevious: UInt8) -> Bool {
            let e = equal(lower, UInt8(ascii: "e"))
            let back = equal(lower, UInt8(ascii: "a")) | equal(lower, UInt8(ascii: "o")) | equal(lower, UInt8(ascii: "u"))
            let vowel = back | e | equal(lower, UInt8(ascii: "i")) | equal(lower, UInt8(ascii: "q"))
            let backBefore = back << 8 | (previous & 1 == 0 ? 0 : 0x80)
            let vowelTwoBefore = vowel << 16 | (previous & 2 == 0 ? 0 : 0x8000) | (beforePrevious & 2 == 0 ? 0 : 0x80)
            let inRun = run == 8 ? UInt64.max : (UInt64(1) << (8 * run)) &- 1
            return e & backBefore & ~vowelTwoBefore & inRun != 0
        }
    }

    /// What a byte is to `scan`, as the first of `byteTables` says.
    private enum Class {
        static let separator: UInt8 = 0
        static let tag: UInt8 = 1
        static let reference: UInt8 = 2
        static let latin1: UInt8 = 3
        static let letter = UInt8(ascii: "0")
    }

    /// Two tables of 256 bytes, made once and kept for the life of the
    /// process: written once by the initialiser, only read after (plain
    /// pointers, so that the scan's loop reads them without checks).
    ///
    /// First, what a byte is to `scan`: a letter or digit as its lower-case
    /// self (all at least `Class.letter`), or one of the classes above.
    /// Second, the rule for ae, oe and ue: 1 for a, o, u (an e after them may
    /// be dropped), 2 for a vowel or q (then the e after a, o or u that
    /// follows it stays); 0, for no letter, is what a word starts with.
    private nonisolated(unsafe) static let byteTables: UnsafePointer<UInt8> = {
        let tables = UnsafeMutablePointer<UInt8>.allocate(capacity: 512)
        for byte in UInt8.min...UInt8.max {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): tables[Int(byte)] = byte
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): tables[Int(byte)] = byte | 0x20
            case UInt8(ascii: "<"): tables[Int(byte)] = Class.tag
            case UInt8(ascii: "&"): tables[Int(byte)] = Class.reference
            case 0xC3: tables[Int(byte)] = Class.latin1
            default: tables[Int(byte)] = Class.separator
            }
            switch byte {
            case UInt8(ascii: "a"), UInt8(ascii: "o"), UInt8(ascii: "u"): tables[256 + Int(byte)] = 3
            case UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "q"): tables[256 + Int(byte)] = 2
            default: tables[256 + Int(byte)] = 0
            }
        }
        return UnsafePointer(tables)
    }()

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

}
