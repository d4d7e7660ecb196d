import Foundation
import _FoundationICU

/// German order for lists people read (DIN 5007-1: ä sorts as a, ö as o,
/// ü as u, ß as ss, case only breaks ties), by the ICU collator that
/// Foundation's locale-aware comparison uses.
///
/// Why ICU's C API and not `String.compare(_:locale:)`: Foundation compares
/// two strings at a time, slowly enough to matter on a large site
/// (BENCHMARKS.md), while a sort key is made once per
/// name and compared as bytes. The toolchain ships this ICU with
/// Foundation, so every machine with the same Swift sorts the same way.
/// This is the only file that touches ICU.
public enum GermanCollation {
    /// ICU's collator is safe for concurrent use of its const functions,
    /// which is all this type calls; it is opened once and never closed.
    private nonisolated(unsafe) static let collator: OpaquePointer? = {
        var status = U_ZERO_ERROR
        // German's standard collation is CLDR's root order, which is DIN 5007-1.
        let collator = swift_ucol_open("de", &status)
        return status.rawValue > U_ZERO_ERROR.rawValue ? nil : collator
    }()

    /// The bytes that order `text` as German readers expect: compare keys
    /// with `<` (`SortKey` is `Comparable`).
    public static func key(_ text: String) -> SortKey {
        let utf16 = Array(text.utf16)
        guard let collator else { return SortKey(bytes: Array(text.utf8)) }
        return utf16.withUnsafeBufferPointer { source -> SortKey in
            var capacity = max(32, utf16.count * 4)
            while true {
                let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                    let needed = Int(
                        swift_ucol_getSortKey(
                            collator, source.baseAddress, Int32(source.count),
                            buffer.baseAddress, Int32(capacity)))
                    count = needed <= capacity ? needed : 0
                    if needed > capacity { capacity = needed }
                }
                if !bytes.isEmpty || source.isEmpty { return SortKey(bytes: bytes) }
            }
        }
    }

    /// `names` in German order; equal names keep their given order.
    public static func sorted<T>(_ items: [T], by name: (T) -> String) -> [T] {
        let keys = items.map { key(name($0)) }
        return items.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }.map { items[$0] }
    }

    /// The letter a name is filed under in an A–Z index: its first letter
    /// without accents, upper case (`Ö` under `O`); digits and other
    /// characters under `#`.
    public static func initial(_ text: String) -> String {
        guard let first = text.unicodeScalars.first(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        else { return "#" }
        let base = String(first).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).uppercased()
        guard let letter = base.unicodeScalars.first, ("A"..."Z").contains(letter) else { return "#" }
        return String(letter)
    }
}

/// A collation key: compares as its bytes.
public struct SortKey: Comparable, Sendable, Hashable {
    public let bytes: [UInt8]

    public static func < (a: SortKey, b: SortKey) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }
}
