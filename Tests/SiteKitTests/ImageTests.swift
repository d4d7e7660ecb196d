import Foundation
import TestSupport
import Testing
@testable import SiteKit

/// Photos become WebP in a few widths and a fallback, upright, without
/// metadata, the same bytes every time; checked by reading the outputs
/// back with libvips.
@Suite struct ImageDerivingTests {
    func derive(_ bytes: [UInt8]) throws -> (DerivedImage, [String: [UInt8]]) {
        try ImageStage.derive(bytes, key: "k")
    }

    static func isWebP(_ bytes: [UInt8]) -> Bool {
        bytes.count > 12 && Array(bytes[0..<4]) == Array("RIFF".utf8) && Array(bytes[8..<12]) == Array("WEBP".utf8)
    }

    static func isJPEG(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0xFF, 0xD8, 0xFF]) }
    static func isPNG(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) }

    /// Header fields that carry what a camera wrote.
    static func metadata(_ bytes: [UInt8]) throws -> [String] {
        try VipsPicture.header(of: bytes).fieldNames.filter {
            $0.hasPrefix("exif") || $0.hasPrefix("xmp") || $0.hasPrefix("icc") || $0.hasPrefix("iptc")
                || $0.contains("comment") || $0 == "orientation" || $0.hasPrefix("gps")
        }
    }

    @Test func sizesAndFormats() throws {
        let (image, files) = try derive(try SamplePhoto.phoneJPEG(width: 2000, height: 1500))
        #expect(image.width == 2000 && image.height == 1500)
        #expect(image.webp.map(\.width) == [480, 960, 1600])
        #expect(image.webp.map(\.height) == [360, 720, 1200])
        #expect(image.webp.map(\.path) == ["medien/_bilder/k-480.webp", "medien/_bilder/k-960.webp", "medien/_bilder/k-1600.webp"])
        let fallback = image.fallback
        #expect(fallback.width == 960 && fallback.height == 720 && fallback.path == "medien/_bilder/k-960.jpg")
        #expect(Set(files.keys) == Set(image.variants.map(\.path)))
        for variant in image.variants {
            let bytes = try #require(files[variant.path])
            #expect(variant.path.hasSuffix(".webp") ? Self.isWebP(bytes) : Self.isJPEG(bytes), "\(variant.path)")
            // Decoded whole: the files are complete, not only their headers.
            let read = try VipsPicture.decoded(bytes)
            #expect(read.width == variant.width && read.height == variant.height, "\(variant.path)")
            // The manifest's size and checksum are the file's.
            #expect(variant.isHeld(by: bytes), "\(variant.path)")
        }
    }

    @Test func smallPhotosAreNeverScaledUp() throws {
        let (medium, _) = try derive(try SamplePhoto.phoneJPEG(width: 700, height: 500))
        #expect(medium.webp.map(\.width) == [480, 700])
        #expect(medium.fallback.width == 700 && medium.fallback.height == 500)
        let (small, files) = try derive(try SamplePhoto.phoneJPEG(width: 300, height: 200))
        #expect(small.webp.map(\.width) == [300])
        #expect(small.fallback.width == 300)
        for (_, bytes) in files { #expect(try VipsPicture.header(of: bytes).width == 300) }
    }

    @Test func transparentPhotosFallBackToPNG() throws {
        let png = try SamplePhoto.gradient(width: 600, height: 400, alpha: true).encodedKeepingMetadata(.png)
        let (image, files) = try derive(png)
        #expect(image.fallback.path == "medien/_bilder/k-600.png")
        let fallback = try #require(files[image.fallback.path])
        #expect(Self.isPNG(fallback))
        #expect(try VipsPicture.header(of: fallback).hasAlpha)
        // WebP sources are photos too.
        let webp = try SamplePhoto.gradient(width: 500, height: 100).encodedKeepingMetadata(.webp)
        #expect(try derive(webp).0.fallback.path == "medien/_bilder/k-500.jpg")
    }

    @Test func noMetadataIsPublished() throws {
        let source = try SamplePhoto.phoneJPEG(width: 1200, height: 900, orientation: 1)
        // The source carries what a phone writes: else this test proves nothing.
        let before = try Self.metadata(source)
        #expect(before.contains("exif-ifd3-GPSLatitude"))
        #expect(before.contains("exif-ifd0-Make"))
        #expect(before.contains("xmp-data"))
        #expect(String(decoding: source, as: UTF8.self).contains("Aufgenommen mit Testtelefon"))
        let (_, files) = try derive(source)
        for (path, bytes) in files {
            #expect(try Self.metadata(bytes) == [], "\(path)")
            // Nor anywhere in the bytes, in any form.
            let text = String(decoding: bytes, as: UTF8.self)
            for word in ["Exif", "Testtelefon", "GPS", "xmp", "http://ns.adobe.com"] {
                #expect(!text.contains(word), "\(path) contains \(word)")
            }
        }
    }

    @Test func orientationIsApplied() throws {
        // Stored 400 × 200 with its dark quarter on the left; tag 6: shown
        // turned a quarter clockwise, 200 × 400 with the dark part on top.
        let source = try SamplePhoto.phoneJPEG(width: 400, height: 200, orientation: 6)
        #expect(try VipsPicture.header(of: source).orientation == 6)
        let (image, files) = try derive(source)
        #expect(image.width == 200 && image.height == 400)
        #expect(image.fallback.width == 200 && image.fallback.height == 400)
        let upright = try VipsPicture.decoded(try #require(files[image.fallback.path]))
        #expect(upright.width == 200 && upright.height == 400)
        let pixels = try upright.pixels()
        let bands = upright.bands
        func brightness(row: Int) -> Int {
            (0..<200).reduce(0) { sum, x in sum + Int(pixels[(row * 200 + x) * bands]) } / 200
        }
        #expect(brightness(row: 10) < 20, "top rows hold the dark quarter")
        #expect(brightness(row: 390) > 60)
    }

    @Test func sameInputSameBytes() throws {
        let source = try SamplePhoto.phoneJPEG(width: 1700, height: 1000, seed: 3)
        let first = try derive(source)
        let second = try derive(source)
        #expect(first.0 == second.0)
        #expect(first.1 == second.1)
        // Across threads too: the build encodes on all cores.
        let many = parallelMap(Array(0..<4)) { _ in try? ImageStage.derive(source, key: "k").1 }
        for files in many { #expect(files == first.1) }
    }
}

/// The image stage in a build: pages show `<picture>`, derived files are
/// published instead of the original, the cache spares every encode it can,
/// and bad photos are errors where a page uses them.
@Suite struct ImageBuildTests {
    let folder = TemporaryFolder("images")
    var root: String { folder.path }
    var content: String { root + "/content" }
    var output: String { root + "/out" }

    func write(_ path: String, _ bytes: [UInt8]) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
    }

    func write(_ path: String, _ text: String) throws { try write(path, Array(text.utf8)) }

    static let profile = """
        ---
        name: Bendorf
        art: Stadt
        bundesland: Rheinland-Pfalz
        kreis: mayen-koblenz
        bild:
          datei: rathaus.jpg
          alt: Das Rathaus
          credit: Stadt Bendorf
        ---
        Einleitung.

        ## Werkstatt

        ![Die Werkstatt](../medien/werkstatt.jpg "Im Mai") und der [Plan](../medien/plan.jpg).
        """

    func setUp() throws {
        for (path, text) in Fixture.baseFiles { try write("content/" + path, text) }
        try write("content/kommunen/bendorf.md", Self.profile)
        try write("content/medien/rathaus.jpg", try SamplePhoto.phoneJPEG(width: 2000, height: 1500, seed: 1))
        try write("content/medien/werkstatt.jpg", try SamplePhoto.phoneJPEG(width: 800, height: 600, seed: 2, orientation: 8))
        try write("content/medien/plan.jpg", try SamplePhoto.phoneJPEG(width: 500, height: 500, seed: 4))
        try FileManager.default.copyItem(atPath: Fixture.repoRoot.appendingPathComponent("templates").path, toPath: root + "/templates")
    }

    func build(_ into: String? = nil) throws -> Build.Result {
        let result = try Build.run(content: content, templates: root + "/templates", output: into ?? output)
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        return result
    }

    func files(_ dir: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: dir)!
        while let path = e.nextObject() as? String {
            if path == OutputWriter.marker { continue }
            if let data = FileManager.default.contents(atPath: dir + "/" + path) { result[path] = data }
        }
        return result
    }

    @Test func pagesShowDerivedPhotosAndTheOriginalIsNotPublished() throws {
        try setUp()
        let result = try build()
        #expect(result.imagesEncoded == 3)
        let out = files(output)
        let derived = out.keys.filter { $0.hasPrefix("medien/_bilder/") }.sorted()
        // rathaus: 3 WebP + JPEG; werkstatt (600 wide upright): 2 WebP + JPEG;
        // plan, linked: its stripped original.
        #expect(derived.count == 8, "\(derived)")
        #expect(out["medien/rathaus.jpg"] == nil && out["medien/werkstatt.jpg"] == nil)
        // Linked, not shown: published only as its stripped original, the
        // link's target (what a camera wrote stays out of the site).
        #expect(out["medien/plan.jpg"] == nil)
        let plan = try #require(result.model?.images.linked["medien/plan.jpg"])
        #expect(plan.hasPrefix("medien/_bilder/") && plan.hasSuffix(".jpg"))
        let planBytes = Array(try #require(out[plan]))
        #expect(try ImageDerivingTests.metadata(planBytes) == [])
        #expect(!String(decoding: planBytes, as: UTF8.self).contains("Testtelefon"))
        for path in derived {
            #expect(try ImageDerivingTests.metadata(Array(out[path]!)) == [], "\(path)")
        }
        let html = String(decoding: try #require(out["kommunen/bendorf/index.html"]), as: UTF8.self)
        let rathaus = try #require(result.model?.images["medien/rathaus.jpg"])
        #expect(
            html.contains(
                "<picture><source type=\"image/webp\" srcset=\"../../medien/_bilder/\(rathaus.key)-480.webp 480w, ../../medien/_bilder/\(rathaus.key)-960.webp 960w, ../../medien/_bilder/\(rathaus.key)-1600.webp 1600w\" sizes=\"\(ImageSettings.sizes)\"><img src=\"../../medien/_bilder/\(rathaus.key)-960.jpg\" width=\"960\" height=\"720\" alt=\"Das Rathaus\" decoding=\"async\"></picture>"
            ))
        let werkstatt = try #require(result.model?.images["medien/werkstatt.jpg"])
        #expect(werkstatt.width == 600 && werkstatt.height == 800)
        #expect(
            html.contains(
                "<picture><source type=\"image/webp\" srcset=\"../../medien/_bilder/\(werkstatt.key)-480.webp 480w, ../../medien/_bilder/\(werkstatt.key)-600.webp 600w\" sizes=\"\(ImageSettings.sizes)\"><img src=\"../../medien/_bilder/\(werkstatt.key)-600.jpg\" alt=\"Die Werkstatt\" title=\"Im Mai\" width=\"600\" height=\"800\" loading=\"lazy\" decoding=\"async\" /></picture>"
            ), "\(html)")
        #expect(html.contains("<a href=\"../../\(plan)\">Plan</a>"), "\(html)")
        // Every file a page refers to is in the output.
        for match in html.matches(of: /medien\/_bilder\/[0-9a-f]+-[0-9]+\.(webp|jpg)/) {
            #expect(out["medien/_bilder/" + match.output.0.dropFirst("medien/_bilder/".count)] != nil, "\(match.output.0)")
        }
    }

    /// A photo that no page shows or links would publish its metadata:
    /// it stays out of the site, with a warning at the file.
    @Test func anUnusedPhotoIsNotPublished() throws {
        try setUp()
        try write("content/medien/unbenutzt.jpg", try SamplePhoto.phoneJPEG(width: 300, height: 200, seed: 5))
        let result = try build()
        #expect(files(output)["medien/unbenutzt.jpg"] == nil)
        #expect(!files(output).values.contains { String(decoding: $0, as: UTF8.self).contains("Testtelefon") })
        #expect(
            result.diagnostics.map(\.formatted).contains(
                "\(content)/medien/unbenutzt.jpg:1:1: warning: no page shows or links this photo, so it is not published"
                    + " (its metadata could tell where it was taken) (show it with `bild:` or `![…](…)`, link it, or remove it from medien/)"),
            "\(result.diagnostics.map(\.formatted))")
    }

    @Test func rebuildsEncodeNothingAndAChangedPhotoShowsEverywhere() throws {
        try setUp()
        _ = try build()
        // A text edit: nothing is encoded, and the output equals a clean build's.
        try write("content/kommunen/bendorf.md", Self.profile.replacingOccurrences(of: "Einleitung.", with: "Neue Einleitung."))
        let edited = try build()
        #expect(edited.imagesEncoded == 0)
        #expect(edited.kept.count > 0)
        // The cache is shared by content: a clean build into another folder
        // reuses it only when it sits beside that folder, so compare by bytes.
        let clean = root + "/clean"
        let cleanResult = try build(clean)
        #expect(files(output) == files(clean))
        #expect(cleanResult.imagesEncoded == 3, "another output has its own cache")
        // A new photo under the old name: encoded once, every page shows it.
        let before = try #require(edited.model?.images["medien/rathaus.jpg"])
        try write("content/medien/rathaus.jpg", try SamplePhoto.phoneJPEG(width: 1000, height: 1000, seed: 9))
        let replaced = try build()
        #expect(replaced.imagesEncoded == 1)
        let after = try #require(replaced.model?.images["medien/rathaus.jpg"])
        #expect(after.key != before.key)
        let out = files(output)
        let html = String(decoding: try #require(out["kommunen/bendorf/index.html"]), as: UTF8.self)
        #expect(html.contains("\(after.key)-960.jpg\" width=\"960\" height=\"960\""))
        #expect(!html.contains(before.key))
        // The old photo's files are gone from the output and the cache.
        #expect(!out.keys.contains { $0.contains(before.key) })
        let cached = try FileManager.default.contentsOfDirectory(atPath: ImageStore.folder(forOutput: output))
        #expect(!cached.contains { $0.contains(before.key) })
        _ = try build(root + "/clean2")
        #expect(files(output) == files(root + "/clean2"))
        // Unchanged: the output is current, nothing is done.
        let again = try build()
        #expect(again.upToDate || again.imagesEncoded == 0)
    }
}

/// The preview server plans every build with the same decode cache: each
/// photo is encoded once per session, and its derived files are served
/// from memory.
@Suite struct ImagePreviewTests {
    @Test func eachPhotoIsEncodedOncePerSession() throws {
        var input = Fixture.input([
            "kommunen/test.md": "---\nname: Test\nart: Gemeinde\nbundesland: Hessen\nbild:\n  datei: foto.jpg\n  alt: Ein Foto\n  credit: C\n---\n"
        ])
        input.media.append(PassThroughFile(path: "medien/foto.jpg", origin: .memory(try SamplePhoto.phoneJPEG(width: 1000, height: 800))))
        let cache = DecodeCache()
        let first = Build.plan(input, cache: cache)
        #expect(first.imagesEncoded == 1)
        let derived = first.copies.filter { $0.path.hasPrefix("medien/_bilder/") }
        #expect(derived.map { $0.path.split(separator: "-").last! } == ["1000.webp", "480.webp", "960.jpg", "960.webp"])
        for copy in derived {
            guard case .memory(let bytes) = copy.origin else {
                Issue.record("\(copy.path) is not in memory")
                continue
            }
            #expect(try VipsPicture.header(of: bytes).width > 0)
        }
        #expect(!first.copies.contains { $0.path == "medien/foto.jpg" })
        #expect(Build.plan(input, cache: cache).imagesEncoded == 0)
    }
}

/// Photos that cannot be shown are errors at the line that shows them;
/// large ones are warnings that say the size.
@Suite struct ImageCheckTests {
    func diagnostics(_ photo: [UInt8], name: String = "foto.jpg", body: String = "") -> [String] {
        var input = Fixture.input([
            "kommunen/test.md":
                "---\nname: Test\nart: Gemeinde\nbundesland: Hessen\nbild:\n  datei: \(name)\n  alt: Ein Foto\n  credit: C\n---\n\(body)"
        ])
        input.media.append(PassThroughFile(path: "medien/" + name, origin: .memory(photo)))
        return Build.render(input).diagnostics.map(\.formatted)
    }

    let label = "content/kommunen/test.md"

    @Test func undecodablePhotosAreErrorsAtEachUse() {
        let found = diagnostics(Array("kein Bild".utf8), body: "Text\n\n![Noch einmal](../medien/foto.jpg)\n")
        #expect(found.count == 2, "\(found)")
        #expect(found.first?.hasPrefix("\(label):6:10: error: medien/foto.jpg cannot be decoded as an image") == true, "\(found)")
        #expect(found.last?.hasPrefix("\(label):12:1: error: medien/foto.jpg cannot be decoded as an image") == true, "\(found)")
        #expect(found.allSatisfy { $0.contains("save it again as JPEG, PNG or WebP") })
        // A truncated JPEG is an error too, not a grey half.
        let whole = try! SamplePhoto.phoneJPEG(width: 800, height: 600)
        let cut = diagnostics(Array(whole[..<(whole.count / 2)]))
        #expect(cut.count == 1 && cut[0].contains("cannot be decoded"), "\(cut)")
    }

    @Test func oversizedSourcesAreErrors() throws {
        let big = [UInt8](repeating: 0, count: 23_000_000)
        #expect(
            diagnostics(big) == [
                "\(label):6:10: error: medien/foto.jpg is 23.00 MB; an image may be at most 20.00 MB (save it smaller, e.g. 3000 px wide as JPEG)",
                "content/medien/foto.jpg:1:1: warning: the file has 23.00 MB; pages with files over 5 MB load slowly on mobile connections "
                    + "(make it smaller, e.g. an image 2000 pixels wide, or link a large document where it is published)",
            ])
        // A PNG whose header claims 10,000 × 6,000 pixels: refused from the
        // header, before any pixel is decoded.
        let bomb = Self.pngHeader(width: 10_000, height: 6_000)
        let found = diagnostics(bomb, name: "bombe.png")
        #expect(
            found.count == 1
                && found[0].hasPrefix(
                    "\(label):6:10: error: medien/bombe.png is 10000 × 6000 pixels (60.00 megapixels); an image may have at most 50.00 megapixels"),
            "\(found)")
    }

    @Test func largeSourcesAreWarningsThatSayTheSize() throws {
        let wide = try SamplePhoto.gradient(width: 6100, height: 8).encodedKeepingMetadata(.jpeg)
        #expect(
            diagnostics(wide) == [
                "\(label):6:10: warning: medien/foto.jpg is 6100 px wide; the site shows it at most 1600 px wide (save it at most 3000 px wide)"
            ])
        // 6 MB: a photo padded with comment segments, as some cameras pad theirs.
        var heavy = try SamplePhoto.phoneJPEG(width: 400, height: 300)
        let padding = [UInt8](repeating: 0x41, count: 60_000)
        let segment = [0xFF, 0xFE, UInt8((padding.count + 2) >> 8), UInt8((padding.count + 2) & 0xFF)] + padding
        heavy.insert(contentsOf: Array([[UInt8]](repeating: segment, count: 100).joined()), at: 2)
        // Its size is told once, at the file, as for every file in medien/.
        #expect(
            diagnostics(heavy) == [
                "content/medien/foto.jpg:1:1: warning: the file has 6.01 MB; pages with files over 5 MB load slowly on mobile connections "
                    + "(make it smaller, e.g. an image 2000 pixels wide, or link a large document where it is published)"
            ])
    }

    @Test func svgAndGIFPassThrough() throws {
        var input = Fixture.input([
            "kommunen/test.md": "---\nname: Test\nart: Gemeinde\nbundesland: Hessen\n---\n![Karte](../medien/karte.gif)\n"
        ])
        input.media.append(PassThroughFile(path: "medien/karte.gif", origin: .memory(Array("GIF89a".utf8))))
        let result = Build.render(input)
        #expect(result.errorCount == 0)
        #expect(result.copies.contains { $0.path == "medien/karte.gif" })
        #expect(try #require(Fixture.page(result, "kommunen/test/index.html")).contains("<img src=\"../../medien/karte.gif\" alt=\"Karte\" />"))
    }

    /// A PNG signature, header chunk and no pixels.
    static func pngHeader(width: Int, height: Int) -> [UInt8] {
        func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        func crc(_ bytes: [UInt8]) -> Int {
            var c: UInt32 = 0xFFFF_FFFF
            for b in bytes {
                c ^= UInt32(b)
                for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            }
            return Int(c ^ 0xFFFF_FFFF)
        }
        let ihdr = Array("IHDR".utf8) + be32(width) + be32(height) + [8, 2, 0, 0, 0]
        // An empty zlib stream: the header is all a reader needs.
        let idat = Array("IDAT".utf8) + [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]
        let iend = Array("IEND".utf8)
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + ihdr + be32(crc(ihdr)) + be32(8) + idat + be32(crc(idat))
            + be32(0) + iend + be32(crc(iend))
    }
}
