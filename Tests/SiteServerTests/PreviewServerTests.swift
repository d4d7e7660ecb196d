import Foundation
import SiteKit
import TestSupport
import Testing
@testable import SiteServer

/// `sitegen serve` end to end on a loopback port: pages with the reload
/// script, no way out of the site, and rebuilds after edits, good and bad.
@Suite(.serialized) struct PreviewServerTests {
    static let templates = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates").path

    static let profile = "---\nname: Bendorf\nart: Stadt\nbundesland: Rheinland-Pfalz\neinwohner: 16900\n---\nText.\n"

    let folder = TemporaryFolder("serve")
    var root: String { folder.path }

    func write(_ path: String, _ text: String) throws {
        let full = root + "/content/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
    }

    func makeSite() throws {
        try write("site.yaml", "titel: Testnetz\nbase_url: https://example.org/netz/\n")
        try write("handlungsfelder.yaml", "- slug: verwaltung\n  name: Digitale Verwaltung\n")
        for page in ["impressum", "datenschutz", "barrierefreiheit"] {
            try write("seiten/\(page).md", "---\ntitel: \(page.capitalized)\n---\nText.\n")
        }
        try write("kommunen/bendorf.md", Self.profile)
    }

    /// Asks until `condition` holds for a response; fails after `limit`
    /// seconds (a bound against hanging, not a speed requirement).
    func eventually(
        port: Int, _ target: String, limit: Double = 30,
        _ condition: (RawHTTP.Response) -> Bool
    ) async throws -> RawHTTP.Response {
        let deadline = Date().addingTimeInterval(limit)
        while true {
            let response = try await RawHTTP.get(port: port, target)
            if condition(response) { return response }
            guard Date() < deadline else {
                Issue.record("gave up waiting for \(target); last: \(response.status) \(response.body.prefix(300))")
                return response
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The next event that `matches`, or nil after `limit` seconds (a bound
    /// against hanging, not a speed requirement).
    func next(
        _ events: AsyncStream<PreviewServer.Event>, limit: Double = 30,
        matching matches: @escaping @Sendable (PreviewServer.Event) -> Bool
    ) async -> PreviewServer.Event? {
        await withTaskGroup(of: PreviewServer.Event?.self) { group in
            group.addTask {
                for await event in events where matches(event) { return event }
                return nil
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(limit))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    @Test func aBurstOfChangesIsOneBuild() async throws {
        try makeSite()
        let (events, report) = AsyncStream<PreviewServer.Event>.makeStream()
        // What is tested is that changes within the quiet period make one
        // build, not how short the period is: a long one keeps a busy
        // machine (the other suites run beside this one) from splitting
        // the four writes below into two builds.
        var configuration = PreviewServer.Configuration(content: root + "/content", templates: Self.templates, port: 0)
        configuration.eventQuietPeriod = .seconds(1)
        configuration.quietPeriod = .seconds(1)
        let server = PreviewServer(configuration) { report.yield($0) }
        let running = Task { try await server.run() }
        defer { running.cancel() }
        let firstBuild = await next(events) {
            if case .built = $0 { return true }
            return false
        }
        #expect(firstBuild != nil)

        // As a `git checkout` or "save all" would: several files at once.
        let news = (1...4).map { "meldungen/2021-01-0\($0)-m.md" }
        for path in news { try write(path, "---\ntitel: M\ndatum: 2021-01-01\n---\nText.\n") }
        let rebuilt = await next(events) {
            if case .built = $0 { return true }
            return false
        }
        guard case .built(let summary, _, let changes, _) = rebuilt else {
            Issue.record("no build after the changes")
            return
        }
        #expect(changes == news.map { root + "/content/" + $0 })
        #expect(summary.meldungen == 4)
    }

    @Test func servesRebuildsAndShowsErrors() async throws {
        try makeSite()
        let (events, report) = AsyncStream<PreviewServer.Event>.makeStream()
        let server = PreviewServer(.init(content: root + "/content", templates: Self.templates, port: 0)) { report.yield($0) }
        let running = Task { try await server.run() }
        defer { running.cancel() }

        var port = 0
        for await event in events {
            if case .listening(let url) = event {
                port = Int(url.split(separator: ":").last!.dropLast()) ?? 0
                break
            }
        }
        #expect(port > 0)

        let home = try await RawHTTP.get(port: port, "/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.body.contains("<script src=\"/_sitegen/live.js\" data-build="))
        #expect(try await RawHTTP.get(port: port, "/_sitegen/live.js").body.contains("EventSource"))
        // The open data, with the media types a download needs.
        let csv = try await RawHTTP.get(port: port, "/daten/kommunen.csv")
        #expect(csv.status == 200 && csv.headers["content-type"] == "text/csv; charset=utf-8")
        #expect(csv.body.hasPrefix("slug,url,name,") && csv.body.contains("\nbendorf,"))
        let geojson = try await RawHTTP.get(port: port, "/daten/kommunen.geojson")
        #expect(geojson.status == 200 && geojson.headers["content-type"] == "application/geo+json")
        #expect(try await RawHTTP.get(port: port, "/daten/").body.contains("<h1>Offene Daten</h1>"))
        // The 404 page's links point at the preview, not at the published site.
        let missing = try await RawHTTP.get(port: port, "/gibt-es-nicht/")
        #expect(missing.status == 404)
        #expect(missing.body.contains("<base href=\"http://127.0.0.1:\(port)/\">"))

        for target in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/kommunen/..%2f..%2f..%2fetc/passwd", "/.sitegen-output"] {
            let response = try await RawHTTP.get(port: port, target)
            #expect(response.status == 404, "\(target)")
            #expect(!response.body.contains("root:"), "\(target)")
        }
        let redirect = try await RawHTTP.get(port: port, "/kommunen/bendorf")
        #expect(redirect.status == 301 && redirect.headers["location"] == "/kommunen/bendorf/")
        // Doubled slashes must not turn the redirect into a link to another host.
        for target in ["//kommunen", "//kommunen?x=1", "///kommunen"] {
            let response = try await RawHTTP.get(port: port, target)
            #expect(response.status == 301, "\(target)")
            #expect(response.headers["location"]?.hasPrefix("/kommunen/") == true, "\(target)")
            #expect(response.headers["location"]?.hasPrefix("//") == false, "\(target)")
        }

        let firstBuild = try await RawHTTP.firstEvent(port: port, "/_sitegen/events")
        #expect(home.body.contains("data-build=\"\(firstBuild)\""))

        try write("kommunen/bendorf.md", Self.profile.replacingOccurrences(of: "name: Bendorf", with: "name: Bendorf am Rhein"))
        let edited = try await eventually(port: port, "/kommunen/bendorf/") { $0.body.contains("Bendorf am Rhein") }
        #expect(edited.status == 200)
        #expect(try await RawHTTP.firstEvent(port: port, "/_sitegen/events") != firstBuild)

        try write("kommunen/bendorf.md", Self.profile.replacingOccurrences(of: "einwohner:", with: "einwohnerzahl:"))
        let broken = try await eventually(port: port, "/kommunen/bendorf/") { $0.status == 500 }
        #expect(broken.body.contains("bendorf.md:5:1</code>: <strong>error</strong>: unknown key `einwohnerzahl`"))
        // Stylesheets of the last good build are still served.
        #expect(try await RawHTTP.get(port: port, "/assets/site.css").status == 200)

        try write("kommunen/bendorf.md", Self.profile)
        let fixed = try await eventually(port: port, "/kommunen/bendorf/") { $0.status == 200 }
        #expect(fixed.body.contains("Bendorf") && !fixed.body.contains("einwohnerzahl"))
    }
}
