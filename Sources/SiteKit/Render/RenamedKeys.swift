import SiteTemplates

/// Template keys that were renamed. The layout's `title` (the page's title
/// with the site's) and a document's `titel` looked like one key in two
/// languages; the layout's keys are now `seitentitel` and `website_titel`.
/// A theme made for an older version keeps working: the old keys still
/// answer, and each use is a warning at its tag that names the new key.
enum RenamedKeys {
    static let renamed: [(old: String, new: String)] = [("title", "seitentitel"), ("site_title", "website_titel")]

    /// Each tag in `bytes` that looks up a renamed key, by byte offset.
    /// A scan of the tags rather than of the parsed template, which keeps
    /// no offsets for lookups; a theme that changes its delimiters
    /// (`{{=<% %>=}}`) is not scanned past that point.
    static func uses(in bytes: [UInt8]) -> [(offset: Int, old: String, new: String)] {
        var found: [(offset: Int, old: String, new: String)] = []
        var i = 0
        let open: [UInt8] = Array("{{".utf8)
        while i + 1 < bytes.count {
            guard bytes[i] == open[0], bytes[i + 1] == open[1] else {
                i += 1
                continue
            }
            let tag = i
            var j = i + 2
            if j < bytes.count, bytes[j] == UInt8(ascii: "=") { break }
            // `{{{name}}}`, `{{&name}}`, sections and their ends.
            while j < bytes.count, [UInt8(ascii: "{"), UInt8(ascii: "&"), UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/")].contains(bytes[j])
            {
                j += 1
            }
            while j < bytes.count, bytes[j] == UInt8(ascii: " ") { j += 1 }
            let start = j
            while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
            let name = String(decoding: bytes[start..<j], as: UTF8.self)
            if let renaming = renamed.first(where: { $0.old == name }) { found.append((tag, renaming.old, renaming.new)) }
            i = max(j, i + 2)
        }
        return found
    }

    /// The first part of a dotted name: `title` in `title.x`, never a key
    /// of a nested object (`.title`, `a.title`).
    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }
}
