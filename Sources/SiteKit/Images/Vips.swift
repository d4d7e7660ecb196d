import CVips
import Foundation

/// An image held by libvips: the one type in sitegen that touches libvips'
/// C API. It owns its `VipsImage` reference (released when it goes) and
/// copies every buffer libvips hands out into Swift arrays before freeing
/// it, so no libvips memory outlives a call.
final class VipsPicture: @unchecked Sendable {
    // Unchecked: a VipsImage is not changed after it is made (the setters
    // are only used on fresh images, before they are shared), and libvips
    // is thread-safe for reading.
    private let image: UnsafeMutablePointer<VipsImage>

    private init(_ image: UnsafeMutablePointer<VipsImage>) { self.image = image }

    deinit { g_object_unref(image) }

    /// Why libvips refused: its own message, first line only.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// libvips starts once per process. Its own thread pool is kept to one
    /// thread per image: the image stage already runs one image per core.
    /// Its operation cache is off: every image is seen once per build.
    /// Its warnings (a damaged tile, a chunk out of place) are not printed:
    /// a photo libvips cannot decode is an error at the line that shows it.
    private static let started: Bool = {
        setenv("VIPS_WARNING", "0", 0)
        guard vips_init("sitegen") == 0 else { return false }
        vips_concurrency_set(1)
        vips_cache_set_max(0)
        return true
    }()

    private static func start() throws(Failure) {
        guard started else { throw Failure(description: "libvips could not be started") }
    }

    /// libvips' version, part of the image cache's key: another encoder
    /// may give other bytes.
    static var version: String {
        _ = started
        return String(cString: vips_version_string())
    }

    private static func failure() -> Failure {
        let text = String(cString: vips_error_buffer())
        vips_error_clear()
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return Failure(description: line.isEmpty ? "not an image libvips can read" : line)
    }

    /// The image's header only: size, bands, orientation; its pixels are
    /// not decoded, so a decompression bomb costs nothing here.
    static func header(of bytes: [UInt8]) throws(Failure) -> VipsPicture {
        try start()
        // libvips may keep reading the buffer lazily: the returned image
        // must not outlive `bytes`, so only the header is used.
        let found = bytes.withUnsafeBytes { sitegen_vips_header($0.baseAddress, $0.count) }
        guard let found else { throw failure() }
        return VipsPicture(found)
    }

    /// The image decoded whole into memory (it does not refer to `bytes`
    /// afterwards); fails on any decoder error.
    static func decoded(_ bytes: [UInt8]) throws(Failure) -> VipsPicture {
        try start()
        let copied: UnsafeMutablePointer<VipsImage>? = bytes.withUnsafeBytes { raw in
            guard let lazy = sitegen_vips_decode(raw.baseAddress, raw.count) else { return nil }
            defer { g_object_unref(lazy) }
            return vips_image_copy_memory(lazy)
        }
        guard let copied else { throw failure() }
        return VipsPicture(copied)
    }

    /// The image scaled to `width` pixels wide (never larger than it is),
    /// turned upright as its orientation tag says, converted to sRGB.
    static func thumbnail(of bytes: [UInt8], width: Int) throws(Failure) -> VipsPicture {
        try start()
        // Decoded while `bytes` is in reach: the scaled image is small, and
        // must not read the source after this.
        let out: UnsafeMutablePointer<VipsImage>? = bytes.withUnsafeBytes { raw in
            var lazy: UnsafeMutablePointer<VipsImage>?
            guard sitegen_vips_thumbnail(raw.baseAddress, raw.count, Int32(width), &lazy) == 0, let lazy else { return nil }
            defer { g_object_unref(lazy) }
            return vips_image_copy_memory(lazy)
        }
        guard let out else { throw failure() }
        var thumbnail = VipsPicture(out)
        // Greyscale and CMYK sources come out in their own space; the web wants sRGB.
        if vips_image_get_interpretation(out) != VIPS_INTERPRETATION_sRGB {
            var converted: UnsafeMutablePointer<VipsImage>?
            guard sitegen_vips_srgb(thumbnail.image, &converted) == 0, let converted else { throw failure() }
            guard let copied = vips_image_copy_memory(converted) else {
                g_object_unref(converted)
                throw failure()
            }
            g_object_unref(converted)
            thumbnail = VipsPicture(copied)
        }
        thumbnail.removeMetadata()
        return thumbnail
    }

    /// Drops every header field a camera or program wrote (EXIF, GPS, XMP,
    /// IPTC, ICC profile, comments, orientation): the encoders' `strip`
    /// does not cover every format in every libvips version. The image is
    /// this picture's own copy, not shared yet.
    private func removeMetadata() {
        for name in fieldNames where !Self.basicFields.contains(name) {
            vips_image_remove(image, name)
        }
    }

    /// The fields of the image format itself, which cannot be removed.
    private static let basicFields: Set<String> = [
        "width", "height", "bands", "format", "coding", "interpretation", "xoffset", "yoffset", "xres", "yres",
        "filename", "mode", "scale", "offset",
    ]

    var width: Int { Int(vips_image_get_width(image)) }
    var height: Int { Int(vips_image_get_height(image)) }
    var bands: Int { Int(vips_image_get_bands(image)) }
    var hasAlpha: Bool { vips_image_hasalpha(image) != 0 }

    /// 1 to 8 as in EXIF; 1 when the image has none.
    var orientation: Int { int("orientation") ?? 1 }

    /// An integer field of the header, e.g. `orientation`.
    func int(_ name: String) -> Int? {
        guard vips_image_get_typeof(image, name) != 0 else { return nil }
        var value: Int32 = 0
        guard vips_image_get_int(image, name, &value) == 0 else {
            vips_error_clear()
            return nil
        }
        return Int(value)
    }

    /// The names of every header field, metadata included (`exif-data`,
    /// `exif-ifd3-GPSLatitude`, `xmp-data`, `icc-profile-data` …).
    var fieldNames: [String] {
        guard let fields = vips_image_get_fields(image) else { return [] }
        defer { g_strfreev(fields) }
        var names: [String] = []
        var i = 0
        while let name = fields[i] {
            names.append(String(cString: name))
            i += 1
        }
        return names
    }

    /// The decoded pixels, band-interleaved, one byte per band (8-bit images).
    func pixels() throws(Failure) -> [UInt8] {
        var size = 0
        guard let memory = vips_image_write_to_memory(image, &size) else { throw Self.failure() }
        defer { g_free(memory) }
        return Array(UnsafeRawBufferPointer(start: memory, count: size))
    }

    enum Encoding {
        case webp(quality: Int)
        case jpeg(quality: Int)
        case png
    }

    /// The image encoded with every encoder setting pinned and all
    /// metadata left out: no EXIF, GPS, XMP, comments or ICC profile.
    func encoded(_ encoding: Encoding) throws(Failure) -> [UInt8] {
        let bytes = try buffer {
            switch encoding {
            case .webp(let quality): sitegen_vips_webp(image, &$0, &$1, Int32(quality))
            case .jpeg(let quality): sitegen_vips_jpeg(image, &$0, &$1, Int32(quality))
            case .png: sitegen_vips_png(image, &$0, &$1)
            }
        }
        guard case .webp = encoding else { return bytes }
        return WebPContainer.stripped(bytes)
    }

    private func buffer(_ save: (inout UnsafeMutableRawPointer?, inout Int) -> Int32) throws(Failure) -> [UInt8] {
        var bytes: UnsafeMutableRawPointer?
        var length = 0
        guard save(&bytes, &length) == 0, let bytes else { throw Self.failure() }
        defer { g_free(bytes) }
        return Array(UnsafeRawBufferPointer(start: bytes, count: length))
    }

    // MARK: Making photos to test with and measure on

    /// An 8-bit image made from pixels (`bands` bytes each, row by row).
    static func make(width: Int, height: Int, bands: Int, pixels: [UInt8]) throws(Failure) -> VipsPicture {
        try start()
        precondition(pixels.count == width * height * bands)
        let made = pixels.withUnsafeBytes {
            vips_image_new_from_memory_copy($0.baseAddress, $0.count, Int32(width), Int32(height), Int32(bands), VIPS_FORMAT_UCHAR)
        }
        guard let made else { throw failure() }
        return VipsPicture(made)
    }

    /// Sets a header field a camera would write; only on a fresh image.
    func set(_ name: String, int value: Int) { vips_image_set_int(image, name, Int32(value)) }

    func set(_ name: String, blob: [UInt8]) {
        blob.withUnsafeBytes { vips_image_set_blob_copy(image, name, $0.baseAddress, $0.count) }
    }

    func set(_ name: String, string value: String) { vips_image_set_string(image, name, value) }

    enum Container { case jpeg, png, webp }

    /// Encoded as a camera or phone would, metadata kept.
    func encodedKeepingMetadata(_ container: Container) throws(Failure) -> [UInt8] {
        try buffer {
            switch container {
            case .jpeg: sitegen_vips_jpeg_keep(image, &$0, &$1)
            case .png: sitegen_vips_png_keep(image, &$0, &$1)
            case .webp: sitegen_vips_webp_keep(image, &$0, &$1)
            }
        }
    }
}
