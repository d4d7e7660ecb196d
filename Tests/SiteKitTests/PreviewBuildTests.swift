import Foundation
import TestSupport
import Testing
@testable import SiteKit

/// What the preview server relies on: a decode cache that never changes the
/// result, pages listed before they are rendered, and a reload that reads
/// only the files that changed.
@Suite struct PreviewBuildTests {
    func bytes(_ result: Build.Result) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: (result.files ?? []).map { ($0.path, $0.bytes) })
    }

    func editing(_ input: SiteInput, _ path: String, _ change: (String) -> String) -> SiteInput {
        var input = input
        let i = input.documents.firstIndex { $0.path == path }!
        input.documents[i].bytes = Array(change(String(decoding: input.documents[i].bytes, as: UTF8.self)).utf8)
        return input
    }

    @Test func aCachedBuildEqualsACleanOneAfterAnEdit() throws {
        let input = try GoldenTests.exampleSite()
        let cache = DecodeCache()
        _ = Build.render(input, cache: cache)
        #expect(cache.lastReused == 0)

        let edited = editing(input, "kommunen/bendorf.md") { $0.replacingOccurrences(of: "Bendorf", with: "Bendorf am Rhein") }
        let cached = Build.render(edited, cache: cache)
        let documents = edited.documents.filter { $0.path.hasSuffix(".md") }.count
        #expect(cache.lastReused == documents - 1)
        #expect(bytes(cached) == bytes(Build.render(edited)))
        #expect(bytes(cached) != bytes(Build.render(input)))
    }

    @Test func theCacheIsNotUsedWhenRawHTMLIsSwitched() throws {
        let input = try GoldenTests.exampleSite()
        let cache = DecodeCache()
        _ = Build.render(input, cache: cache)
        let switched = editing(input, "site.yaml") { $0.replacingOccurrences(of: "html: false", with: "html: true") }
        let cached = Build.render(switched, cache: cache)
        #expect(cache.lastReused == 0)
        #expect(bytes(cached) == bytes(Build.render(switched)))
    }

    @Test func aDecodeErrorIsReportedAgainFromTheCache() throws {
        let input = editing(try GoldenTests.exampleSite(), "kommunen/bendorf.md") { $0.replacingOccurrences(of: "art:", with: "arr:") }
        let cache = DecodeCache()
        let first = Build.render(input, cache: cache)
        let second = Build.render(input, cache: cache)
        #expect(first.errorCount > 0)
        #expect(second.diagnostics.map(\.formatted) == first.diagnostics.map(\.formatted))
    }

    @Test func everyPageIsListedUnderThePathItIsPlannedFor() throws {
        let answers = try #require(Build.plan(try GoldenTests.exampleSite()).answers)
        for page in SiteRenderer.pages(answers) {
            let (plan, _) = page.plan()
            #expect(page.path == (plan.path.hasSuffix(".html") ? plan.path : plan.path + "index.html"))
        }
    }

    @Test func aPlanRendersTheSameFilesAsABuild() throws {
        let input = try GoldenTests.exampleSite()
        let jobs = try #require(Build.plan(input).jobs)
        let rendered = Dictionary(uniqueKeysWithValues: jobs.map { ($0.path, $0.render().bytes) })
        #expect(rendered == bytes(Build.render(input)))
    }

    @Test func aReloadReadsOnlyTheChangedFiles() throws {
        let folder = TemporaryFolder("reload")
        var root: String { folder.path }
        for (path, text) in Fixture.baseFiles {
            let full = root + "/content/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: root + "/templates", withIntermediateDirectories: true)
        let loader = DiskLoader(contentDirectory: root + "/content", templatesDirectory: root + "/templates")
        let first = try loader.load()
        let path = try #require(first.documents.first { $0.path.hasPrefix("kommunen/") }?.path)
        let other = try #require(first.documents.first { $0.path.hasPrefix("seiten/") }?.path)
        try "changed".write(toFile: root + "/content/" + path, atomically: true, encoding: .utf8)
        // Changed on disk but not reported: the reload keeps what it had.
        try "not reported".write(toFile: root + "/content/" + other, atomically: true, encoding: .utf8)

        let again = try loader.load(reusing: first, changed: [root + "/content/" + path])
        #expect(again.documents.first { $0.path == path }?.bytes == Array("changed".utf8))
        #expect(again.documents.first { $0.path == other }?.bytes == first.documents.first { $0.path == other }?.bytes)

        // A new file is found by walking the folders again.
        try "---\ntitel: Neu\n---\n".write(toFile: root + "/content/seiten/neu.md", atomically: true, encoding: .utf8)
        let withNew = try loader.load(reusing: again, changed: [root + "/content/seiten/neu.md"])
        #expect(withNew.documents.contains { $0.path == "seiten/neu.md" })
        #expect(withNew.documents.count == first.documents.count + 1)
    }
}
