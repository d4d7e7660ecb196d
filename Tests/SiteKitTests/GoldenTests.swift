import Foundation
import Testing
@testable import SiteKit

/// The example site in `content/`, rendered with the default theme, must
/// match the files in `Golden/`. After an intended change, record them with
/// `UPDATE_GOLDEN=1 swift test --filter GoldenTests` (the run fails for every
/// file it records), review the diff, and run the tests again.
@Suite struct GoldenTests {
    static let pages = [
        "index.html", "kommunen/index.html", "kommunen/bendorf/index.html", "kommunen/mayen-koblenz/index.html",
        "kaffeerunden/index.html", "kaffeerunden/2021-01-eltville-nachhaltigkeit/index.html",
        "meldungen/2021-03-12-hennef-digitalisierungskonzept/index.html", "handlungsfelder/index.html",
        "handlungsfelder/verwaltung/index.html", "impressum/index.html", "404.html",
        "laender/rheinland-pfalz/index.html", "mitglieder/index.html", "statistik/index.html",
        "feed.xml", "sitemap.xml", "robots.txt",
        "daten/index.html", "daten/kommunen.csv", "daten/datapackage.json",
    ]
    static let goldenDir = Fixture.repoRoot.appendingPathComponent("Tests/SiteKitTests/Golden")

    static func exampleSite() throws -> SiteInput {
        try DiskLoader(
            contentDirectory: Fixture.repoRoot.appendingPathComponent("content").path,
            templatesDirectory: Fixture.repoRoot.appendingPathComponent("templates").path
        ).load()
    }

    @Test(arguments: pages)
    func pageMatchesGolden(_ path: String) throws {
        let result = Build.render(try Self.exampleSite())
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        let rendered = try #require(Fixture.page(result, path), "no page \(path)")
        let golden = Self.goldenDir.appendingPathComponent(Self.goldenName(path))
        let expected = try? String(contentsOf: golden, encoding: .utf8)
        if rendered == expected { return }
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            // Recorded, and still a failure: a run that changes golden files
            // must never pass, or a CI with the variable set would accept anything.
            try FileManager.default.createDirectory(at: Self.goldenDir, withIntermediateDirectories: true)
            try rendered.write(to: golden, atomically: true, encoding: .utf8)
            Issue.record(
                "recorded \(golden.lastPathComponent); review `git diff Tests/SiteKitTests/Golden` and run the tests again without UPDATE_GOLDEN")
            return
        }
        guard let expected else {
            Issue.record("no golden file \(golden.lastPathComponent); record it with UPDATE_GOLDEN=1 swift test --filter GoldenTests")
            return
        }
        Issue.record("\(path) differs from \(golden.lastPathComponent):\n\(Self.lineDiff(expected: expected, actual: rendered))")
    }

    /// Every file in `Golden/` belongs to a page above: a golden file no
    /// test reads would pass unnoticed while the page it once showed changed.
    @Test func everyGoldenFileIsRead() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.goldenDir.path).filter { !$0.hasPrefix(".") }
        let read = Set(Self.pages.map(Self.goldenName))
        #expect(files.filter { !read.contains($0) }.sorted() == [], "golden files that no test reads; remove them or add their pages")
    }

    static func goldenName(_ path: String) -> String { path.replacingOccurrences(of: "/", with: "__") }

    /// The lines that differ, with line numbers, at most `limit` of them: a
    /// page is a few hundred lines, and the changed ones are what a
    /// reviewer needs to see.
    static func lineDiff(expected: String, actual: String, limit: Int = 12) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for i in 0..<max(old.count, new.count) where lines.count < 2 * limit {
            let a = i < old.count ? old[i] : nil, b = i < new.count ? new[i] : nil
            guard a != b else { continue }
            if let a { lines.append("\(i + 1) - \(a)") }
            if let b { lines.append("\(i + 1) + \(b)") }
        }
        return lines.joined(separator: "\n")
    }

    @Test func exampleSiteHasEveryPageLinkedBothWays() throws {
        let result = Build.render(try Self.exampleSite())
        let model = try #require(result.model)
        let paths = Set(try #require(result.files).map(\.path))
        for k in model.kommunen { #expect(paths.contains("kommunen/\(k.slug)/index.html")) }
        for r in model.kaffeerunden { #expect(paths.contains("kaffeerunden/\(r.slug)/index.html")) }
        for m in model.meldungen { #expect(paths.contains("meldungen/\(m.slug)/index.html")) }
        // Reports link to their speakers' profiles, and those profiles link back.
        for r in model.kaffeerunden {
            let report = try #require(Fixture.page(result, "kaffeerunden/\(r.slug)/index.html"))
            for slug in r.impulse.compactMap(\.kommune?.slug) {
                #expect(report.contains("href=\"../../kommunen/\(slug)/\""))
                #expect(try #require(Fixture.page(result, "kommunen/\(slug)/index.html")).contains("href=\"../../kaffeerunden/\(r.slug)/\""))
            }
        }
        #expect(model.kreisMitglieder["mayen-koblenz"]?.count == 2)
    }
}

@Suite struct DeterminismTests {
    @Test func sameInputSameBytes() throws {
        var input = try GoldenTests.exampleSite()
        let first = try #require(Build.render(input).files)
        input.documents.reverse()
        input.media.reverse()
        let second = try #require(Build.render(input).files)
        #expect(first.map(\.path) == second.map(\.path))
        for (a, b) in zip(first, second) { #expect(a.bytes == b.bytes, "\(a.path) differs between runs") }
    }
}

@Suite struct ParallelMarkdownTests {
    /// cmark-gfm keeps extension state in globals; parsing many bodies in
    /// parallel must still apply strikethrough and autolinks to every one.
    @Test func extensionsSurviveParallelParsing() throws {
        var changes: [String: String?] = [:]
        for i in 0..<300 {
            changes["meldungen/m\(i).md"] =
                "---\ntitel: M\(i)\ndatum: 2021-01-20\n---\nVorher ~~alt~~ und www.example.org/\(i) und https://example.org/x\(i).\n"
        }
        let result = Fixture.render(changes)
        #expect(result.errorCount == 0)
        for i in 0..<300 {
            let html = try #require(Fixture.page(result, "meldungen/m\(i)/index.html"))
            #expect(html.contains("<del>alt</del>"), "m\(i): strikethrough lost")
            #expect(html.contains("<a href=\"http://www.example.org/\(i)\">"), "m\(i): autolink lost")
            #expect(html.contains("<a href=\"https://example.org/x\(i)\">"), "m\(i): autolink lost")
        }
    }
}
