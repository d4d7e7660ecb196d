import Foundation
import TestSupport
import Testing
@testable import SiteKit

/// Rebuilding into an existing output must give exactly what a clean build
/// gives, after every kind of change, and skip all work when nothing changed.
@Suite struct IncrementalTests {
    let folder = TemporaryFolder("incremental")
    var root: String { folder.path }
    var content: String { root + "/content" }
    var templates: String { root + "/templates" }

    func write(_ path: String, _ text: String) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
    }

    func setUp() throws {
        for (path, text) in Fixture.baseFiles { try write("content/" + path, text) }
        try FileManager.default.copyItem(atPath: Fixture.repoRoot.appendingPathComponent("templates").path, toPath: templates)
    }

    func tree(_ dir: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: dir)!
        while let path = e.nextObject() as? String {
            if path == OutputWriter.marker { continue }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir + "/" + path, isDirectory: &isDir) else { continue }
            // Folders count too: a deleted page's folder must go with it.
            if isDir.boolValue {
                result[path + "/"] = Data()
            } else {
                result[path] = FileManager.default.contents(atPath: dir + "/" + path)
            }
        }
        return result
    }

    /// Builds incrementally into `out` and cleanly into a new folder; both must match.
    func expectSameAsClean(_ step: String) throws {
        let incremental = try Build.run(content: content, templates: templates, output: root + "/out")
        #expect(incremental.errorCount == 0, "\(step): \(incremental.diagnostics.map(\.formatted))")
        let clean = root + "/clean-\(UUID().uuidString)"
        _ = try Build.run(content: content, templates: templates, output: clean)
        #expect(tree(root + "/out") == tree(clean), "\(step): incremental output differs from a clean build")
    }

    @Test func incrementalEqualsClean() throws {
        try setUp()
        try expectSameAsClean("first build")
        try write(
            "content/kommunen/bendorf.md", try #require(Fixture.baseFiles["kommunen/bendorf.md"]).replacingOccurrences(of: "16900", with: "17001"))
        try expectSameAsClean("edited profile")
        try write("content/meldungen/2021-05-01-neu.md", "---\ntitel: Neu\ndatum: 2021-05-01\nkommunen: [bendorf]\n---\nText\n")
        try expectSameAsClean("added news")
        try write("content/kommunen/eltville.md", "---\nname: Eltville\nart: Stadt\nbundesland: Hessen\n---\n")
        try expectSameAsClean("added profile")
        try FileManager.default.removeItem(atPath: content + "/kommunen/eltville.md")
        try expectSameAsClean("deleted profile")
        let seite = try String(contentsOfFile: templates + "/seite.mustache", encoding: .utf8)
        try write("templates/seite.mustache", seite.replacingOccurrences(of: "<h1>{{titel}}</h1>", with: "<h1 class=\"titel\">{{titel}}</h1>"))
        try expectSameAsClean("changed template")
        try write("templates/assets/extra.css", "body{}")
        try expectSameAsClean("added asset")
    }

    @Test func nothingChangedMeansNothingDone() throws {
        try setUp()
        _ = try Build.run(content: content, templates: templates, output: root + "/out")
        let again = try Build.run(content: content, templates: templates, output: root + "/out")
        #expect(again.upToDate)
        // A hand edit of the output is noticed and repaired.
        let page = root + "/out/impressum/index.html"
        let original = FileManager.default.contents(atPath: page)
        try "kaputt".write(toFile: page, atomically: false, encoding: .utf8)
        let repaired = try Build.run(content: content, templates: templates, output: root + "/out")
        #expect(!repaired.upToDate)
        #expect(repaired.written?.written == 1)
        #expect(FileManager.default.contents(atPath: page) == original)
        // A same-size edit shows by its modification time (which the kernel
        // keeps in clock ticks of a few milliseconds: wait for the next one).
        usleep(30_000)
        let sameSize = String(decoding: try #require(original), as: UTF8.self).replacingOccurrences(of: "<h1>", with: "<h2>")
        try sameSize.write(toFile: page, atomically: false, encoding: .utf8)
        #expect(try !Build.run(content: content, templates: templates, output: root + "/out").upToDate)
        #expect(FileManager.default.contents(atPath: page) == original)
        // Other options are another build.
        let drafts = try Build.run(content: content, templates: templates, output: root + "/out", options: .init(includeDrafts: true))
        #expect(!drafts.upToDate)
    }

    @Test func aHandEditRightAfterABuildIsNoticed() throws {
        try setUp()
        let out = root + "/out"
        let page = out + "/impressum/index.html", folder = out + "/kommunen/bendorf", added = folder + "/notiz.html"
        let cname = out + "/CNAME"
        // The edits follow the build at once, in the same tick of the file
        // system's clock, several times over.
        for attempt in 0..<6 {
            #expect(try Build.run(content: content, templates: templates, output: out).errorCount == 0)
            let original = try #require(FileManager.default.contents(atPath: page))
            // Same size, and the modification times put back.
            var pageInfo = stat(), folderInfo = stat()
            stat(page, &pageInfo)
            stat(folder, &folderInfo)
            try Data(original.reversed()).write(to: URL(fileURLWithPath: page))
            try "x".write(toFile: added, atomically: false, encoding: .utf8)
            // As `sitegen build && cp CNAME public/` does (every other time,
            // so the edits above are noticed without it too).
            if attempt % 2 == 1 { try "example.org".write(toFile: cname, atomically: false, encoding: .utf8) }
            var times = [pageInfo.st_atim, pageInfo.st_mtim]
            utimensat(AT_FDCWD, page, &times, 0)
            times = [folderInfo.st_atim, folderInfo.st_mtim]
            utimensat(AT_FDCWD, folder, &times, 0)

            let next = try Build.run(content: content, templates: templates, output: out)
            #expect(!next.upToDate, "attempt \(attempt)")
            #expect(FileManager.default.contents(atPath: page) == original, "attempt \(attempt)")
            #expect(!FileManager.default.fileExists(atPath: added), "attempt \(attempt)")
            #expect(!FileManager.default.fileExists(atPath: cname), "attempt \(attempt)")
        }
    }

    @Test func aNewSitegenBinaryTrustsNothingTheOldOneMade() throws {
        try setUp()
        // Two binaries of the same version: another inode and times.
        let old = BuildIdentity(binary: "2049:1000 31457280 1764486000.0 1764486000.0")
        let new = BuildIdentity(binary: "2049:1001 31457280 1764489600.0 1764489600.0")
        func build(_ identity: BuildIdentity) throws -> Build.Result {
            try Build.run(content: content, templates: templates, output: root + "/out", options: .init(), identity: identity)
        }
        _ = try build(old)
        #expect(try build(old).upToDate)
        // Every document decoded and every page rendered again, silently:
        // a cache of another program is not a damaged one.
        let rebuilt = try build(new)
        #expect(!rebuilt.upToDate)
        #expect(rebuilt.kept.isEmpty)
        #expect(rebuilt.retained.compactMap { $0 as? DecodeCache }.first?.lastReused == 0)
        #expect(rebuilt.notes.isEmpty)
        #expect(try build(new).upToDate)
        // After an edit, too, the traces of the other binary's build are not used.
        try write(
            "content/kommunen/bendorf.md", try #require(Fixture.baseFiles["kommunen/bendorf.md"]).replacingOccurrences(of: "16900", with: "17001"))
        #expect(try build(old).kept.isEmpty)
    }
}
