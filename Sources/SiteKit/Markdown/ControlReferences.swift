import Foundation
import SiteText

/// Numeric character references in a body (`&#27;`, `&#x85;`) that name a
/// control character. cmark-gfm writes them out as the characters
/// themselves, which HTML forbids in a document and feeds cannot carry; a
/// control character typed as it is never gets this far (`SourceText`
/// refuses it when the file is read).
enum ControlReferences {
    struct Found: Equatable {
        var offset: Int
        /// As written, e.g. `&#x1B;`.
        var text: String
        var scalar: UInt32
    }

    /// Every such reference in `markdown`, by byte offset. Bodies without
    /// `&#` (nearly all) cost one search for `&`.
    static func find(in markdown: String) -> [Found] {
        var found: [Found] = []
        var text = markdown
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var i = 0
            while i + 3 < bytes.count {
                // memchr finds the next `&`: most bodies have none.
                guard let amp = memchr(base + i, Int32(UInt8(ascii: "&")), bytes.count - i) else { return }
                i = base.distance(to: amp.assumingMemoryBound(to: UInt8.self))
                guard i + 3 < bytes.count, bytes[i + 1] == UInt8(ascii: "#") else {
                    i += 1
                    continue
                }
                var j = i + 2
                let hex = bytes[j] | 0x20 == UInt8(ascii: "x")
                if hex { j += 1 }
                var value: UInt32 = 0
                let start = j
                // HTML allows 7 digits at most before the value is out of range anyway.
                while j < bytes.count, j - start < 8, let digit = Self.digit(bytes[j], hex: hex) {
                    value = value * (hex ? 16 : 10) + digit
                    j += 1
                }
                if j > start, j < bytes.count, bytes[j] == UInt8(ascii: ";"), isControl(value), !Self.inCode(i, bytes) {
                    found.append(Found(offset: i, text: String(decoding: bytes[i...j], as: UTF8.self), scalar: value))
                }
                i = max(j, i + 1)
            }
        }
        return found
    }

    /// Whether the reference at `offset` is shown as text: in a code span
    /// (an odd number of backticks before it on its line), an indented code
    /// block, or a fenced one. Line by line, as an editor reads it; rare
    /// enough (only bodies with such a reference get here) to rescan.
    private static func inCode(_ offset: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var fenced = false
        var lineStart = 0
        while true {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = bytes[lineStart..<lineEnd]
            let trimmed = line.drop { $0 == UInt8(ascii: " ") }
            if trimmed.starts(with: "```".utf8) || trimmed.starts(with: "~~~".utf8) {
                fenced.toggle()
            }
            if offset < lineEnd || lineEnd == bytes.count {
                if fenced || line.starts(with: "    ".utf8) || line.first == UInt8(ascii: "\t") { return true }
                let ticks = bytes[lineStart..<offset].filter { $0 == UInt8(ascii: "`") }.count
                return ticks % 2 == 1
            }
            lineStart = lineEnd + 1
        }
    }

    /// The C0 controls other than tab, line feed, form feed and carriage
    /// return, DEL, the C1 controls, and the noncharacters U+FFFE and U+FFFF.
    static func isControl(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0C, 0x0D: return false
        case 0x01...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: return true
        // `&#0;` becomes U+FFFD in cmark-gfm, as in HTML.
        default: return false
        }
    }

    private static func digit(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Whether rendered HTML holds a control character: only then was a
    /// reference outside code (in code, `&` is written as `&amp;`).
    static func reached(_ html: String) -> Bool {
        html.unicodeScalars.contains { isControl($0.value) }
    }
}
