/// Words as numbers: each distinct word gets the next number, its bytes
/// kept once in one buffer. The index numbers its stems and compound parts
/// with it (each slice's, then all of them); a dictionary of byte arrays
/// allocated and reference-counted an array for each word met. Here a word
/// that is already known costs one hash and one comparison, and nothing is
/// allocated. (The words of the pages themselves are counted in C, by
/// `CWordScan`'s table.)
struct WordTable {
    /// The bytes of all words, one after the other.
    private var storage: [UInt8] = []
    /// Where word `n` starts in `storage`; it ends where `n + 1` starts.
    private var starts: [Int32] = [0]
    private var hashes: [UInt64] = []
    /// Open addressing with linear probing: 0 for a free slot, else the
    /// word's number plus one in the high half and the high half of its
    /// hash in the low half, so that a probe reads one array.
    private var slots: [UInt64]
    private var mask: Int

    var count: Int { hashes.count }

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        storage.reserveCapacity(capacity * 8)
        starts.reserveCapacity(capacity + 1)
        hashes.reserveCapacity(capacity)
    }

    /// The number of `word`, and whether it was new.
    @inline(__always)
    mutating func intern(_ word: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) {
        intern(word, hash: Self.hash(word))
    }

    /// The same with the word's `hash`, taken by the caller as it read the word.
    @inline(__always)
    mutating func intern(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (id: Int32, isNew: Bool) {
        let fingerprint = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let id = Int(entry >> 32) - 1
            if entry & 0xFFFF_FFFF == fingerprint && equals(id, word) { return (Int32(id), false) }
            slot = (slot + 1) & mask
        }
        let id = Int32(hashes.count)
        hashes.append(hash)
        storage.append(contentsOf: word)
        starts.append(Int32(storage.count))
        slots[slot] = Self.entry(id, hash)
        if hashes.count * 2 > slots.count { grow() }
        return (id, true)
    }

    mutating func intern(_ word: [UInt8]) -> (id: Int32, isNew: Bool) {
        word.withUnsafeBufferPointer { intern($0) }
    }

    /// The number of `word` when it is known.
    func find(_ word: [UInt8]) -> Int32? {
        word.withUnsafeBufferPointer { word in
            let hash = Self.hash(word)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 {
                let id = Int(slots[slot] >> 32) - 1
                if hashes[id] == hash && equals(id, word) { return Int32(id) }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// The bytes of word `id`.
    func word(_ id: Int32) -> [UInt8] {
        Array(storage[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])])
    }

    func length(_ id: Int32) -> Int { Int(starts[Int(id) + 1] - starts[Int(id)]) }

    /// Calls `body` with the bytes of word `id`, without copying them.
    func withWord<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        storage.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])]))
        }
    }

    @inline(__always)
    private func equals(_ id: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[id])
        guard Int(starts[id + 1]) - start == word.count else { return false }
        // Words are short: a loop beats a call to memcmp.
        return storage.withUnsafeBufferPointer { all in
            for i in 0..<word.count where all[start + i] != word[i] { return false }
            return true
        }
    }

    @inline(__always)
    private static func entry(_ id: Int32, _ hash: UInt64) -> UInt64 {
        UInt64(id + 1) << 32 | hash >> 32
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Self.entry(Int32(id), hash)
        }
    }

    /// Eight bytes at a time, each chunk multiplied in, then mixed so that
    /// both the low bits (the slot) and the high ones (the fingerprint)
    /// depend on every byte. A byte-wise hash is a chain of one multiply
    /// per byte, which the index paid for every word of every page.
    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = word.baseAddress else { return finish(seed) }
        let count = word.count
        let (whole, i) = wholeChunks(base, count)
        var h = whole
        if i < count {
            var tail: UInt64 = 0
            for j in i..<count { tail |= UInt64(base[j]) << (8 * (j - i)) }
            h = step(h, tail)
        }
        return finish(h)
    }

    private static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash so far of the word's whole chunks of eight, and where the rest begins.
    @inline(__always)
    private static func wholeChunks(_ base: UnsafePointer<UInt8>, _ count: Int) -> (hash: UInt64, rest: Int) {
        var h = seed ^ UInt64(count)
        var i = 0
        while i + 8 <= count {
            h = step(h, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            i += 8
        }
        return (h, i)
    }

    @inline(__always)
    private static func step(_ h: UInt64, _ chunk: UInt64) -> UInt64 {
        let m = (h ^ chunk) &* 0x9E37_79B9_7F4A_7C15
        return m ^ (m >> 31)
    }

    @inline(__always)
    private static func finish(_ h: UInt64) -> UInt64 {
        let mixed = (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return mixed ^ (mixed >> 32)
    }
}
