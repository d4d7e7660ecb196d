import Foundation
import TestSupport
import Testing
@testable import SiteKit

/// The image cache in rebuilds: the ledger spares every look at an
/// unchanged photo, and nothing stale or damaged reaches the output.
extension ImageBuildTests {
    /// The cache's file of `variant` (named as in the output, without its folder).
    func cached(_ outputPath: String) -> String {
        ImageStore.folder(forOutput: output) + "/" + outputPath.dropFirst(ImageSettings.outputFolder.count)
    }

    func derivedPaths(of source: String, in result: Build.Result) throws -> [String] {
        try #require(result.model?.images[source]).variants.map(\.path)
    }

    @Test func aDerivedFileLostFromTheOutputComesBackFromTheCache() throws {
        try setUp()
        let first = try build()
        let lost = try derivedPaths(of: "medien/rathaus.jpg", in: first)[1]
        try FileManager.default.removeItem(atPath: output + "/" + lost)
        let again = try build()
        #expect(again.imagesEncoded == 0)
        _ = try build(root + "/clean")
        #expect(files(output) == files(root + "/clean"))
    }

    @Test func aDamagedCachedFileIsEncodedAgainNotPublished() throws {
        try setUp()
        let first = try build()
        let path = try derivedPaths(of: "medien/rathaus.jpg", in: first)[0]
        // Same size, other bytes; and the output must copy it again.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: cached(path))))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: cached(path)))
        try FileManager.default.removeItem(atPath: output + "/" + path)
        let again = try build()
        #expect(again.imagesEncoded == 1)
        _ = try build(root + "/clean")
        #expect(files(output) == files(root + "/clean"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: cached(path))) == files(root + "/clean")[path])
    }

    @Test func aHandEditedDerivedFileInTheOutputIsReplaced() throws {
        try setUp()
        let first = try build()
        let path = try derivedPaths(of: "medien/rathaus.jpg", in: first)[0]
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: output + "/" + path)))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: output + "/" + path))
        let again = try build()
        #expect(!again.upToDate && again.imagesEncoded == 0)
        _ = try build(root + "/clean")
        #expect(files(output) == files(root + "/clean"))
    }

    /// Photos older than the ledger's margin (two seconds before the build
    /// began reading) are trusted by their status.
    @Test func theLedgerStandsForUnchangedPhotosAndAChangeIsNoticedByItsChangeTime() throws {
        try setUp()
        Thread.sleep(forTimeInterval: 2.3)
        _ = try build()
        // Without the ledger, a missing manifest would mean encoding again.
        let cache = ImageStore.folder(forOutput: output)
        for name in try FileManager.default.contentsOfDirectory(atPath: cache) where name.hasSuffix(".txt") {
            try FileManager.default.removeItem(atPath: cache + "/" + name)
        }
        try write("content/kommunen/bendorf.md", Self.profile.replacingOccurrences(of: "Einleitung.", with: "Neue Einleitung."))
        let edited = try build()
        #expect(edited.imagesEncoded == 0)
        // Other bytes of the same size under the same modification time:
        // only the change time tells.
        let source = content + "/medien/rathaus.jpg"
        var info = stat()
        #expect(stat(source, &info) == 0)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: source)))
        let comment = Array("Testtelefon".utf8)
        let at = try #require(bytes.indices.first { bytes[$0...].starts(with: comment) })
        bytes[at] = UInt8(ascii: "X")
        try Data(bytes).write(to: URL(fileURLWithPath: source))
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, source, &times, 0) == 0)
        let changed = try build()
        #expect(changed.imagesEncoded == 1)
        #expect(changed.model?.images["medien/rathaus.jpg"]?.key != edited.model?.images["medien/rathaus.jpg"]?.key)
    }

    @Test func aPhotoOfferedForDownloadIsPublishedWithoutItsMetadata() throws {
        try setUp()
        try write(
            "content/kommunen/bendorf.md",
            Self.profile.replacingOccurrences(of: "  credit: Stadt Bendorf\n", with: "  credit: Stadt Bendorf\n  download: true\n"))
        let result = try build()
        let image = try #require(result.model?.images["medien/rathaus.jpg"])
        let original = try #require(image.original)
        let out = files(output)
        let published = [UInt8](try #require(out[original.path]))
        let source = [UInt8](try Data(contentsOf: URL(fileURLWithPath: content + "/medien/rathaus.jpg")))
        #expect(out["medien/rathaus.jpg"] == nil)
        let (kept, camera) = (try ImageDerivingTests.metadata(published), try ImageDerivingTests.metadata(source))
        #expect(kept == [] && camera != [], "\(kept) \(camera)")
        // The same pixels: the image data is copied, not encoded again.
        let (a, b) = (try VipsPicture.decoded(published).pixels(), try VipsPicture.decoded(source).pixels())
        #expect(a == b)
        let html = String(decoding: try #require(out["kommunen/bendorf/index.html"]), as: UTF8.self)
        let size = GermanFormat.fileSize(published.count)
        #expect(
            html.contains(
                "<p class=\"bild-download\"><a href=\"../../\(original.path)\" download=\"rathaus.jpg\">Originalbild herunterladen (JPEG, \(size))</a></p>"
            ), "\(html)")
        // A rebuild keeps it without reading the photo again, and it stays when the text changes.
        let again = try build()
        #expect(again.upToDate || again.imagesEncoded == 0)
        try write(
            "content/kommunen/bendorf.md",
            Self.profile.replacingOccurrences(of: "  credit: Stadt Bendorf\n", with: "  credit: Stadt Bendorf\n  download: true\n")
                .replacingOccurrences(of: "Einleitung.", with: "Neu."))
        let edited = try build()
        #expect(edited.imagesEncoded == 0)
        #expect(files(output)[original.path] == Data(published))
        // Without the key the original goes again.
        try write("content/kommunen/bendorf.md", Self.profile)
        _ = try build()
        #expect(files(output)[original.path] == nil)
        #expect(!String(decoding: files(output)["kommunen/bendorf/index.html"]!, as: UTF8.self).contains("bild-download"))
    }

    @Test func anSVGOfferedForDownloadIsLinkedAsItIs() throws {
        try setUp()
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>\n"
        try write("content/medien/karte.svg", svg)
        try write(
            "content/kommunen/bendorf.md",
            Self.profile.replacingOccurrences(of: "datei: rathaus.jpg", with: "datei: karte.svg").replacingOccurrences(
                of: "  credit: Stadt Bendorf\n", with: "  credit: Stadt Bendorf\n  download: true\n"))
        _ = try build()
        let out = files(output)
        #expect(out["medien/karte.svg"] == Data(svg.utf8))
        let html = String(decoding: try #require(out["kommunen/bendorf/index.html"]), as: UTF8.self)
        #expect(
            html.contains(
                "<a href=\"../../medien/karte.svg\" download=\"karte.svg\">Originalbild herunterladen (SVG, 1 KB)</a>"), "\(html)")
    }
}

/// The download copy of a photo: lossless, without what the camera wrote,
/// upright as the original.
@Suite struct StrippedOriginalTests {
    @Test func jpegKeepsItsPixelsAndOrientationAndLosesEverythingElse() throws {
        let phone = try SamplePhoto.phoneJPEG(width: 300, height: 200, seed: 3, orientation: 6)
        let stripped = try #require(StrippedOriginal.stripped(phone, orientation: 6))
        let header = try VipsPicture.header(of: stripped)
        #expect(header.orientation == 6)
        let fields = header.fieldNames
        #expect(!fields.contains { $0.hasPrefix("exif-ifd3") || $0.hasPrefix("xmp") || $0.contains("comment") || $0.hasPrefix("iptc") }, "\(fields)")
        #expect(!fields.contains { $0.contains("Make") || $0.contains("Model") || $0.contains("GPS") }, "\(fields)")
        let (a, b) = (try VipsPicture.decoded(stripped).pixels(), try VipsPicture.decoded(phone).pixels())
        #expect(a == b)
        #expect(StrippedOriginal.stripped(stripped, orientation: 6) == stripped, "stripping twice changes nothing")
    }

    @Test func pngLosesItsTextChunks() throws {
        let picture = try SamplePhoto.gradient(width: 40, height: 30, seed: 1)
        picture.set("png-comment-0-Author", string: "Max Mustermann")
        let png = try picture.encodedKeepingMetadata(.png)
        let before = try VipsPicture.header(of: png).fieldNames
        #expect(before.contains { $0.hasPrefix("png-comment") }, "\(before)")
        let stripped = try #require(StrippedOriginal.stripped(png, orientation: 1))
        let after = try VipsPicture.header(of: stripped).fieldNames
        #expect(!after.contains { $0.hasPrefix("png-comment") }, "\(after)")
        let (a, b) = (try VipsPicture.decoded(stripped).pixels(), try VipsPicture.decoded(png).pixels())
        #expect(a == b)
    }

    @Test func damagedFilesAreRefused() throws {
        let phone = try SamplePhoto.phoneJPEG(width: 64, height: 48)
        #expect(StrippedOriginal.stripped(Array(phone.prefix(40)), orientation: 1) == nil)
        #expect(StrippedOriginal.stripped(Array("GIF89a".utf8), orientation: 1) == nil)
    }

    @Test func sizesAreWrittenAsBrowsersShowThem() {
        #expect(GermanFormat.fileSize(4_912_345) == "4,9 MB")
        #expect(GermanFormat.fileSize(57_563) == "58 KB")
        #expect(GermanFormat.fileSize(12) == "1 KB")
        #expect(GermanFormat.fileSize(999_960) == "1,0 MB")
        #expect(GermanFormat.fileSize(12_345_678) == "12,3 MB")
    }
}

extension ValidationTests {
    @Test func downloadIsAFlagAndAMisspeltKeyIsNamed() throws {
        let bild = "bild:\n  datei: karte.png\n  alt: Der Kreis von oben\n  credit: Stadt\n"
        #expect(Fixture.errors(kommune(bild + "  download: true\n"), media: ["medien/karte.png"]).isEmpty)
        #expect(
            Fixture.errors(kommune(bild + "  download: ja\n"), media: ["medien/karte.png"]) == [
                "\(label):9:13: `download` must be `true` or `false`"
            ])
        let result = Fixture.render(kommune(bild + "  downlaod: true\n"), media: ["medien/karte.png"])
        let d = try #require(result.diagnostics.first { $0.message.contains("downlaod") })
        #expect(d.location == Loc(path: label, line: 9, column: 3))
        #expect(d.hint == "did you mean `download`?")
    }
}
