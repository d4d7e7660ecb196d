import CStemmer

/// Snowball's German stemmer (libstemmer): "förderungen" and "förderung"
/// both become "forder". The only place that touches the C library.
///
/// One instance is not safe to share between threads (the library keeps
/// its result in the stemmer), so it is a class that is used by one task
/// at a time and frees its C object when it goes.
final class GermanStemmer {
    private let stemmer: OpaquePointer

    /// Nil only when the library lacks its German algorithm, which Debian's never does.
    init?() {
        guard let made = sb_stemmer_new("german", "UTF_8") else { return nil }
        stemmer = made
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The stem of one folded word (lower-case ASCII letters and digits, see
    /// `SearchText`). A word the library cannot stem (out of memory) stays as it is.
    func stem(_ word: [UInt8]) -> [UInt8] {
        guard !word.isEmpty else { return word }
        let result = word.withUnsafeBufferPointer { buffer in
            sb_stemmer_stem(stemmer, buffer.baseAddress, Int32(buffer.count))
        }
        guard let result else { return word }
        let length = Int(sb_stemmer_length(stemmer))
        return Array(UnsafeBufferPointer(start: result, count: length))
    }

    func stem(_ word: String) -> String {
        String(decoding: stem(Array(word.utf8)), as: UTF8.self)
    }
}
