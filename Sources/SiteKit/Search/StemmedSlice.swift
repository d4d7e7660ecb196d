import CWordScan

/// The words of a run of documents, weighted, stemmed and numbered by one
/// task with its own stemmer: the index makes one per slice of the
/// documents on all cores, then merges their stems into one table.
///
/// The words are read, counted and scored in C (`CWordScan`'s table numbers
/// each distinct word, keeps its counts for the document at hand and turns
/// them into the scores of its stems); each new word is stemmed here once.
/// Stems are numbers in a `WordTable`.
struct StemmedSlice {
    /// The stems of the slice; `entries` refer to them by number.
    private(set) var stems = WordTable(capacity: 8192)
    /// Per document, one after the other: each stem once, with its score.
    private(set) var entries: [(stem: Int32, score: Int32)] = []
    /// How many documents have each stem (its entries), by its number.
    private(set) var stemDocuments: [Int32] = []
    /// Where each document's entries end.
    private(set) var documentEnds: [Int] = []
    /// Every word long enough to be a compound (`SearchIndex.compoundMinimum`), with its stem.
    private(set) var compounds: [(word: [UInt8], stem: Int32)] = []

    /// `model` names the Handlungsfelder and Kommunen the pages refer to (`SearchDocument.forEachField`).
    init(_ docs: ArraySlice<SearchDocument>, model: SiteModel?) {
        guard let stemmer = GermanStemmer(), let words = sitegen_words_create(2048) else {
            documentEnds = docs.map { _ in 0 }
            return
        }
        defer { sitegen_words_destroy(words) }
        var stems = WordTable(capacity: 8192)
        var documentEnds: [Int] = []
        var compounds: [(word: [UInt8], stem: Int32)] = []
        // Words of the table given their stem so far.
        var known: UInt32 = 0
        let stops = SearchText.stopWords
        for d in docs.indices {
            docs[d].forEachField(in: model) { text, weight, html in
                SearchText.withBytes(text) { bytes in
                    guard let base = bytes.baseAddress else { return }
                    sitegen_words_count(words, base, bytes.count, html ? 1 : 0, Int32(weight.rawValue), weight == .body ? 1 : 0)
                }
            }
            // The words this document met first: stemmed once for the slice.
            while known < words.pointee.count {
                let folded = Array(UnsafeBufferPointer(start: sitegen_words_bytes(words, known), count: sitegen_words_length(words, known)))
                if !stops.contains(WordKey(folded)) {
                    let stem = stems.intern(stemmer.stem(folded)).id
                    sitegen_words_set_stem(words, known, stem)
                    if folded.count >= SearchIndex.compoundMinimum { compounds.append((folded, stem)) }
                }
                known += 1
            }
            sitegen_words_end_document(words, Int32(SearchDocument.bodyCap))
            documentEnds.append(words.pointee.entry_count)
        }
        self.stemDocuments = Array(UnsafeBufferPointer(start: words.pointee.stem_documents, count: stems.count))
        let pairs = UnsafeBufferPointer(start: words.pointee.entries, count: 2 * words.pointee.entry_count)
        let entries = (0..<words.pointee.entry_count).map { (stem: pairs[2 * $0], score: pairs[2 * $0 + 1]) }
        self.stems = stems
        self.entries = entries
        self.documentEnds = documentEnds
        self.compounds = compounds
    }
}
