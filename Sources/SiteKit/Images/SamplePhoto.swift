/// Photos as a phone takes them, made up: a colour gradient with the
/// metadata a phone writes (device, GPS position, orientation, XMP, a
/// comment). The tests check that none of it is published; the benchmark
/// (`gen-corpus --photos`) builds sites of them.
public enum SamplePhoto {
    /// A gradient `width` × `height` pixels: red grows to the right, green
    /// downwards, blue with `seed`; the left quarter is dark, so that a
    /// turned image can be told from an upright one.
    static func gradient(width: Int, height: Int, seed: Int = 0, alpha: Bool = false) throws(VipsPicture.Failure) -> VipsPicture {
        let bands = alpha ? 4 : 3
        var pixels = [UInt8](repeating: 0, count: width * height * bands)
        let blue = UInt8(truncatingIfNeeded: seed &* 37)
        pixels.withUnsafeMutableBufferPointer { p in
            for y in 0..<height {
                let green = UInt8(y * 255 / max(1, height - 1))
                var i = y * width * bands
                for x in 0..<width {
                    let dark = x < width / 4
                    p[i] = dark ? 0 : UInt8(x * 255 / max(1, width - 1))
                    p[i + 1] = dark ? 0 : green
                    p[i + 2] = dark ? 0 : blue
                    if alpha { p[i + 3] = UInt8(128 + (x + y) % 128) }
                    i += bands
                }
            }
        }
        return try VipsPicture.make(width: width, height: height, bands: bands, pixels: pixels)
    }

    /// A JPEG as a phone writes it: EXIF with the device and a GPS position
    /// (50.35° N, 7.6° E), an orientation tag if given, XMP and a comment.
    public static func phoneJPEG(width: Int, height: Int, seed: Int = 0, orientation: Int? = nil) throws -> [UInt8] {
        let plain = try gradient(width: width, height: height, seed: seed).encodedKeepingMetadata(.jpeg)
        return insertSegments(into: plain, [app1(exif: exif(orientation: orientation)), app1(xmp: xmp), comment])
    }

    // MARK: JPEG segments

    private static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        let length = payload.count + 2
        return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    }

    private static func app1(exif tiff: [UInt8]) -> [UInt8] { segment(0xE1, Array("Exif".utf8) + [0, 0] + tiff) }

    private static func app1(xmp: String) -> [UInt8] { segment(0xE1, Array("http://ns.adobe.com/xap/1.0/".utf8) + [0] + Array(xmp.utf8)) }

    private static let comment = segment(0xFE, Array("Aufgenommen mit Testtelefon".utf8))

    private static let xmp = """
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\
        <rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="50,21.0N" exif:GPSLongitude="7,36.0E"/>\
        </rdf:RDF></x:xmpmeta>
        """

    /// After SOI and a JFIF APP0, where cameras put their APP1 segments.
    private static func insertSegments(into jpeg: [UInt8], _ segments: [[UInt8]]) -> [UInt8] {
        var at = 2
        if jpeg.count > 6, jpeg[2] == 0xFF, jpeg[3] == 0xE0 { at = 4 + Int(jpeg[4]) << 8 + Int(jpeg[5]) }
        return Array(jpeg[..<at]) + segments.joined() + Array(jpeg[at...])
    }

    // MARK: EXIF (little-endian TIFF)

    private typealias Entry = (tag: UInt16, type: UInt16, count: Int, value: [UInt8])
    private static let ascii: UInt16 = 2, short: UInt16 = 3, long: UInt16 = 4, rational: UInt16 = 5, byte: UInt16 = 1

    private static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    private static func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16(v >> 16 & 0xFFFF) }
    private static func text(_ s: String) -> [UInt8] { Array(s.utf8) + [0] }
    private static func rationals(_ values: [(Int, Int)]) -> [UInt8] { values.flatMap { le32($0.0) + le32($0.1) } }

    /// One IFD at `start` (offset from the TIFF header) with the values
    /// that do not fit in an entry after it.
    private static func ifd(_ entries: [Entry], at start: Int) -> [UInt8] {
        var head = le16(entries.count)
        var data: [UInt8] = []
        let dataStart = start + 2 + 12 * entries.count + 4
        for entry in entries.sorted(by: { $0.tag < $1.tag }) {
            head += le16(Int(entry.tag)) + le16(Int(entry.type)) + le32(entry.count)
            if entry.value.count <= 4 {
                head += entry.value + [UInt8](repeating: 0, count: 4 - entry.value.count)
            } else {
                head += le32(dataStart + data.count)
                data += entry.value
                if data.count % 2 == 1 { data.append(0) }
            }
        }
        return head + le32(0) + data
    }

    static func exif(orientation: Int?) -> [UInt8] {
        let make = text("Testtelefon"), model = text("Kamera 12")
        func ifd0(gpsAt: Int) -> [UInt8] {
            var entries: [Entry] = [
                (0x010F, ascii, make.count, make), (0x0110, ascii, model.count, model), (0x8825, long, 1, le32(gpsAt)),
            ]
            if let orientation { entries.append((0x0112, short, 1, le16(orientation))) }
            return ifd(entries, at: 8)
        }
        let gpsAt = 8 + ifd0(gpsAt: 0).count
        let gps = ifd(
            [
                (0x0000, byte, 4, [2, 2, 0, 0]),
                (0x0001, ascii, 2, text("N")), (0x0002, rational, 3, rationals([(50, 1), (21, 1), (0, 1)])),
                (0x0003, ascii, 2, text("E")), (0x0004, rational, 3, rationals([(7, 1), (36, 1), (0, 1)])),
            ], at: gpsAt)
        return Array("II".utf8) + le16(42) + le32(8) + ifd0(gpsAt: gpsAt) + gps
    }
}
