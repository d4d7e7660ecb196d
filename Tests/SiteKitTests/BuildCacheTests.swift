import Foundation
import TestSupport
import Testing
@testable import SiteKit

/// The build cache on disk: what it stores reads back the same, a rebuild
/// from it equals a clean build, and a damaged cache only costs time.
@Suite struct BuildCacheTests {
    let folder = TemporaryFolder("cache")
    var root: String { folder.path }

    func copyExampleSite() throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(atPath: Fixture.repoRoot.appendingPathComponent(folder).path, toPath: root + "/" + folder)
        }
    }

    func build(_ output: String, cache: Bool = true) throws -> Build.Result {
        try Build.run(
            content: root + "/content", templates: root + "/templates", output: root + "/" + output,
            options: .init(useCache: cache))
    }

    func files(_ output: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for entry in FileWalk.entries(below: root + "/" + output) where entry.isRegularFile && entry.path != OutputWriter.marker {
            result[entry.path] = FileManager.default.contents(atPath: root + "/" + output + "/" + entry.path)
        }
        return result
    }

    @Test func everyPageReadsBackAsItWasWritten() throws {
        let input = try GoldenTests.exampleSite()
        let cache = DecodeCache()
        _ = Build.render(input, cache: cache)
        let entries = cache.snapshot
        #expect(entries.count > 10)
        for (path, entry) in entries {
            var writer = BinaryWriter()
            writer.optional(entry.result) { $0.decoded($1) }
            writer.diagnostics(entry.diagnostics)
            let again: [UInt8] = try writer.bytes.withUnsafeBytes { raw in
                var reader = BinaryReader(raw)
                let result = try reader.optional { try $0.decoded() }
                let diagnostics = try reader.diagnostics()
                #expect(reader.isAtEnd, "\(path)")
                var second = BinaryWriter()
                second.optional(result) { $0.decoded($1) }
                second.diagnostics(diagnostics)
                return second.bytes
            }
            #expect(again == writer.bytes, "\(path) changed on the way through the cache")
        }
    }

    @Test func aRebuildFromTheCacheEqualsACleanBuild() throws {
        try copyExampleSite()
        _ = try build("out")
        #expect(FileManager.default.fileExists(atPath: root + "/.sitegen-cache/out/pages.bin"))
        let shard = BuildCache.shardFile(BuildCache.shard(of: "kommunen/bendorf.md"), in: root + "/.sitegen-cache/out")
        #expect(FileManager.default.fileExists(atPath: shard))
        let profile = root + "/content/kommunen/bendorf.md"
        let text = try String(contentsOfFile: profile, encoding: .utf8)
        try text.replacingOccurrences(of: "einwohner: 16900", with: "einwohner: 17000")
            .write(toFile: profile, atomically: true, encoding: .utf8)

        let rebuilt = try build("out")
        #expect(rebuilt.errorCount == 0, "\(rebuilt.diagnostics.map(\.formatted))")
        #expect(try files("out")["kommunen/bendorf/index.html"].map { String(decoding: $0, as: UTF8.self) }?.contains("17.000") == true)
        _ = try build("clean", cache: false)
        #expect(try files("out") == files("clean"))
        #expect(!FileManager.default.fileExists(atPath: root + "/.sitegen-cache/clean"))
    }

    @Test func aDamagedCacheIsIgnored() throws {
        try copyExampleSite()
        _ = try build("out")
        let cacheFile = BuildCache.shardFile(BuildCache.shard(of: "seiten/impressum.md"), in: root + "/.sitegen-cache/out")
        var bytes = try #require(FileManager.default.contents(atPath: cacheFile))
        bytes.replaceSubrange(bytes.count / 2..<bytes.count, with: Data(repeating: 0xFF, count: bytes.count - bytes.count / 2))
        try bytes.write(to: URL(fileURLWithPath: cacheFile))
        let page = root + "/content/seiten/impressum.md"
        try (String(contentsOfFile: page, encoding: .utf8) + "\nNoch ein Satz.\n").write(toFile: page, atomically: true, encoding: .utf8)

        let rebuilt = try build("out")
        #expect(rebuilt.errorCount == 0)
        _ = try build("clean", cache: false)
        #expect(try files("out") == files("clean"))
    }

    /// Changes the theme a little, so that the next build renders every
    /// page again from the decoded documents in the cache.
    func changeTheme() throws {
        let template = root + "/templates/seite.mustache"
        try (String(contentsOfFile: template, encoding: .utf8) + "\n").write(toFile: template, atomically: true, encoding: .utf8)
    }

    /// The shard that holds the Impressum, and where a sentence of its body lies in it.
    func impressumShard() throws -> (path: String, bytes: Data, sentence: Range<Data.Index>) {
        let path = BuildCache.shardFile(BuildCache.shard(of: "seiten/impressum.md"), in: root + "/.sitegen-cache/out")
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let sentence = try #require(bytes.range(of: Data("Wir erstellen die Inhalte dieser Website mit Sorgfalt.".utf8)))
        return (path, bytes, sentence)
    }

    @Test func aFlippedBitInTheCacheGivesACleanBuild() throws {
        try copyExampleSite()
        _ = try build("out")
        // Bits in the text of a page and anywhere else in the file.
        for attempt in 0..<8 {
            var (path, bytes, sentence) = try impressumShard()
            let position = attempt < 4 ? sentence.lowerBound + attempt * 7 : bytes.count * (attempt - 3) / 5 - 1
            bytes[position] ^= UInt8(1 << (attempt % 7))
            try bytes.write(to: URL(fileURLWithPath: path))
            try changeTheme()
            let rebuilt = try build("out")
            #expect(rebuilt.errorCount == 0, "bit flipped at \(position): \(rebuilt.diagnostics.map(\.formatted))")
            #expect(!rebuilt.notes.isEmpty || attempt >= 4, "bit flipped at \(position)")
            _ = try build("clean-\(attempt)", cache: false)
            #expect(try files("out") == files("clean-\(attempt)"), "bit flipped at \(position)")
        }
    }

    @Test func bytesReplacedInTheCacheAreNeverPublished() throws {
        try copyExampleSite()
        _ = try build("out")
        var (path, bytes, sentence) = try impressumShard()
        let script = Data("<script>alert(1)</script>".utf8)
        bytes.replaceSubrange(sentence, with: script + Data(repeating: UInt8(ascii: " "), count: sentence.count - script.count))
        try bytes.write(to: URL(fileURLWithPath: path))
        try changeTheme()

        let rebuilt = try build("out")
        #expect(rebuilt.errorCount == 0)
        #expect(rebuilt.notes == ["the build cache in \(root)/.sitegen-cache/out was damaged and is rebuilt"])
        let page = try #require(try files("out")["impressum/index.html"])
        #expect(!String(decoding: page, as: UTF8.self).contains("<script>"))
        _ = try build("clean", cache: false)
        #expect(try files("out") == files("clean"))
    }

    @Test func aFailedBuildWritesNoCache() throws {
        try copyExampleSite()
        let profile = root + "/content/kommunen/bendorf.md"
        let good = try String(contentsOfFile: profile, encoding: .utf8)
        let bad = good.replacingOccurrences(of: "einwohner: 16900", with: "einwohner: viele")
        try bad.write(toFile: profile, atomically: true, encoding: .utf8)
        #expect(try build("out").errorCount > 0)
        #expect(!FileManager.default.fileExists(atPath: root + "/.sitegen-cache"))
        #expect(!FileManager.default.fileExists(atPath: root + "/out"))

        // Nor does it change the cache of an earlier build.
        try good.write(toFile: profile, atomically: true, encoding: .utf8)
        #expect(try build("out").errorCount == 0)
        func cache() -> [String: Data] {
            var result: [String: Data] = [:]
            for entry in FileWalk.entries(below: root + "/.sitegen-cache") where entry.isRegularFile {
                result[entry.path] = FileManager.default.contents(atPath: root + "/.sitegen-cache/" + entry.path)
            }
            return result
        }
        let before = cache()
        #expect(!before.isEmpty)
        try (bad + "\nNeu.\n").write(toFile: profile, atomically: true, encoding: .utf8)
        #expect(try build("out").errorCount > 0)
        #expect(cache() == before)
    }

    @Test func anOutputFolderThatIsRefusedGetsNoCacheBesideIt() throws {
        try copyExampleSite()
        try FileManager.default.createDirectory(atPath: root + "/foreign", withIntermediateDirectories: true)
        try "keep".write(toFile: root + "/foreign/notes.txt", atomically: true, encoding: .utf8)
        #expect(throws: OutputWriter.WriteError.self) { try build("foreign") }
        #expect(!FileManager.default.fileExists(atPath: root + "/.sitegen-cache"))
    }

    /// Known answers of XXH64 (`xxhsum -H64`), through every part of the loop.
    @Test func theChecksumIsXXH64() {
        func checksum(_ text: String) -> UInt64 { Array(text.utf8).withUnsafeBytes { Checksum.of($0) } }
        #expect(checksum("") == 0xEF46_DB37_51D8_E999)
        #expect(checksum("a") == 0xD24E_C4F1_A98C_6E5B)
        #expect(checksum("abc") == 0x44BC_2CF5_AD77_0999)
        #expect(checksum("sitegen checks every cache file before use: 47!") == 0x8ED3_1947_FA21_A3FD)
        #expect(checksum(String(repeating: "0123456789", count: 10)) == 0xF80E_7B96_315A_FFFA)
    }

    @Test func theCacheLivesBesideTheOutputNeverInIt() {
        #expect(BuildCache.folder(forOutput: "/site/public") == "/site/.sitegen-cache/public")
        #expect(BuildCache.folder(forOutput: "/site/public/") == "/site/.sitegen-cache/public")
        #expect(PageTraceStore.file(forOutput: "/site/public") == "/site/.sitegen-cache/public/pages.bin")
    }
}
