import Foundation
import Testing
@testable import SiteKit

/// `check --format gitlab` (GitLab Code Quality) and `--format sarif`
/// (SARIF 2.1.0), from a fixture site with real mistakes.
@Suite struct CodeScanningReportTests {
    static let broken: [String: String?] = [
        "kommunen/test.md":
            "---\nname: Test\nart: Gemeinde\nbundesland: Hessen\neinwohnerzahl: 5\n---\n# Titel\n\n![](../medien/a.png) ![](../medien/a.png)\n",
        "meldungen/m.md": "---\ntitel: M\ndatum: 2023-02-30\n---\nText\n",
    ]

    func diagnostics(_ changes: [String: String?]) -> [Diagnostic] {
        Build.render(Fixture.input(changes, media: ["medien/a.png"])).diagnostics
    }

    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func gitlabHasTheFieldsGitLabDocuments() throws {
        let found = diagnostics(Self.broken)
        let items = try #require(try json(CodeQualityReport.json(found)) as? [[String: Any]])
        #expect(items.count == found.count && found.count == 5)
        for (item, d) in zip(items, found) {
            #expect(Set(item.keys) == ["description", "check_name", "fingerprint", "severity", "location"])
            #expect(item["check_name"] as? String == d.code)
            #expect(item["description"] as? String == d.message + (d.hint.map { " (\($0))" } ?? ""))
            #expect(item["severity"] as? String == (d.severity == .error ? "major" : "minor"))
            let location = try #require(item["location"] as? [String: Any])
            #expect(location["path"] as? String == d.location.path)
            #expect((location["lines"] as? [String: Any])?["begin"] as? Int == d.location.line)
            #expect((item["fingerprint"] as? String)?.count == 32)
        }
        #expect(
            items.map { $0["check_name"] as? String } == [
                "unknown-key", "heading-level-one", "image-without-alt", "image-without-alt", "no-such-day",
            ])
        // Two identical problems in one file still have fingerprints of their own.
        #expect(Set(items.compactMap { $0["fingerprint"] as? String }).count == items.count)
    }

    @Test func gitlabSpeaksTheChosenLanguage() throws {
        let items = try #require(try json(CodeQualityReport.json(diagnostics(Self.broken), language: .de)) as? [[String: Any]])
        #expect(items.first?["description"] as? String == "Unbekannter Schlüssel `einwohnerzahl` im Kopf eines Profils (meinten Sie `einwohner`?)")
    }

    /// Lines added above a problem move it; GitLab must still see the same problem.
    @Test func fingerprintsStayWhenLinesMove() throws {
        var moved = Self.broken
        moved["kommunen/test.md"] = moved["kommunen/test.md"]!!.replacingOccurrences(of: "art: Gemeinde\n", with: "# Kommentar\n\nart: Gemeinde\n")
            .replacingOccurrences(of: "# Titel\n", with: "Mehr Text davor.\n\n# Titel\n")
        moved["meldungen/m.md"] = "---\n# neu\ntitel: M\ndatum: 2023-02-30\n---\nText\n"
        let before = try #require(try json(CodeQualityReport.json(diagnostics(Self.broken))) as? [[String: Any]])
        let after = try #require(try json(CodeQualityReport.json(diagnostics(moved))) as? [[String: Any]])
        #expect(
            before.map { ($0["location"] as? [String: Any])?["lines"] as? [String: Int] }
                != after.map { ($0["location"] as? [String: Any])?["lines"] as? [String: Int] })
        #expect(before.map { $0["fingerprint"] as? String } == after.map { $0["fingerprint"] as? String })
        // A different value is a different problem.
        var other = Self.broken
        other["meldungen/m.md"] = "---\ntitel: M\ndatum: 2023-02-31\n---\nText\n"
        let changed = try #require(try json(CodeQualityReport.json(diagnostics(other))) as? [[String: Any]])
        #expect(changed.last?["fingerprint"] as? String != before.last?["fingerprint"] as? String)
    }

    @Test func sarifIsOneRunWithRulesAndResults() throws {
        let found = diagnostics(Self.broken)
        let text = SARIFReport.json(found)
        #expect(text == SARIFReport.json(found))
        let log = try #require(try json(text) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "sitegen")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == ["heading-level-one", "image-without-alt", "no-such-day", "unknown-key"])
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == found.count)
        for (result, d) in zip(results, found) {
            #expect(result["ruleId"] as? String == d.code)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == d.code)
            #expect(result["level"] as? String == (d.severity == .error ? "error" : "warning"))
            #expect((result["message"] as? [String: Any])?["text"] as? String == d.message + (d.hint.map { " (\($0))" } ?? ""))
            let physical = try #require(((result["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
            #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == d.location.path)
            let region = try #require(physical["region"] as? [String: Any])
            #expect(region["startLine"] as? Int == d.location.line && region["startColumn"] as? Int == d.location.column)
        }
    }

    @Test func sarifURIsAreEncodedPaths() {
        #expect(SARIFReport.uri("content/kommunen/Weißenthurm.md") == "content/kommunen/Wei%C3%9Fenthurm.md")
        #expect(SARIFReport.uri("content/medien/a b#c.png") == "content/medien/a%20b%23c.png")
    }

    @Test func emptyReportsAreValidToo() throws {
        #expect(CodeQualityReport.json([]).trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        let log = try #require(try json(SARIFReport.json([])) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [Any])?.isEmpty == true)
    }
}
