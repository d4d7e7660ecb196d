import Foundation

/// The decoded pages of the previous build, so the next build decodes only
/// the documents that changed. The preview server keeps one in memory
/// between builds; `sitegen build` keeps one on disk (`BuildCache`). A page
/// is reused only when everything its decoding reads is the same: its bytes,
/// its path and label, whether raw HTML is allowed, and the program (on
/// disk, the cache files belong to one `BuildIdentity`).
public final class DecodeCache: @unchecked Sendable {
    /// Derived images of the builds that share this cache (the preview
    /// server's), in memory: a photo is encoded once per session.
    /// `sitegen build` keeps them on disk instead (`ImageStore.folder`).
    let images = ImageStore(folder: nil)

    struct Key: Equatable {
        var displayPath: String
        var allowHTML: Bool
    }

    /// A class, so that passing thousands of them around costs one
    /// reference count each, not one per field of a page.
    final class Entry: @unchecked Sendable {
        let key: Key
        /// The document as it was decoded; nil for an entry read from disk,
        /// which knows the document by its digest only.
        let bytes: [UInt8]?
        let digest: ContentHash.Digest?
        let result: PageDecoder.Decoded?
        let diagnostics: Diagnostics
        /// The page's heading ids, for link checks.
        let headingIDs: Set<String>
        /// The entry as the cache file held it, written back as it is.
        let stored: StoredBytes?

        init(
            key: Key, bytes: [UInt8]?, digest: ContentHash.Digest?, result: PageDecoder.Decoded?, diagnostics: Diagnostics,
            stored: StoredBytes? = nil
        ) {
            self.key = key
            self.bytes = bytes
            self.digest = digest
            self.stored = stored
            self.result = result
            self.diagnostics = diagnostics
            self.headingIDs = Set(result?.page.body.headings.map(\.id) ?? [])
        }

        func matches(_ file: InputFile, key: Key, digest known: ContentHash.Digest?) -> Bool {
            guard self.key == key else { return false }
            if let bytes, file.unread == nil { return bytes == file.bytes }
            return digest == (known ?? file.unread?.digest ?? ContentHash.of(file.bytes))
        }

        /// The digest to store: `sitegen build` always knows it; a build
        /// from memory (the tests) hashes the bytes here.
        var storedDigest: ContentHash.Digest { digest ?? ContentHash.of(bytes ?? []) }
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    /// Digests of the documents of the build under way, by path, when the
    /// caller has them already (the build fingerprints its input first).
    var digests: [String: ContentHash.Digest] {
        get { lock.withLock { knownDigests } }
        set { lock.withLock { knownDigests = newValue } }
    }

    private var knownDigests: [String: ContentHash.Digest] = [:]
    private var reused = 0

    public init() {}

    /// Every entry, for lookups from many threads while a build decodes.
    var snapshot: [String: Entry] { lock.withLock { entries } }

    /// Keeps exactly the given entries: documents that are gone are forgotten.
    func replace(with new: [String: Entry], hits: Int) {
        lock.withLock {
            entries = new
            reused = hits
        }
    }

    /// How many documents the last build reused instead of decoding them.
    public var lastReused: Int { lock.withLock { reused } }

    /// How many entries each shard of the cache file held when it was
    /// loaded (empty when it was not): the cache rewrites only shards that
    /// changed.
    var loadedShardCounts: [Int] { lock.withLock { shardCounts } }

    private var shardCounts: [Int] = []

    func loaded(_ new: [String: Entry], shardCounts: [Int]) {
        lock.withLock {
            entries = new
            self.shardCounts = shardCounts
        }
    }
}

extension [String: DecodeCache.Entry] {
    func reusable(_ file: InputFile, key: DecodeCache.Key, digest: ContentHash.Digest?) -> DecodeCache.Entry? {
        guard let entry = self[file.path], entry.matches(file, key: key, digest: digest) else { return nil }
        return entry
    }
}
