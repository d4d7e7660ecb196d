import Foundation
import Testing
@testable import SiteKit

/// The build cache on disk: what it stores reads back the same, a rebuild
/// from it equals a clean build, and a damaged cache only costs time.
@Suite struct BuildCacheTests {
    let root = NSTemporaryDirectory() + "sitegen-cache-\(UUID().uuidString)"

    func copyExampleSite() throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(atPath: Fixture.repoRoot.appendingPathComponent(folder).path, toPath: root + "/" + folder)
        }
    }

    func build(_ output: String, cache: Bool = true) throws -> Build.Result {
        try Build.run(content: root + "/content", templates: root + "/templates", output: root + "/" + output,
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
        defer { try? FileManager.default.removeItem(atPath: root) }
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
        defer { try? FileManager.default.removeItem(atPath: root) }
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

    @Test func anOutputFolderThatIsRefusedGetsNoCacheBesideIt() throws {
        try copyExampleSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/foreign", withIntermediateDirectories: true)
        try "keep".write(toFile: root + "/foreign/notes.txt", atomically: true, encoding: .utf8)
        #expect(throws: OutputWriter.WriteError.self) { try build("foreign") }
        #expect(!FileManager.default.fileExists(atPath: root + "/.sitegen-cache"))
    }

    @Test func theCacheLivesBesideTheOutputNeverInIt() {
        #expect(BuildCache.folder(forOutput: "/site/public") == "/site/.sitegen-cache/public")
        #expect(BuildCache.folder(forOutput: "/site/public/") == "/site/.sitegen-cache/public")
        #expect(PageTraceStore.file(forOutput: "/site/public") == "/site/.sitegen-cache/public/pages.bin")
    }
}
