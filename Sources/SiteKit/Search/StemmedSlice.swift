import CWordScan

/// The words of a run of documents, weighted, stemmed and numbered by one
/// task with its own stemmer: the index makes one per slice of the
/// documents on all cores, then merges their stems into one table.
///
/// The words are read, counted and scored in C (`CWordScan`'s table numbers
/// each distinct word, keeps its counts for the document at hand and turns
/// them into the scores of its stems); each word new to the slice gets its
/// stem here, from the stems the slices share (`StemCache`). Stems are
/// numbers in a `WordTable`; the postings come out grouped by stem.
struct StemmedSlice {
    /// The stems of the slice; `postings` are grouped by their numbers.
    private(set) var stems = WordTable(capacity: 8192)
    /// Each stem's postings, one run after the other in the order of the
    /// stems' numbers: the slice's document number (from 0) and the score,
    /// in document order. Grouped here, on all cores and in memory the size
    /// of a slice, so that the merge copies runs instead of single postings.
    private(set) var postings: [Int32] = []
    /// Where each stem's run starts in `postings`, by its number, and where the last ends.
    private(set) var runStarts: [Int] = [0]
    /// How many documents the slice has.
    let documentCount: Int
    /// Every word long enough to be a compound (`SearchIndex.compoundMinimum`), with its stem.
    private(set) var compounds: [(word: [UInt8], stem: Int32)] = []

    /// The postings of stem `stem` (document, score, …).
    func run(_ stem: Int32) -> ArraySlice<Int32> { postings[runStarts[Int(stem)]..<runStarts[Int(stem) + 1]] }

    /// `names` names the Handlungsfelder and Kommunen the pages refer to
    /// (`SearchDocument.forEachField`); `cache` has the stems other slices found.
    init(_ docs: ArraySlice<SearchDocument>, names: SearchNames, cache: StemCache) {
        documentCount = docs.count
        guard let stemmer = GermanStemmer(), let words = sitegen_words_create(2048) else { return }
        defer { sitegen_words_destroy(words) }
        var stems = WordTable(capacity: 8192)
        var documentEnds: [Int] = []
        documentEnds.reserveCapacity(docs.count)
        var compounds: [(word: [UInt8], stem: Int32)] = []
        // Words of the table given their stem so far; a document's new ones (not stop words) and their numbers.
        var known: UInt32 = 0
        var fresh: [[UInt8]] = [], freshIDs: [UInt32] = []
        let stops = SearchText.stopWords
        // Through a buffer: a document read from an array slice is copied, each of its strings retained.
        docs.withUnsafeBufferPointer { docs in
            for d in docs.indices {
                docs[d].forEachField(names) { bytes, weight, html in
                    guard let base = bytes.baseAddress else { return }
                    sitegen_words_count(words, base, bytes.count, html ? 1 : 0, Int32(weight.rawValue), weight == .body ? 1 : 0)
                }
                // The words this document met first: given their stems once for the slice.
                while known < words.pointee.count {
                    let folded = Array(UnsafeBufferPointer(start: sitegen_words_bytes(words, known), count: sitegen_words_length(words, known)))
                    if !stops.contains(WordKey(folded)) {
                        fresh.append(folded)
                        freshIDs.append(known)
                    }
                    known += 1
                }
                if !fresh.isEmpty {
                    for (i, stemmed) in cache.stems(of: fresh, stemmer: stemmer).enumerated() {
                        let stem = stems.intern(stemmed).id
                        sitegen_words_set_stem(words, freshIDs[i], stem)
                        if fresh[i].count >= SearchIndex.compoundMinimum { compounds.append((fresh[i], stem)) }
                    }
                    fresh.removeAll(keepingCapacity: true)
                    freshIDs.removeAll(keepingCapacity: true)
                }
                sitegen_words_end_document(words, Int32(SearchDocument.bodyCap))
                documentEnds.append(words.pointee.entry_count)
            }
        }
        // The table's pairs (stem, score) by document, regrouped by stem; each stem's count of documents sizes its run.
        var runStarts = [Int](repeating: 0, count: stems.count + 1)
        for stem in 0..<stems.count { runStarts[stem + 1] = runStarts[stem] + 2 * Int(words.pointee.stem_documents[stem]) }
        var next = runStarts
        let pairs = UnsafeBufferPointer(start: words.pointee.entries, count: 2 * words.pointee.entry_count)
        postings = [Int32](unsafeUninitializedCapacity: runStarts[stems.count]) { buffer, count in
            var start = 0
            for (document, end) in documentEnds.enumerated() {
                for k in start..<end {
                    let stem = Int(pairs[2 * k])
                    buffer[next[stem]] = Int32(document)
                    buffer[next[stem] + 1] = pairs[2 * k + 1]
                    next[stem] += 2
                }
                start = end
            }
            count = runStarts[stems.count]
        }
        self.runStarts = runStarts
        self.stems = stems
        self.compounds = compounds
    }
}

/// The stems of the words met so far, shared by the slices: each distinct
/// word of the site is stemmed about once, not once in every slice that
/// meets it (Snowball takes a few hundred nanoseconds a word, and a large
/// network has some thirty thousand words, each met by many slices).
final class StemCache: Sendable {
    private let known = Locked<[WordKey: [UInt8]]>([:])

    /// The stems of `words`; those not known yet are stemmed by `stemmer`
    /// outside the lock, then kept. One document's new words at a time: a
    /// lock per word would cost about what it saves.
    func stems(of words: [[UInt8]], stemmer: GermanStemmer) -> [[UInt8]] {
        var found = known.withLock { known in words.map { known[WordKey($0)] } }
        var made: [(WordKey, [UInt8])] = []
        for i in found.indices where found[i] == nil {
            let stem = stemmer.stem(words[i])
            found[i] = stem
            made.append((WordKey(words[i]), stem))
        }
        if !made.isEmpty { known.withLock { known in for (word, stem) in made { known[word] = stem } } }
        return found.compactMap { $0 }
    }
}
