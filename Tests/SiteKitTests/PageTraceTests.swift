import Foundation
import TestSupport
import Testing
@testable import SiteKit

/// A rebuild renders only the pages whose trace no longer holds. Every
/// edit below is followed by a rebuild into the same output and a clean
/// build; both must be byte-identical, and the rebuild must have rendered
/// exactly the pages the edit can change.
@Suite struct PageTraceTests {
    let folder = TemporaryFolder("traces")
    var root: String { folder.path }
    var content: String { root + "/content" }
    var templates: String { root + "/templates" }
    var output: String { root + "/out" }

    init() throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        try fm.copyItem(atPath: Fixture.repoRoot.appendingPathComponent("content").path, toPath: content)
        try fm.copyItem(atPath: Fixture.repoRoot.appendingPathComponent("templates").path, toPath: templates)
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        let full = content + "/" + path
        let text = try String(contentsOfFile: full, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit of \(path) changed nothing")
        try changed.write(toFile: full, atomically: true, encoding: .utf8)
    }

    func files(_ dir: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for entry in FileWalk.entries(below: dir) where !entry.isDirectory && entry.path != OutputWriter.marker {
            result[entry.path] = FileManager.default.contents(atPath: dir + "/" + entry.path)
        }
        return result
    }

    /// Rebuilds, compares with a clean build, and returns the pages rendered
    /// again (HTML only: the feed and sitemap are always made, and so are the
    /// `daten/` page, whose file sizes follow every edit, and the search page
    /// with its index, made from the model by every build).
    @discardableResult
    func rebuild(_ step: String) throws -> Set<String> {
        let result = try Build.run(content: content, templates: templates, output: output)
        #expect(result.errorCount == 0, "\(step): \(result.diagnostics.map(\.formatted))")
        let clean = root + "/clean-\(UUID().uuidString)"
        _ = try Build.run(content: content, templates: templates, output: clean, options: .init(useCache: false))
        let built = files(output), expected = files(clean)
        let differing = Set(built.keys).union(expected.keys).filter { built[$0] != expected[$0] }.sorted()
        #expect(differing.isEmpty, "\(step): the rebuild differs from a clean build in \(differing)")
        return Set(
            (result.files ?? []).map(\.path).filter {
                $0.hasSuffix(".html") && $0 != OpenData.folder + "index.html" && $0 != SiteSearch.page + "index.html"
            })
    }

    @Test func aChangedTextRendersOnlyItsPage() throws {
        try rebuild("first build")
        try edit("kommunen/bendorf.md") { $0 + "\nEin weiterer Absatz.\n" }
        #expect(try rebuild("text of a profile") == ["kommunen/bendorf/index.html"])
        try edit("kaffeerunden/2021-01-eltville-nachhaltigkeit.md") { $0 + "\nNachtrag.\n" }
        #expect(try rebuild("text of a report") == ["kaffeerunden/2021-01-eltville-nachhaltigkeit/index.html"])
    }

    @Test func aChangedSummaryRendersEveryPageThatShowsIt() throws {
        try rebuild("first build")
        try edit("kommunen/bendorf.md") { $0.replacingOccurrences(of: "einwohner: 16900", with: "einwohner: 17001") }
        let rendered = try rebuild("Einwohner of a profile")
        // The profile, its Kreis (members), the list, its Handlungsfelder.
        #expect(rendered.contains("kommunen/bendorf/index.html"))
        #expect(rendered.contains("kommunen/mayen-koblenz/index.html"))
        #expect(rendered.contains("kommunen/index.html"))
        #expect(rendered.contains("handlungsfelder/verwaltung/index.html"))
        #expect(!rendered.contains("kommunen/eltville/index.html"))
        #expect(!rendered.contains("seiten/impressum/index.html") && !rendered.contains("impressum/index.html"))
    }

    @Test func everyKindOfEditGivesWhatACleanBuildGives() throws {
        try rebuild("first build")
        try edit("kommunen/bendorf.md") { $0.replacingOccurrences(of: "name: Bendorf", with: "name: Bendorf am Rhein") }
        try rebuild("renamed profile")
        try edit("kommunen/bendorf.md") { $0.replacingOccurrences(of: "mitglied_seit: 2020-11\n", with: "") }
        try rebuild("profile leaves the network")
        try edit("kommunen/bendorf.md") { $0.replacingOccurrences(of: "kreis: mayen-koblenz\n", with: "") }
        try rebuild("profile leaves its Kreis")
        try edit("kommunen/bendorf.md") { $0.replacingOccurrences(of: "status: geplant", with: "status: laufend") }
        try rebuild("project status")
        try edit("kaffeerunden/2021-01-eltville-nachhaltigkeit.md") {
            $0.replacingOccurrences(of: "datum: 2021-01-28", with: "datum: 2021-03-28")
        }
        try rebuild("report moved after the other one")
        try edit("meldungen/2021-02-10-weissenthurm-neues-mitglied.md") {
            $0.replacingOccurrences(of: "kommunen: [weissenthurm]", with: "kommunen: [weissenthurm, bendorf]")
        }
        try rebuild("news mentions one more profile")
        try "---\ntitel: Noch eine Runde\ndatum: 2021-02-01\nreihe: Digitale Kaffeerunde\nkommunen: [hennef]\n---\nText.\n"
            .write(toFile: content + "/kaffeerunden/2021-02-01-neu.md", atomically: true, encoding: .utf8)
        try rebuild("added report between two")
        try FileManager.default.removeItem(atPath: content + "/kaffeerunden/2021-02-01-neu.md")
        try rebuild("removed report")
        try edit("seiten/impressum.md") { $0.replacingOccurrences(of: "titel: Impressum", with: "titel: Impressum und Kontakt") }
        try rebuild("footer page title")
        try edit("seiten/impressum.md") { $0 + "\nNoch ein Satz.\n" }
        #expect(try rebuild("footer page text").count == 1)
        try edit("handlungsfelder.yaml") { $0.replacingOccurrences(of: "name: Digitale Verwaltung", with: "name: Verwaltung digital") }
        try rebuild("Handlungsfeld renamed")
        try edit("site.yaml") { $0 + "\n" }
        try rebuild("settings file")
        let kommune = try String(contentsOfFile: templates + "/kommune.mustache", encoding: .utf8)
        try (kommune + "\n").write(toFile: templates + "/kommune.mustache", atomically: true, encoding: .utf8)
        try rebuild("template")
    }

    @Test func aHandEditedOutputIsNotTrusted() throws {
        try rebuild("first build")
        let page = output + "/kommunen/eltville/index.html"
        try "kaputt".write(toFile: page, atomically: false, encoding: .utf8)
        try edit("kommunen/bendorf.md") { $0 + "\nEin weiterer Absatz.\n" }
        try rebuild("text edit after a hand edit elsewhere")
    }

    @Test func tracesSurviveTheirStore() throws {
        let digest = ContentHash.Digest(a: 1, b: 2)
        let reads: [PageTrace.Read] = [
            .document(.kommune, "bendorf"), .summary(.seite, "impressum"), .summaries(.meldung), .erwaehntIn("bendorf"),
            .mitglieder("mayen-koblenz"), .feld("verwaltung"), .neighbours("2021-01-x"), .footer,
            .feldLand("verwaltung", .thueringen),
        ]
        let stored = PageTraceStore(
            build: "abc", global: digest, reads: reads.map { ($0, digest) },
            pages: ["kommunen/bendorf/index.html": Array(reads.indices), "index.html": [7, 2]])
        var writer = BinaryWriter()
        stored.encode(into: &writer)
        let decoded = try writer.bytes.withUnsafeBytes { raw in
            var reader = BinaryReader(raw)
            return try PageTraceStore.decode(&reader)
        }
        #expect(decoded == stored)
        // A damaged store is no store.
        let damaged = Array(writer.bytes.dropLast(3))
        #expect(throws: BinaryReader.Malformed.self) {
            try damaged.withUnsafeBytes { raw in
                var reader = BinaryReader(raw)
                return try PageTraceStore.decode(&reader)
            }
        }
    }

    /// Pages share reads: the store keeps each once, and a page's trace
    /// comes back in the order its view made the reads.
    @Test func sharedReadsAreStoredOnce() throws {
        let answers = try #require(
            Build.plan(try GoldenTests.exampleSite(), options: .init(), cache: Self.cacheWithDigests(), tracing: .current).answers)
        var traces: [String: PageTrace] = [:]
        for page in SiteRenderer.pages(answers) { traces[page.path] = page.plan().1 }
        let store = PageTraceStore(build: "x", traces: traces, answers: answers)
        #expect(store.reads.count == Set(traces.values.flatMap(\.reads)).count)
        #expect(store.reads.count < traces.values.map(\.reads.count).reduce(0, +))
        let check = try #require(store.check(in: answers))
        func reads(_ store: PageTraceStore, _ path: String) -> [PageTrace.Read]? { store.pages[path]?.map { store.reads[$0].read } }
        for (path, expected) in traces {
            #expect(check.holds(path), "\(path)")
            #expect(reads(store, path) == expected.reads, "\(path)")
        }
        // The next build's store: one page rendered with a read no page made
        // before, one page gone, the rest kept.
        var rendered = try #require(traces["kommunen/bendorf/index.html"])
        rendered.reads.append(.erwaehntIn("gibt-es-nicht"))
        let kept = traces.keys.filter { $0 != "kommunen/bendorf/index.html" && $0 != "impressum/index.html" }
        let next = check.updated(build: "y", rendered: ["kommunen/bendorf/index.html": rendered], kept: kept, answers: answers)
        #expect(Set(next.pages.keys) == Set(kept + ["kommunen/bendorf/index.html"]))
        #expect(reads(next, "kommunen/bendorf/index.html") == rendered.reads)
        for path in kept { #expect(reads(next, path) == (try #require(traces[path])).reads, "\(path)") }
        #expect(next.reads.allSatisfy { answers.digest(of: $0.read) == $0.digest })
    }

    /// A decode cache that knows every example document's digest, as a
    /// build from disk has them.
    static func cacheWithDigests() throws -> DecodeCache {
        let cache = DecodeCache()
        cache.digests = BuildStamp.documentDigests(try GoldenTests.exampleSite())
        return cache
    }
}
