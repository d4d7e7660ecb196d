/// A body's HTML as the rest of the build sees it: text, whether it was
/// just rendered or comes from the build cache. From a cache file the
/// bytes stay in the mapped file until a page asks for the text, so a
/// rebuild that renders one page makes one string, not ten thousand.
/// Only the cache (`ContentCoding`) knows the difference.
public struct LazyHTML: Sendable {
    private enum Storage: Sendable {
        case text(String)
        /// UTF-8 that was valid when it was written to the cache.
        case stored(StoredBytes)
    }

    private let storage: Storage

    init(_ text: String) { storage = .text(text) }

    init(stored: StoredBytes) { storage = .stored(stored) }

    public var text: String {
        switch storage {
        case .text(let text): return text
        case .stored(let stored): return String(decoding: stored.buffer, as: UTF8.self)
        }
    }

    /// Calls `body` with the UTF-8 bytes, without making a string of stored ones.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch storage {
        case .text(let text): return SearchText.withBytes(text, body)
        case .stored(let stored): return body(stored.buffer.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Writes the bytes into a cache file without making a string of stored ones.
    func write(to writer: inout BinaryWriter) {
        switch storage {
        case .text(let html): writer.string(html)
        case .stored(let stored):
            writer.int(stored.count)
            writer.raw(stored.buffer)
        }
    }
}
