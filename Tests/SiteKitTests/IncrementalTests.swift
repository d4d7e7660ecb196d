import Foundation
import Testing
@testable import SiteKit

/// Rebuilding into an existing output must give exactly what a clean build
/// gives, after every kind of change, and skip all work when nothing changed.
@Suite struct IncrementalTests {
    let root = NSTemporaryDirectory() + "sitegen-incremental-\(UUID().uuidString)"
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
        try write("content/kommunen/bendorf.md", Fixture.baseFiles["kommunen/bendorf.md"]!.replacingOccurrences(of: "16900", with: "17001"))
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
        let sameSize = String(decoding: original!, as: UTF8.self).replacingOccurrences(of: "<h1>", with: "<h2>")
        try sameSize.write(toFile: page, atomically: false, encoding: .utf8)
        #expect(try !Build.run(content: content, templates: templates, output: root + "/out").upToDate)
        #expect(FileManager.default.contents(atPath: page) == original)
        // Other options are another build.
        let drafts = try Build.run(content: content, templates: templates, output: root + "/out", options: .init(includeDrafts: true))
        #expect(!drafts.upToDate)
    }
}
