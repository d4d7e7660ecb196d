import CWordScan

/// How the search reads German text: lower case, ä/ae, ö/oe, ü/ue and ß/ss
/// as one, accents dropped, split into words of ASCII letters and digits.
/// `templates/assets/suche.js` folds a query by the same rules (its
/// `fold`); the two must stay alike, or a word in the index is never found.
///
/// Works on UTF-8 bytes, in C (`CWordScan`): the index reads the text of
/// every page, and its budget is a tenth of the build (BENCHMARKS.md).
enum SearchText {
    /// Words shorter than this are not indexed (a query drops them too).
    static let minimumLength = Int(SITEGEN_WORD_MINIMUM)
    /// Words longer than this (folded) are not indexed either: no German
    /// word is, and the compound parts of a word grow with the square of
    /// its length (a line of a million letters would take gigabytes).
    static let maximumLength = Int(SITEGEN_WORD_MAXIMUM)

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
    /// words included. `word` gets a buffer that is reused for the next word.
    ///
    /// The reader is C (`CWordScan`): the index reads the HTML of every page
    /// and counts its words there too (`StemmedSlice`). `reader` picks how
    /// it classifies the text (`SearchTests` holds each to these rules).
    static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, html: Bool, reader: Reader = .best, _ word: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        guard let base = bytes.baseAddress else { return }
        withoutActuallyEscaping(word) { word in
            var sink = word
            withUnsafeMutablePointer(to: &sink) { context in
                sitegen_scan_words(
                    base, bytes.count, html ? 1 : 0, reader.code,
                    { context, word, count in
                        let sink = context!.assumingMemoryBound(to: ((UnsafeBufferPointer<UInt8>) -> Void).self)
                        sink.pointee(UnsafeBufferPointer(start: word, count: count))
                    }, context)
            }
        }
    }

    /// How the reader reads: the best way the processor has (a window's
    /// words folded at once where it compresses bytes); or word by word,
    /// classifying a window with AVX-512 (else SSE2), with SSE2, or in plain
    /// C as on processors with neither.
    enum Reader: CaseIterable {
        case best, avx512, sse2, portable

        var code: Int32 {
            switch self {
            case .best: return Int32(SITEGEN_READER_BEST)
            case .avx512: return Int32(SITEGEN_READER_AVX512)
            case .sse2: return Int32(SITEGEN_READER_SSE2)
            case .portable: return Int32(SITEGEN_READER_PORTABLE)
            }
        }
    }

    /// The words of `text`, folded, in order.
    static func words(_ text: String, html: Bool = false) -> [String] {
        var result: [String] = []
        forEachWord(text, html: html) { result.append(String(decoding: $0, as: UTF8.self)) }
        return result
    }
}
