/// The one HTML escaping of sitegen (`& < > " '`, as swift-mustache's HTML
/// content type does it), on UTF-8 bytes: templates, feeds and the preview
/// server all use it. Escaping was the largest single cost of rendering
/// large list pages, so text is copied in runs between special bytes.
public struct HTMLEscaping: Sendable {
    public init() {}

    /// For text that sitegen writes itself (feeds, the preview server's pages).
    public static func escape(_ text: String) -> String { HTMLEscaping().escapeText(text) }

    public func escapeText(_ text: String) -> String {
        var probe = text
        guard probe.withUTF8({ Self.nextSpecial(in: $0, from: 0) != nil }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 32)
        Self.append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` escaped to a template's output.
    public static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            while let special = nextSpecial(in: bytes, from: i) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<special]))
                switch bytes[special] {
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                default: out.append(contentsOf: "&#39;".utf8)
                }
                runStart = special + 1
                i = special + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    /// The first byte at or after `start` that needs escaping. Eight bytes
    /// are tested at once: nearly every value has none of the five.
    @inline(__always)
    static func nextSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while i + 8 <= bytes.count {
                let mask = specialBytes(base.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian)
                if mask != 0 { return i + mask.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < bytes.count {
            if needsEscaping(bytes[i]) { return i }
            i += 1
        }
        return nil
    }

    /// The high bit of each byte of `chunk` (first byte lowest) that is one
    /// of `& < > " '`. A byte above a match may be marked too (the borrow of
    /// the zero test runs upwards), so only the lowest mark is exact; that
    /// is the one `nextSpecial` takes.
    @inline(__always)
    private static func specialBytes(_ chunk: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func equal(_ byte: UInt8) -> UInt64 {
            let v = chunk ^ (UInt64(byte) &* ones)
            return (v &- ones) & ~v
        }
        return (equal(0x26) | equal(0x3C) | equal(0x3E) | equal(0x22) | equal(0x27)) & high
    }

    @inline(__always)
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }
}
