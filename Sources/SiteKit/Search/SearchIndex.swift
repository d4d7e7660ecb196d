/// The site search's index: static JSON files under `suche/`, made from
/// the model. The browser loads the small manifest, then only the shards a
/// query needs:
///
/// - `t/<prefix>.json`: the stems that begin with the prefix, each with its
///   postings (document number, score), and the compound parts that begin
///   with it, each with the stems of the words it ends. Prefixes are two
///   letters; a shard larger than `shardBudget` is split by one more letter.
/// - `n/<two letters>.json`: the words of the Kommunen's names, for the
///   search that forgives a typo (not in the first two letters).
/// - `d/<n>.json`: what a result shows, `documentsPerShard` documents each.
/// - `f/<slug>.json`: the documents of a Handlungsfeld, for its filter.
///
/// Documents are numbered by kind, then Land (`SearchDocument.all`): the
/// filters by kind and Land are ranges the manifest lists. An edited page
/// keeps its number, so a rebuild changes only the shards of the words
/// that changed (the output writer leaves files whose bytes are the same).
struct SearchIndex: Sendable {
    static let folder = "suche/"
    static let manifestPath = folder + "index.json"
    static let documentsPerShard = 50
    /// A term shard's size in bytes before it is split by one more letter.
    static let shardBudget = 32_000
    /// Words at least this long are taken apart into compound parts.
    static let compoundMinimum = 7
    /// A part starts at least this far into its word and is at least this long.
    static let partStart = 3, partMinimum = 4
    /// Name words shorter than this are not in the typo search.
    static let nameMinimum = 3

    /// Every file of the index, sorted by path, the manifest included.
    let files: [(path: String, bytes: [UInt8])]

    /// Counts for the benchmark and the tests.
    struct Stats: Sendable {
        var documents = 0, terms = 0, parts = 0, postings = 0, termShards = 0, bytes = 0
    }
    let stats: Stats

    typealias Word = [UInt8]

    init(_ model: SiteModel) {
        // With SITEGEN_TIMING the index is made alone, so its parts' laps are its own (`make bench`).
        var clock = StageClock()
        let names = SearchNames(model)
        let docs = SearchDocument.all(model, names: names)
        clock.lap("  search: documents")
        var stats = Stats()
        stats.documents = docs.count
        let terms = Self.terms(docs, names: names, clock: &clock)
        clock.lap("  search: words merged")
        stats.terms = terms.postings.count
        stats.parts = terms.parts.count
        stats.postings = terms.postings.reduce(0) { $0 + $1.postings.count / 2 }

        var files: [(path: String, bytes: [UInt8])] = []
        let shards = TermShards.split(terms: terms.postings, parts: terms.parts, budget: Self.shardBudget)
        stats.termShards = shards.count
        for shard in shards { files.append((Self.folder + "t/" + shard.key + ".json", shard.bytes)) }
        let nameFiles = Self.nameShards(docs)
        for (key, bytes) in nameFiles { files.append((Self.folder + "n/" + key + ".json", bytes)) }
        for start in stride(from: 0, to: docs.count, by: Self.documentsPerShard) {
            let slice = docs[start..<min(start + Self.documentsPerShard, docs.count)]
            files.append((Self.folder + "d/\(start / Self.documentsPerShard).json", Self.documentShard(slice)))
        }
        for feld in model.handlungsfelder {
            let members = docs.indices.filter { docs[$0].felder.contains(feld.slug) }
            files.append((Self.folder + "f/" + feld.slug + ".json", Self.deltaList(members.map { Int32($0) })))
        }
        files.append(
            (
                Self.manifestPath,
                Self.manifest(docs, model: model, shards: shards.map { ($0.key, $0.bytes.count) }, names: nameFiles.map(\.key))
            ))
        files.sort { $0.path < $1.path }
        clock.lap("  search: files")
        stats.bytes = files.reduce(0) { $0 + $1.bytes.count }
        self.files = files
        self.stats = stats
    }

    /// Every stem with its postings (document number, score, … in document
    /// order), and every compound part with the stems of the words it ends.
    /// The words are counted and stemmed on all cores, in slices of the
    /// documents (`StemmedSlice`), then merged here in document order.
    static func terms(_ docs: [SearchDocument], names: SearchNames, clock: inout StageClock) -> (
        postings: [TermShards.Term], parts: [TermShards.Part]
    ) {
        let sliceCount = max(1, min(32, docs.count / 64))
        let ranges = (0..<sliceCount).map { i in (docs.count * i / sliceCount)..<(docs.count * (i + 1) / sliceCount) }
        let cache = StemCache()
        let slices = parallelMap(ranges) { StemmedSlice(docs[$0], names: names, cache: cache) }
        clock.lap("  search: words counted and stemmed")

        var stems = WordTable(capacity: 1 << 16)
        // Each slice's stems by their number in the whole index.
        let globals = slices.map { slice in
            (0..<Int32(slice.stems.count)).map { local in slice.stems.withWord(local) { stems.intern($0).id } }
        }
        // The postings of all stems in one array, each stem's a run in document
        // order: counted first, then filled, so that nothing grows or is copied.
        // A slice has its stems' runs ready: each is copied whole, its documents numbered on.
        var ends = [Int](repeating: 0, count: stems.count)
        for (slice, global) in zip(slices, globals) {
            for local in global.indices { ends[Int(global[local])] += slice.run(Int32(local)).count }
        }
        var total = 0
        for stem in ends.indices {
            total += ends[stem]
            ends[stem] = total
        }
        var next = ends.indices.map { $0 == 0 ? 0 : ends[$0 - 1] }
        let starts = next
        let flat = [Int32](unsafeUninitializedCapacity: total) { buffer, count in
            var firstDocument: Int32 = 0
            for (slice, global) in zip(slices, globals) {
                slice.postings.withUnsafeBufferPointer { postings in
                    for local in global.indices {
                        let stem = Int(global[local])
                        var at = next[stem]
                        for k in stride(from: slice.runStarts[local], to: slice.runStarts[local + 1], by: 2) {
                            buffer[at] = postings[k] + firstDocument
                            buffer[at + 1] = postings[k + 1]
                            at += 2
                        }
                        next[stem] = at
                    }
                }
                firstDocument += Int32(slice.documentCount)
            }
            count = total
        }
        // A compound's parts, each pointing to the stem of the whole word; a word seen in an earlier slice is done.
        var compounds = WordTable(capacity: 1 << 15)
        var parts = WordTable(capacity: 1 << 17)
        var partStems: [[Int32]] = []
        for (slice, global) in zip(slices, globals) {
            for compound in slice.compounds where compounds.intern(compound.word).isNew {
                let stem = global[Int(compound.stem)]
                compound.word.withUnsafeBufferPointer { word in
                    for start in partStart...(word.count - partMinimum) {
                        let (part, isNew) = parts.intern(UnsafeBufferPointer(rebasing: word[start...]))
                        if isNew { partStems.append([]) }
                        partStems[Int(part)].append(stem)
                    }
                }
            }
        }
        let terms = ends.indices.map { TermShards.Term(word: stems.word(Int32($0)), postings: flat[starts[$0]..<ends[$0]]) }
        let partList = partStems.indices.map { part in
            TermShards.Part(word: parts.word(Int32(part)), stems: Set(partStems[part]).map { stems.word($0) })
        }
        return (terms, partList)
    }

    /// The words of the Kommunen's names by their first two letters, each
    /// with its documents; a name of several words also as one ("mayenkoblenz").
    static func nameShards(_ docs: [SearchDocument]) -> [(key: String, bytes: [UInt8])] {
        // A page has a handful of name words: kept in an array, not hashed into a set.
        var byWord: [WordKey: [Int32]] = [:]
        var words: [Word] = []
        for i in docs.indices {
            words.removeAll(keepingCapacity: true)
            for name in docs[i].names {
                var all: [Word] = []
                SearchText.forEachWord(name) { all.append($0) }
                if all.count > 1 { all.append(all.flatMap { $0 }) }
                for word in all where word.count >= nameMinimum && !words.contains(word) { words.append(word) }
            }
            for word in words { byWord[WordKey(word), default: []].append(Int32(i)) }
        }
        var byKey: [Word: [(Word, [Int32])]] = [:]
        for (word, ids) in byWord { byKey[Array(word.bytes.prefix(2)), default: []].append((word.bytes, ids)) }
        return byKey.keys.sorted { $0.bytesPrecede($1) }.map { key in
            var json = JSONBytes()
            json.object(byKey[key]!.sorted { $0.0.bytesPrecede($1.0) }) { json, entry in
                json.key(entry.0)
                json.intArray(entry.1.map(Int.init))
            }
            return (String(decoding: key, as: UTF8.self), json.bytes)
        }
    }

    /// `[[kind, title, url, meta, snippet], …]`, in document order.
    static func documentShard(_ docs: ArraySlice<SearchDocument>) -> [UInt8] {
        var json = JSONBytes()
        json.array(Array(docs.indices)) { json, i in
            json.raw("[\(docs[i].kind.rawValue),")
            json.string(docs[i].title)
            json.raw(",")
            json.string(docs[i].url)
            json.raw(",")
            json.string(docs[i].meta)
            json.raw(",")
            json.string(docs[i].snippet)
            json.raw("]")
        }
        return json.bytes
    }

    /// Ascending numbers as the differences between neighbours: small numbers, short files.
    static func deltaList(_ ids: [Int32]) -> [UInt8] {
        var json = JSONBytes()
        var last: Int32 = 0
        var deltas: [Int] = []
        deltas.reserveCapacity(ids.count)
        for id in ids {
            deltas.append(Int(id - last))
            last = id
        }
        json.intArray(deltas)
        return json.bytes
    }

    /// What the script reads first: the shards there are, the ranges of
    /// the kinds and Länder, the Handlungsfelder, the words left out.
    static func manifest(_ docs: [SearchDocument], model: SiteModel, shards: [(String, Int)], names: [String]) -> [UInt8] {
        var json = JSONBytes()
        json.raw("{\"version\":1,\"documents\":\(docs.count),\"perShard\":\(documentsPerShard),")
        json.raw("\"minimum\":\(SearchText.minimumLength),\"maximum\":\(SearchText.maximumLength),\"kinds\":")
        json.array(SearchDocument.Kind.allCases) { json, kind in
            let range = ranges(docs) { docs[$0].kind == kind }
            json.raw("[")
            json.string(kind.label)
            json.raw(",\(range.lowerBound),\(range.upperBound)]")
        }
        json.raw(",\"laender\":")
        let laender = Bundesland.allCases.filter { land in docs.indices.contains { docs[$0].land == land } }
        json.array(laender) { json, land in
            let range = ranges(docs) { docs[$0].land == land }
            json.raw("[")
            json.string(land.rawValue)
            json.raw(",")
            json.string(land.slug)
            json.raw(",\(range.lowerBound),\(range.upperBound)]")
        }
        json.raw(",\"felder\":")
        json.array(model.handlungsfelder) { json, feld in
            json.raw("[")
            json.string(feld.slug)
            json.raw(",")
            json.string(feld.name)
            json.raw("]")
        }
        json.raw(",\"shards\":")
        json.array(shards) { json, shard in
            json.raw("[")
            json.string(shard.0)
            json.raw(",\(shard.1)]")
        }
        json.raw(",\"names\":")
        json.array(names) { json, key in json.string(key) }
        json.raw(",\"stop\":")
        json.array(SearchText.stopWords.map(\.bytes).sorted { $0.bytesPrecede($1) }) { json, word in json.key(word, colon: false) }
        json.raw("}")
        return json.bytes
    }

    /// The documents matching `test` (given a document's number) as one
    /// range (they are neighbours by the order of `SearchDocument.all`);
    /// empty at the end when there are none. By number, so that no
    /// document is copied to be tested.
    private static func ranges(_ docs: [SearchDocument], _ test: (Int) -> Bool) -> Range<Int> {
        guard let first = docs.indices.first(where: test) else { return docs.count..<docs.count }
        let last = docs.indices.last(where: test)!
        return first..<(last + 1)
    }
}
