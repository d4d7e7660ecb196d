import Foundation
import Testing
@testable import SiteKit

/// Replays every input the fuzzer (`make fuzz`, scripts/fuzz.sh) found, kept
/// in FuzzRegressions/: each must build without a crash, in bounded time,
/// and report every problem at a place in the file.
@Suite struct FuzzRegressionTests {
    static let directory = Fixture.repoRoot.appendingPathComponent("Tests/SiteKitTests/FuzzRegressions")

    static let inputs: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()

    @Test(arguments: inputs) func replays(_ name: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: Self.directory.appendingPathComponent(name).path))
        let clock = ContinuousClock()
        var result: Build.Result?
        let elapsed = clock.measure {
            result = Build.render(FuzzSite.input(Array(bytes), templates: Fixture.templates), options: .init(useCache: false))
        }
        // The fuzzer's limit is 5 s for a release build; a debug build is
        // slower.
        #expect(elapsed < .seconds(20), "\(name) took \(elapsed)")
        for diagnostic in result?.diagnostics ?? [] {
            #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "\(diagnostic.formatted)")
            #expect(!diagnostic.message.isEmpty)
        }
        if result?.errorCount == 0 { #expect(result?.files?.isEmpty == false) }
    }

    /// The fuzz site is valid as it is, for every kind of file: inputs
    /// reach the rendering, not only the checks.
    @Test func theFuzzSiteBuilds() {
        let files: [(String, String)] = [
            (
                "kommunen",
                "---\nname: Fuzz\nart: Stadt\nbundesland: Rheinland-Pfalz\n---\n[K](../kommunen/mayen-koblenz.md#kreistag) ![B](../medien/bild.jpg)\n"
            ),
            ("meldungen", "---\ntitel: Fuzz\ndatum: 2024-05-14\n---\n[B](../kommunen/bendorf.md#schulen) ![B](../medien/bild.jpg)\n"),
            (
                "kaffeerunden",
                "---\ntitel: Fuzz\ndatum: 2024-05-14\n---\n[E](../kaffeerunden/2021-01-eltville.md#ergebnisse) ![B](../medien/bild.jpg)\n"
            ),
            ("seiten", "---\ntitel: Fuzz\n---\n## Teil\n\n[T](#teil) ![B](../medien/bild.jpg)\n"),
        ]
        for (folder, text) in files {
            for html: UInt8 in [0, 4] {
                let selector = FuzzSite.selector(forFolder: folder)! | html
                let result = Build.render(FuzzSite.input([selector] + Array(text.utf8), templates: Fixture.templates))
                #expect(result.diagnostics.map(\.formatted) == [], "\(folder)")
                #expect(result.files?.contains { $0.path.contains("fuzz") } == true, "\(folder)")
            }
        }
    }
}
