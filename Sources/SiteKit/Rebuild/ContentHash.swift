/// A fast 128-bit hash of byte strings, stable across runs and machines, to
/// tell whether inputs or outputs changed between builds. Not cryptographic:
/// it guards against accidents, not attackers. (Swift's `Hasher` is seeded
/// per process, so it cannot be stored.)
struct ContentHash: Equatable, CustomStringConvertible {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var count: UInt64 = 0

    init() {}

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            mix(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            for j in 0..<(n - i) { tail |= UInt64(bytes[i + j]) << (8 * UInt64(j)) }
            mix(tail)
        }
        count &+= UInt64(n)
        mix(count)  // length-delimited: ("ab","c") differs from ("a","bc")
    }

    mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ value: Int) { mix(UInt64(bitPattern: Int64(value))) }

    mutating func add(_ digest: Digest) {
        mix(digest.a)
        mix(digest.b)
    }

    private mutating func mix(_ word: UInt64) {
        a = (a ^ word) &* 0xFF51_AFD7_ED55_8CCD
        a ^= a >> 32
        b = (b &+ word) &* 0xC4CE_B9FE_1A85_EC53
        b ^= b >> 29
        b = b &+ a
    }

    /// The hash's value, to store and compare.
    struct Digest: Equatable, Sendable, Encodable {
        var a: UInt64
        var b: UInt64
    }

    var digest: Digest { Digest(a: a, b: b) }

    static func of(_ bytes: [UInt8]) -> Digest {
        var hash = ContentHash()
        hash.add(bytes)
        return hash.digest
    }

    var description: String {
        func hex(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return hex(a) + hex(b)
    }
}
