import Foundation

/// The decode cache of `sitegen build` on disk: one folder per output
/// folder, in `.sitegen-cache/` beside it, never inside it (the output is
/// published as it is). It is read only when the output folder already
/// holds a build, so a build into an empty folder is always a clean one. A
/// file another program wrote counts as empty; a damaged one (`CacheFile`)
/// makes the whole cache count as empty.
///
/// The documents are spread over `shards` files by a hash of their path:
/// the files are read side by side, and a rebuild after one edit rewrites
/// one of them, not the whole cache.
enum BuildCache {
    static let folder = ".sitegen-cache"
    static let shards = 16

    /// `.sitegen-cache/<output name>/`, beside the output folder.
    static func folder(forOutput output: String) -> String {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        return url.deletingLastPathComponent().path + "/" + folder + "/" + url.lastPathComponent
    }

    /// The same folder as the user would write it, for messages.
    static func label(forOutput output: String) -> String {
        var output = output
        while output.count > 1 && output.hasSuffix("/") { output.removeLast() }
        let parent = (output as NSString).deletingLastPathComponent
        return (parent.isEmpty ? "" : parent + "/") + folder + "/" + (output as NSString).lastPathComponent
    }

    static func shardFile(_ shard: Int, in folder: String) -> String { folder + "/decoded-\(shard).bin" }

    static func shard(of path: String) -> Int { Int(ContentHash.of(Array(path.utf8)).a % UInt64(shards)) }

    /// What a shard's header says it holds.
    private static let kind = "decoded documents"

    /// The cache's documents, with how many each shard held; absent when
    /// any shard is missing or from another program.
    struct Loaded {
        var entries: [String: DecodeCache.Entry]
        var shardCounts: [Int]
    }

    static func load(_ folder: String, identity: BuildIdentity) -> CacheFile.Read<Loaded> {
        let shards = parallelMap(Array(0..<shards)) { loadShard(shardFile($0, in: folder), identity: identity) }
        if shards.contains(where: \.isDamaged) { return .damaged }
        var loaded = Loaded(entries: [:], shardCounts: [])
        for shard in shards {
            guard let shard = shard.value else { return .absent }
            loaded.entries.merge(shard) { a, _ in a }
            loaded.shardCounts.append(shard.count)
        }
        return .value(loaded)
    }

    private static func loadShard(_ path: String, identity: BuildIdentity) -> CacheFile.Read<[String: DecodeCache.Entry]> {
        CacheFile.open(path, kind: kind, identity: identity).map { opened in
            let file = opened.file
            var reader = opened.content
            let count = try reader.int()
            guard count >= 0 else { throw BinaryReader.Malformed() }
            var entries: [String: DecodeCache.Entry] = [:]
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let path = try reader.string()
                let key = DecodeCache.Key(displayPath: try reader.string(), allowHTML: try reader.bool())
                let digest = ContentHash.Digest(a: try reader.word(), b: try reader.word())
                let length = try reader.int()
                let start = try reader.skip(length)
                var page = BinaryReader(file, from: start, to: start + length)
                let result = try page.optional { try $0.decoded() }
                let diagnostics = try page.diagnostics()
                guard page.isAtEnd else { throw BinaryReader.Malformed() }
                entries[path] = DecodeCache.Entry(
                    key: key, bytes: nil, digest: digest, result: result, diagnostics: diagnostics,
                    stored: StoredBytes(file: file, range: start..<start + length))
            }
            guard reader.isAtEnd else { throw BinaryReader.Malformed() }
            return entries
        }
    }

    /// Rewrites the shards whose documents changed since the cache was
    /// loaded, each atomically; a failure only costs the next build time.
    static func save(_ cache: DecodeCache, to folder: String, identity: BuildIdentity) {
        var byShard = [[(String, DecodeCache.Entry)]](repeating: [], count: shards)
        for (path, entry) in cache.snapshot { byShard[shard(of: path)].append((path, entry)) }
        let loaded = cache.loadedShardCounts
        let dirty = byShard.indices.filter { i in
            loaded.count != shards || loaded[i] != byShard[i].count || byShard[i].contains { $0.1.stored == nil }
        }
        guard !dirty.isEmpty else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // sitegen 0.x before shards kept one file beside the folder.
        unlink(folder + ".bin")
        // One shard at a time per thread: the cache never has to fit in memory twice.
        let shardEntries = byShard
        _ = parallelMap(dirty) { i -> Bool in
            CacheFile.write(shardFile(i, in: folder), kind: kind, identity: identity) { writer in
                let entries = shardEntries[i].sorted { $0.0 < $1.0 }
                writer.int(entries.count)
                for (path, entry) in entries { encode(path, entry, into: &writer) }
            }
        }
    }

    private static func encode(_ path: String, _ entry: DecodeCache.Entry, into item: inout BinaryWriter) {
        var page = BinaryWriter()
        if let stored = entry.stored {
            page.raw(stored.buffer)
        } else {
            page.optional(entry.result) { $0.decoded($1) }
            page.diagnostics(entry.diagnostics)
        }
        item.string(path)
        item.string(entry.key.displayPath)
        item.bool(entry.key.allowHTML)
        let digest = entry.storedDigest
        item.word(digest.a)
        item.word(digest.b)
        item.int(page.bytes.count)
        item.raw(page.bytes)
    }
}
