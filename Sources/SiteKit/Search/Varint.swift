/// The postings of the search index as text: each number in five-bit
/// groups, low group first, one character per group from a 64-letter
/// alphabet that JSON strings need not escape; the upper 32 letters mark a
/// group that more follow. Most differences between document numbers and
/// most scores are below 32: one character each, where JSON's numbers
/// with their commas take three or four. `suche.js` reads them (`unpack`).
enum Varint {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)

    static func append(_ value: Int, to out: inout [UInt8]) {
        precondition(value >= 0, "postings are ascending")
        var v = value
        while v >= 32 {
            out.append(alphabet[32 + (v & 31)])
            v >>= 5
        }
        out.append(alphabet[v])
    }

    /// A stem's postings (document number, score, … in document order) as
    /// they stand in a term shard: each document as the difference to the
    /// one before, then its score. Written into one buffer and appended
    /// once: the index writes millions of these.
    static func appendPostings(_ list: ArraySlice<Int32>, to out: inout [UInt8]) {
        // An Int32 below 2^35 has at most seven groups of five bits.
        let packed = [UInt8](unsafeUninitializedCapacity: 7 * list.count) { buffer, count in
            alphabet.withUnsafeBufferPointer { letters in
                var n = 0
                @inline(__always) func put(_ value: Int32) {
                    precondition(value >= 0, "postings are ascending")
                    var v = Int(value)
                    while v >= 32 {
                        buffer[n] = letters[32 + (v & 31)]
                        n += 1
                        v >>= 5
                    }
                    buffer[n] = letters[v]
                    n += 1
                }
                var last: Int32 = 0
                for i in stride(from: list.startIndex, to: list.endIndex, by: 2) {
                    put(list[i] - last)
                    put(list[i + 1])
                    last = list[i]
                }
                count = n
            }
        }
        out += packed
    }

    /// The numbers of a packed text; nil when it is not one.
    static func decode(_ text: String) -> [Int]? {
        var values: [Int] = []
        var value = 0, shift = 0
        for byte in text.utf8 {
            guard let digit = alphabet.firstIndex(of: byte) else { return nil }
            value |= (digit & 31) << shift
            if digit >= 32 {
                shift += 5
            } else {
                values.append(value)
                value = 0
                shift = 0
            }
        }
        return shift == 0 ? values : nil
    }
}
