import Mustache

/// The same escaping as swift-mustache's HTML content type (`& < > " '`),
/// done on UTF-8 bytes with a fast path for text that needs none. Escaping
/// was the largest single cost of rendering large list pages.
public struct HTMLEscaping: MustacheContentType {
    static let name = "SITEGEN-HTML"
    /// Put in front of every template so its variables use this escaping.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}"

    static let register: Void = { MustacheContentTypes.register(HTMLEscaping(), named: name) }()

    public init() {}

    /// For text that sitegen writes itself (feeds, the preview server's pages).
    public static func escape(_ text: String) -> String { HTMLEscaping().escapeText(text) }

    public func escapeText(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            for byte in bytes {
                switch byte {
                case 0x26: out += Array("&amp;".utf8)
                case 0x3C: out += Array("&lt;".utf8)
                case 0x3E: out += Array("&gt;".utf8)
                case 0x22: out += Array("&quot;".utf8)
                case 0x27: out += Array("&#39;".utf8)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }
}
