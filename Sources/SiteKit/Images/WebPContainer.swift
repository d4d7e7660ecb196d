/// The RIFF container of a WebP file, to drop its metadata chunks. libvips
/// 8.14's WebP encoder writes EXIF (and an ICC profile) even when told to
/// strip them; what it writes there is only resolution and orientation,
/// but nothing from a camera is to be published, so the chunks go.
enum WebPContainer {
    /// Chunks that carry metadata, and their flags in the `VP8X` header.
    private static let metadata: [String: UInt8] = ["ICCP": 0x20, "EXIF": 0x08, "XMP ": 0x04]

    /// `webp` without ICCP, EXIF and XMP chunks; unchanged if it is not a
    /// well-formed WebP file.
    static func stripped(_ webp: [UInt8]) -> [UInt8] {
        guard webp.count >= 12, Array(webp[0..<4]) == Array("RIFF".utf8), Array(webp[8..<12]) == Array("WEBP".utf8) else {
            return webp
        }
        var chunks: [UInt8] = []
        var clearedFlags: UInt8 = 0
        var at = 12
        while at + 8 <= webp.count {
            let tag = String(decoding: webp[at..<at + 4], as: UTF8.self)
            let size = Int(webp[at + 4]) | Int(webp[at + 5]) << 8 | Int(webp[at + 6]) << 16 | Int(webp[at + 7]) << 24
            // Chunks are padded to an even size.
            let end = at + 8 + size + (size & 1)
            guard end <= webp.count else { return webp }
            if let flag = metadata[tag] {
                clearedFlags |= flag
            } else {
                chunks += webp[at..<end]
            }
            at = end
        }
        guard at == webp.count else { return webp }
        // The extended header's flags say which chunks follow.
        if chunks.count >= 9, Array(chunks[0..<4]) == Array("VP8X".utf8) { chunks[8] &= ~clearedFlags }
        let riffSize = chunks.count + 4
        return Array("RIFF".utf8) + [UInt8(riffSize & 0xFF), UInt8(riffSize >> 8 & 0xFF), UInt8(riffSize >> 16 & 0xFF), UInt8(riffSize >> 24 & 0xFF)]
            + Array("WEBP".utf8) + chunks
    }
}
