/// A folded word as a dictionary key. Swift hashes an array by feeding
/// its bytes one by one; the index looks up every word of every page, so
/// a word is hashed here as one 64-bit FNV-1a value instead.
struct WordKey: Hashable, Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func hash(into hasher: inout Hasher) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        hasher.combine(h)
    }
}
