/// The words of a run of documents, weighted, stemmed and numbered by one
/// task with its own stemmer: the index makes one per slice of the
/// documents on all cores, then merges their stems into one table.
///
/// Words and stems are numbers in a `WordTable`; a document's counts live in
/// arrays indexed by those numbers and are cleared through the list of
/// numbers it touched, so nothing is allocated per word.
struct StemmedSlice {
    /// The stems of the slice; `entries` refer to them by number.
    private(set) var stems = WordTable(capacity: 8192)
    /// Per document, one after the other: each stem once, with its score.
    private(set) var entries: [(stem: Int32, score: Int32)] = []
    /// Where each document's entries end.
    private(set) var documentEnds: [Int] = []
    /// Every word long enough to be a compound (`SearchIndex.compoundMinimum`), with its stem.
    private(set) var compounds: [(word: [UInt8], stem: Int32)] = []

    init(_ docs: ArraySlice<SearchDocument>) {
        guard let stemmer = GermanStemmer() else {
            documentEnds = docs.map { _ in 0 }
            return
        }
        var stems = WordTable(capacity: 8192)
        var entries: [(stem: Int32, score: Int32)] = []
        var documentEnds: [Int] = []
        var compounds: [(word: [UInt8], stem: Int32)] = []
        var words = WordTable(capacity: 16384)
        // Per word: its stem's number (-1 for a stop word) and, for the
        // document at hand, the weights of its fields and how often the body has it.
        struct Count {
            var stem: Int32
            var weighted: Int32 = 0
            var inBody: Int32 = 0
        }
        // Grown by hand: the loop below reads and writes a count for every
        // word of every page, and an array's checks there cost more than the count.
        var counts = UnsafeMutablePointer<Count>.allocate(capacity: 16384)
        var countCapacity = 16384
        var countTotal = 0
        defer { counts.deallocate() }
        var touched: [Int32] = []
        var stemScore: [Int32] = []
        var touchedStems: [Int32] = []
        let stops = SearchText.stopWords
        let bodyCap = Int32(SearchDocument.bodyCap)
        for doc in docs {
            for field in doc.fields {
                let weight = Int32(field.weight.rawValue)
                let isBody = field.weight == .body
                SearchText.withBytes(field.text) { bytes in
                    SearchText.scan(bytes, html: field.html) { word, hash in
                        let (id, isNew) = words.intern(word, hash: hash)
                        if isNew {
                            if countTotal == countCapacity {
                                let larger = UnsafeMutablePointer<Count>.allocate(capacity: countCapacity * 2)
                                larger.moveInitialize(from: counts, count: countTotal)
                                counts.deallocate()
                                counts = larger
                                countCapacity *= 2
                            }
                            let folded = Array(word)
                            if stops.contains(WordKey(folded)) {
                                (counts + countTotal).initialize(to: Count(stem: -1))
                            } else {
                                let (stem, isNewStem) = stems.intern(stemmer.stem(folded))
                                if isNewStem { stemScore.append(0) }
                                (counts + countTotal).initialize(to: Count(stem: stem))
                                if folded.count >= SearchIndex.compoundMinimum { compounds.append((folded, stem)) }
                            }
                            countTotal += 1
                        }
                        let count = counts + Int(id)
                        guard count.pointee.stem >= 0 else { return }
                        if count.pointee.weighted == 0 && count.pointee.inBody == 0 { touched.append(id) }
                        if isBody { count.pointee.inBody += 1 } else { count.pointee.weighted += weight }
                    }
                }
            }
            for id in touched {
                let i = Int(id)
                let stem = Int(counts[i].stem)
                if stemScore[stem] == 0 { touchedStems.append(Int32(stem)) }
                stemScore[stem] += counts[i].weighted + min(counts[i].inBody, bodyCap)
                counts[i].weighted = 0
                counts[i].inBody = 0
            }
            for stem in touchedStems {
                entries.append((stem, stemScore[Int(stem)]))
                stemScore[Int(stem)] = 0
            }
            touched.removeAll(keepingCapacity: true)
            touchedStems.removeAll(keepingCapacity: true)
            documentEnds.append(entries.count)
        }
        self.stems = stems
        self.entries = entries
        self.documentEnds = documentEnds
        self.compounds = compounds
    }
}
