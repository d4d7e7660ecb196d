import Foundation

/// The decoded pages of the previous build, so the next build decodes only
/// the documents that changed. The preview server keeps one between builds;
/// a page is reused only when everything its decoding reads is the same: its
/// bytes, its path and label, and whether raw HTML is allowed.
public final class DecodeCache: @unchecked Sendable {
    struct Key: Equatable {
        var displayPath: String
        var allowHTML: Bool
    }

    /// A class, so that passing thousands of them around costs one
    /// reference count each, not one per field of a page.
    final class Entry: @unchecked Sendable {
        let key: Key
        let bytes: [UInt8]
        let result: PageDecoder.Decoded?
        let diagnostics: Diagnostics
        /// The page's heading ids, for link checks.
        let headingIDs: Set<String>

        init(key: Key, bytes: [UInt8], result: PageDecoder.Decoded?, diagnostics: Diagnostics) {
            self.key = key
            self.bytes = bytes
            self.result = result
            self.diagnostics = diagnostics
            self.headingIDs = Set(result?.page.body.headings.map(\.id) ?? [])
        }
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

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

    private var reused = 0

    /// How many documents the last build reused instead of decoding them.
    public var lastReused: Int { lock.withLock { reused } }
}

extension [String: DecodeCache.Entry] {
    func reusable(_ file: InputFile, key: DecodeCache.Key) -> DecodeCache.Entry? {
        guard let entry = self[file.path], entry.key == key, entry.bytes == file.bytes else { return nil }
        return entry
    }
}
