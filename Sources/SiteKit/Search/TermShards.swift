/// The term shards of the search index: stems and compound parts grouped
/// by their first letters, two to begin with, one more for a group larger
/// than the budget. A key's own word (e.g. `ab` when `ab` is split into
/// `aba`, `abb` …) stays in the key's shard, so that the script finds every
/// word in the shard of the longest key it begins with.
enum TermShards {
    typealias Word = [UInt8]

    struct Shard {
        var key: String
        var bytes: [UInt8]
    }

    /// One line of a shard, made once and then only grouped.
    private struct Entry {
        var word: Word
        var isPart: Bool
        var json: [UInt8]
    }

    /// A stem and its postings: document number and score, one after the other.
    struct Term {
        var word: Word
        /// A run of the index's one array of postings.
        var postings: ArraySlice<Int32>
    }

    /// A compound part and the stems of the words it ends, in any order.
    struct Part {
        var word: Word
        var stems: [Word]
    }

    static func split(terms: [Term], parts: [Part], budget: Int) -> [Shard] {
        var entries: [Entry] = []
        entries.reserveCapacity(terms.count + parts.count)
        for term in terms {
            let word = term.word
            let list = term.postings
            var json = JSONBytes()
            json.key(word)
            // Document numbers as differences to the one before, each with its score.
            json.bytes.reserveCapacity(word.count + 8 + 2 * list.count)
            json.bytes.append(UInt8(ascii: "\""))
            Varint.appendPostings(list, to: &json.bytes)
            json.bytes.append(UInt8(ascii: "\""))
            entries.append(Entry(word: word, isPart: false, json: json.bytes))
        }
        for part in parts {
            var json = JSONBytes()
            json.key(part.word)
            json.array(part.stems.sorted { $0.bytesPrecede($1) }) { json, stem in json.key(stem, colon: false) }
            entries.append(Entry(word: part.word, isPart: true, json: json.bytes))
        }
        entries.sort { $0.word.bytesPrecede($1.word) || ($0.word == $1.word && !$0.isPart && $1.isPart) }
        var shards: [Shard] = []
        group(entries[...], depth: 2, budget: budget, into: &shards)
        return shards.sorted { $0.key < $1.key }
    }

    /// Sorted entries into shards by their first `depth` letters, splitting a
    /// group that is too large. Keys grow by one letter at most to eight.
    private static func group(_ entries: ArraySlice<Entry>, depth: Int, budget: Int, into shards: inout [Shard]) {
        var start = entries.startIndex
        while start < entries.endIndex {
            let key = entries[start].word.prefix(depth)
            var end = start
            var size = 0
            while end < entries.endIndex && entries[end].word.starts(with: key) {
                size += entries[end].json.count
                end += 1
            }
            let members = entries[start..<end]
            if size > budget && depth < 8 && members.contains(where: { $0.word.count > depth }) {
                // The key's own words stay in its shard; the longer ones go one letter deeper.
                let own = members.prefix { $0.word.count <= key.count }
                if !own.isEmpty { shards.append(Shard(key: String(decoding: key, as: UTF8.self), bytes: file(own))) }
                group(members.dropFirst(own.count), depth: depth + 1, budget: budget, into: &shards)
            } else {
                shards.append(Shard(key: String(decoding: key, as: UTF8.self), bytes: file(members)))
            }
            start = end
        }
    }

    /// `{"t":{stem:"<Δdoc score …>",…},"p":{part:[stem,…],…}}`, the
    /// postings packed as `Varint`s.
    private static func file(_ entries: ArraySlice<Entry>) -> [UInt8] {
        var out = Array("{\"t\":{".utf8)
        var first = true
        for entry in entries where !entry.isPart {
            if !first { out.append(UInt8(ascii: ",")) }
            out += entry.json
            first = false
        }
        out += Array("},\"p\":{".utf8)
        first = true
        for entry in entries where entry.isPart {
            if !first { out.append(UInt8(ascii: ",")) }
            out += entry.json
            first = false
        }
        out += Array("}}".utf8)
        return out
    }
}
