import Foundation
import TestSupport
import Testing
@testable import SiteKit

/// The two listings a rebuild trusts instead of reading: the sources' file
/// status (a document unchanged since it was read is not read again) and
/// the output's files (checked by `stat` instead of a walk).
@Suite struct ListingTests {
    let folder = TemporaryFolder("listing")
    var root: String { folder.path }
    var content: String { root + "/content" }
    var output: String { root + "/out" }
    var loader: DiskLoader { DiskLoader(contentDirectory: content, templatesDirectory: root + "/templates") }

    init() throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        try fm.copyItem(atPath: Fixture.repoRoot.appendingPathComponent("content").path, toPath: content)
        try fm.copyItem(atPath: Fixture.repoRoot.appendingPathComponent("templates").path, toPath: root + "/templates")
    }

    /// Sets a file's modification time into the past, as an old checkout has it.
    func age(_ path: String, seconds: Int = 60, from now: time_t = time(nil)) {
        var times = [timespec(tv_sec: now - seconds, tv_nsec: 0), timespec(tv_sec: now - seconds, tv_nsec: 0)]
        utimensat(AT_FDCWD, path, &times, 0)
    }

    /// A listing of everything as it is now, read a while ago.
    func listing() throws -> SourceListing {
        let input = try loader.load(unchangedSince: nil)
        var listing = SourceListing(input: input, digests: BuildStamp.documentDigests(input))
        listing.readStart.tv_sec += 10
        return listing
    }

    func unread(_ input: SiteInput) -> Set<String> { Set(input.documents.filter { $0.unread != nil }.map(\.path)) }

    @Test func anUnchangedDocumentIsNotRead() throws {
        for entry in FileWalk.entries(below: content) where entry.isRegularFile { age(content + "/" + entry.path) }
        let listing = try listing()
        let input = try loader.load(unchangedSince: listing)
        let pages = Set(input.documents.map(\.path).filter { ContentKind.parse(contentPath: $0) != nil })
        #expect(unread(input) == pages)
        // Settings and Handlungsfelder are always read.
        #expect(input.documents.first { $0.path == "site.yaml" }?.bytes.isEmpty == false)
        #expect(BuildStamp.documentDigests(input) == BuildStamp.documentDigests(try loader.load()))
    }

    @Test func anyChangeToADocumentIsNoticed() throws {
        for entry in FileWalk.entries(below: content) where entry.isRegularFile { age(content + "/" + entry.path) }
        let listing = try listing()
        // Same size, the old modification time set back: the change time still moves.
        let path = content + "/kommunen/bendorf.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "16900", with: "16901").write(toFile: path, atomically: false, encoding: .utf8)
        age(path)
        #expect(!unread(try loader.load(unchangedSince: listing)).contains("kommunen/bendorf.md"))
    }

    @Test func aDocumentChangedJustBeforeItWasReadIsReadAgain() throws {
        let path = "kommunen/bendorf.md"
        for entry in FileWalk.entries(below: content) where entry.isRegularFile && entry.path != path { age(content + "/" + entry.path) }
        // Written a moment before the listing's read began: its status alone
        // cannot prove it unchanged. Both times are set here, not taken from
        // the clock as the listing is made: on a busy machine the listing
        // takes long enough to put the file outside the moment.
        let written = time(nil) + 9
        age(content + "/" + path, seconds: -9, from: written - 9)
        var listing = try listing()
        listing.readStart = timespec(tv_sec: written + 1, tv_nsec: 0)
        let input = try loader.load(unchangedSince: listing)
        #expect(!unread(input).contains(path))
        #expect(unread(input).contains("kommunen/hennef.md"))
    }

    @Test func anUnreadDocumentWithoutDecodedFormIsReadAfterAll() throws {
        for entry in FileWalk.entries(below: content) where entry.isRegularFile { age(content + "/" + entry.path) }
        _ = try Build.run(content: content, templates: root + "/templates", output: output)
        let edited = content + "/kommunen/hennef.md"
        try (String(contentsOfFile: edited, encoding: .utf8) + "\nNeu.\n").write(toFile: edited, atomically: true, encoding: .utf8)
        // The decoded documents are gone, the source listing is not.
        for shard in 0..<BuildCache.shards { unlink(BuildCache.shardFile(shard, in: BuildCache.folder(forOutput: output))) }
        let rebuilt = try Build.run(content: content, templates: root + "/templates", output: output)
        #expect(rebuilt.errorCount == 0, "\(rebuilt.diagnostics.map(\.formatted))")
        let clean = root + "/clean"
        _ = try Build.run(content: content, templates: root + "/templates", output: clean, options: .init(useCache: false))
        for entry in FileWalk.entries(below: clean) where entry.isRegularFile && entry.path != OutputWriter.marker {
            #expect(
                FileManager.default.contents(atPath: output + "/" + entry.path) == FileManager.default.contents(atPath: clean + "/" + entry.path),
                "\(entry.path)")
        }
    }

    @Test func theSourceListingSurvivesItsFile() throws {
        let listing = try listing()
        var writer = BinaryWriter()
        listing.encode(into: &writer)
        let decoded = try writer.bytes.withUnsafeBytes { raw in
            var reader = BinaryReader(raw)
            return try SourceListing.decode(&reader)
        }
        #expect(decoded.readStart.tv_sec == listing.readStart.tv_sec && decoded.readStart.tv_nsec == listing.readStart.tv_nsec)
        #expect(decoded.files.count == listing.files.count)
        for (path, known) in listing.files {
            #expect(decoded.files[path]?.status == known.status && decoded.files[path]?.digest == known.digest)
        }
    }

    @Test func theOutputListingNoticesEveryKindOfHandEdit() throws {
        _ = try Build.run(content: content, templates: root + "/templates", output: output)
        func check() throws -> Bool {
            let listing = try #require(OutputListing.load(OutputListing.file(forOutput: output), identity: .current).value)
            return BuildStamp.intact(output, listing: listing) != nil
        }
        #expect(try check())
        usleep(30_000)
        // A file added inside a page folder.
        try "x".write(toFile: output + "/kommunen/bendorf/extra.html", atomically: false, encoding: .utf8)
        #expect(try !check())
        try FileManager.default.removeItem(atPath: output + "/kommunen/bendorf/extra.html")
        // (removing it changed the folder's time: a build makes it whole again)
        _ = try Build.run(content: content, templates: root + "/templates", output: output)
        #expect(try check())
        usleep(30_000)
        // A file changed in place, same size.
        let page = output + "/impressum/index.html"
        let bytes = try #require(FileManager.default.contents(atPath: page))
        try Data(bytes.reversed()).write(to: URL(fileURLWithPath: page))
        #expect(try !check())
        _ = try Build.run(content: content, templates: root + "/templates", output: output)
        #expect(try check())
        // A file added at the top.
        try "x".write(toFile: output + "/notiz.txt", atomically: false, encoding: .utf8)
        #expect(try !check())
    }
}
