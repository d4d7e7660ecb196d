import Foundation

/// The decode cache of `sitegen build` on disk: one file per output folder,
/// in `.sitegen-cache/` beside it, never inside it (the output is published
/// as it is). It is read only when the output folder already holds a build,
/// so a build into an empty folder is always a clean one. A file from
/// another sitegen version, or one that cannot be read, counts as empty.
enum BuildCache {
    /// Raised whenever what is stored changes shape.
    static let format = 1
    static let folder = ".sitegen-cache"

    static func file(forOutput output: String) -> String {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        return url.deletingLastPathComponent().path + "/" + folder + "/" + url.lastPathComponent + ".bin"
    }

    /// Names the program that wrote the cache, down to its binary: a
    /// rebuilt sitegen may decode differently, even under the same version.
    static let header: String = {
        var info = stat()
        let binary = stat("/proc/self/exe", &info) == 0 ? "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)" : "unknown"
        return "sitegen decode cache \(format) \(SitegenVersion.current) \(binary)\n"
    }()

    static func load(_ path: String, into cache: DecodeCache) {
        guard let bytes = DiskLoader.read(path) else { return }
        let entries: [String: DecodeCache.Entry]? = bytes.withUnsafeBytes { raw in
            var reader = BinaryReader(raw)
            guard (try? reader.string()) == header, let count = try? reader.int(), count >= 0 else { return nil }
            // An index first (small), then the pages decoded in parallel.
            var index: [(path: String, key: DecodeCache.Key, digest: ContentHash.Digest, start: Int, end: Int)] = []
            do {
                for _ in 0..<count {
                    let path = try reader.string()
                    let key = DecodeCache.Key(displayPath: try reader.string(), allowHTML: try reader.bool())
                    let digest = ContentHash.Digest(a: try reader.word(), b: try reader.word())
                    let length = try reader.int()
                    let start = try reader.skip(length)
                    index.append((path, key, digest, start, start + length))
                }
            } catch {
                return nil
            }
            let decoded = parallelMap(index) { item -> DecodeCache.Entry? in
                var page = BinaryReader(raw, from: item.start, to: item.end)
                guard let result = try? page.optional({ try $0.decoded() }), let diagnostics = try? page.diagnostics(),
                      page.isAtEnd else { return nil }
                return DecodeCache.Entry(key: item.key, bytes: nil, digest: item.digest, result: result, diagnostics: diagnostics,
                                         stored: bytes[item.start..<item.end])
            }
            var entries: [String: DecodeCache.Entry] = [:]
            for (item, entry) in zip(index, decoded) {
                guard let entry else { return nil }
                entries[item.path] = entry
            }
            return entries
        }
        if let entries { cache.loaded(entries) }
    }

    /// Writes the cache atomically; a failure only costs the next build time.
    /// Pages are encoded a batch at a time, so the cache never has to fit
    /// in memory twice.
    static func save(_ cache: DecodeCache, to path: String) {
        guard !cache.unchangedSinceLoad else { return }
        let entries = cache.snapshot.sorted { $0.key < $1.key }
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        var ok = true
        var head = BinaryWriter()
        head.string(header)
        head.int(entries.count)
        ok = OutputWriter.write(head.bytes, to: fd)
        var start = 0
        while ok && start < entries.count {
            let batch = Array(entries[start..<min(start + 1024, entries.count)])
            start += batch.count
            let encoded = parallelMap(batch) { path, entry in encode(path, entry) }
            for item in encoded where ok { ok = OutputWriter.write(item, to: fd) }
        }
        ok = close(fd) == 0 && ok
        if !ok || rename(temporary, path) != 0 { unlink(temporary) }
    }

    private static func encode(_ path: String, _ entry: DecodeCache.Entry) -> [UInt8] {
        var page = BinaryWriter()
        if let stored = entry.stored {
            page.raw(stored)
        } else {
            page.optional(entry.result) { $0.decoded($1) }
            page.diagnostics(entry.diagnostics)
        }
        var item = BinaryWriter()
        item.string(path)
        item.string(entry.key.displayPath)
        item.bool(entry.key.allowHTML)
        let digest = entry.storedDigest
        item.word(digest.a)
        item.word(digest.b)
        item.int(page.bytes.count)
        item.raw(page.bytes)
        return item.bytes
    }
}
