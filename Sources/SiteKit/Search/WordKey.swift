import Foundation

/// A folded word as a dictionary key. Swift hashes an array by feeding
/// its bytes one by one into SipHash; the index looks up every word of
/// every page, so a word is hashed here as one 64-bit FNV-1a value, and
/// that value, mixed with the dictionary's seed, is the hash Dictionary
/// asks for (`_rawHashValue`), without a SipHash round per lookup. Nothing
/// written depends on a dictionary's order: every output is sorted.
struct WordKey: Hashable, Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private var fnv: UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return h
    }

    func hash(into hasher: inout Hasher) { hasher.combine(fnv) }

    func _rawHashValue(seed: Int) -> Int {
        // A final multiply spreads the seed over the bits Dictionary uses.
        Int(truncatingIfNeeded: (fnv ^ UInt64(UInt(bitPattern: seed))) &* 0x9E37_79B9_7F4A_7C15)
    }
}

extension Array where Element == UInt8 {
    /// Byte order, as `lexicographicallyPrecedes` gives it, by `memcmp`:
    /// the index sorts hundreds of thousands of words, and the generic
    /// comparison goes element by element through the collection protocols.
    @inline(__always)
    func bytesPrecede(_ other: [UInt8]) -> Bool {
        let order = withUnsafeBufferPointer { a in
            other.withUnsafeBufferPointer { b in
                guard let a = a.baseAddress, let b = b.baseAddress else { return 0 }
                return Int(memcmp(a, b, Swift.min(count, other.count)))
            }
        }
        return order != 0 ? order < 0 : count < other.count
    }
}
