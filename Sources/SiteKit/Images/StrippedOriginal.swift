/// A photo as the editor put it into `medien/`, for the download link a
/// page may ask for (`bild.download: true`): the same pixels, losslessly
/// (the compressed image data is copied, not decoded and encoded again),
/// but without what a camera or program wrote about it (EXIF with the GPS
/// position and the device, XMP, IPTC, comments, text chunks).
///
/// Kept: what decoding needs (JFIF, the Adobe segment that says how CMYK
/// is stored, the ICC colour profile, since the original is not converted
/// to sRGB), and the orientation, as an EXIF block of that one tag, so the
/// photo still shows upright.
enum StrippedOriginal {
    /// `bytes` without metadata; nil when they are not a well-formed JPEG,
    /// PNG or WebP file (then nothing is published).
    static func stripped(_ bytes: [UInt8], orientation: Int) -> [UInt8]? {
        if bytes.starts(with: [0xFF, 0xD8]) { return jpeg(bytes, orientation: orientation) }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return png(bytes) }
        if bytes.count >= 12, Array(bytes[0..<4]) == Array("RIFF".utf8), Array(bytes[8..<12]) == Array("WEBP".utf8) {
            // `WebPContainer` leaves a file it cannot walk unchanged.
            return isWalkable(bytes) ? WebPContainer.stripped(bytes) : nil
        }
        return nil
    }

    /// The file name ending of a stripped original of `bytes`, and its name
    /// for the link text.
    static func format(of bytes: [UInt8]) -> (ending: String, name: String)? {
        if bytes.starts(with: [0xFF, 0xD8]) { return ("jpg", "JPEG") }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return ("png", "PNG") }
        if bytes.count >= 12, Array(bytes[8..<12]) == Array("WEBP".utf8) { return ("webp", "WebP") }
        return nil
    }

    /// `JPEG`, `PNG` or `WebP`, by a stripped original's ending.
    static func formatName(of path: String) -> String {
        if path.hasSuffix(".png") { return "PNG" }
        if path.hasSuffix(".webp") { return "WebP" }
        return "JPEG"
    }

    // MARK: JPEG

    /// Segments up to the image data: APP0 (JFIF), APP2 (only an ICC
    /// profile), APP14 (Adobe) and every non-APP segment are kept; other
    /// APPn (EXIF, XMP, IPTC, maker data) and COM go. From the start of
    /// scan on, the compressed data is copied unchanged.
    private static func jpeg(_ bytes: [UInt8], orientation: Int) -> [UInt8]? {
        var out: [UInt8] = [0xFF, 0xD8]
        if (2...8).contains(orientation) { out += orientationSegment(orientation) }
        var at = 2
        while at + 4 <= bytes.count {
            guard bytes[at] == 0xFF else { return nil }
            let marker = bytes[at + 1]
            // Fill bytes before a marker.
            if marker == 0xFF {
                at += 1
                continue
            }
            let length = Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
            guard length >= 2, at + 2 + length <= bytes.count else { return nil }
            let segment = bytes[at..<at + 2 + length]
            if marker == 0xDA {
                // Start of scan: everything from here is image data.
                return out + bytes[at...]
            }
            if keepsJPEGSegment(marker, payload: bytes[at + 4..<at + 2 + length]) { out += segment }
            at += 2 + length
        }
        return nil
    }

    private static func keepsJPEGSegment(_ marker: UInt8, payload: ArraySlice<UInt8>) -> Bool {
        switch marker {
        case 0xE0, 0xEE: return true
        case 0xE2: return payload.starts(with: Array("ICC_PROFILE\0".utf8))
        case 0xE1, 0xE3...0xED, 0xEF, 0xFE: return false
        default: return true
        }
    }

    /// An EXIF APP1 segment holding only the orientation tag (a
    /// little-endian TIFF header with one IFD of one entry).
    private static func orientationSegment(_ orientation: Int) -> [UInt8] {
        let tiff: [UInt8] =
            Array("II".utf8) + [42, 0, 8, 0, 0, 0]
            // One entry: tag 0x0112 (Orientation), type SHORT, count 1, value.
            + [1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, UInt8(orientation), 0, 0, 0]
            // No next IFD.
            + [0, 0, 0, 0]
        let payload = Array("Exif\0\0".utf8) + tiff
        let length = payload.count + 2
        return [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    }

    // MARK: PNG

    /// Chunks that hold text, EXIF or a time stamp.
    private static let pngMetadata: Set<String> = ["tEXt", "zTXt", "iTXt", "eXIf", "tIME"]

    private static func png(_ bytes: [UInt8]) -> [UInt8]? {
        var out = Array(bytes[0..<8])
        var at = 8
        while at + 12 <= bytes.count {
            let length = Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
            let end = at + 12 + length
            guard end <= bytes.count else { return nil }
            let type = String(decoding: bytes[at + 4..<at + 8], as: UTF8.self)
            if !pngMetadata.contains(type) { out += bytes[at..<end] }
            at = end
            if type == "IEND" { return out }
        }
        return nil
    }

    // MARK: WebP

    /// Whether the RIFF chunks end exactly at the end of the file.
    private static func isWalkable(_ webp: [UInt8]) -> Bool {
        var at = 12
        while at + 8 <= webp.count {
            let size = Int(webp[at + 4]) | Int(webp[at + 5]) << 8 | Int(webp[at + 6]) << 16 | Int(webp[at + 7]) << 24
            at += 8 + size + (size & 1)
        }
        return at == webp.count
    }
}
