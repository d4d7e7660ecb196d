/// The one HTML escaping of sitegen (`& < > " '`, as swift-mustache's HTML
/// content type does it), on UTF-8 bytes: templates, feeds and the preview
/// server all use it. Escaping was the largest single cost of rendering
/// large list pages, so text is copied in runs between special bytes.
public struct HTMLEscaping: Sendable {
    public init() {}

    /// For text that sitegen writes itself (feeds, the preview server's pages).
    public static func escape(_ text: String) -> String { HTMLEscaping().escapeText(text) }

    public func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: Self.needsEscaping) else { return text }
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
            for index in 0..<bytes.count where needsEscaping(bytes[index]) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                switch bytes[index] {
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                default: out.append(contentsOf: "&#39;".utf8)
                }
                runStart = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    @inline(__always)
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }
}
