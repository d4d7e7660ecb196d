import Foundation
import Testing
@testable import SiteKit

@Suite struct DiagnosticFormatterTests {
    let error = Diagnostic(
        .error, at: SourceLocation(path: "content/kommunen/a,b.md", line: 5, column: 1),
        Message(.unknownKey, ["key": "einwohnerzahl", "where": .within(Message(.placeFrontMatterKommune))]), hint: .didYouMean("einwohner"))
    let warning = Diagnostic(.warning, at: SourceLocation(path: "content/x.txt"), Message(.notContent))

    @Test func textIsTheCompilerFormat() {
        #expect(
            DiagnosticFormatter.text(error)
                == "content/kommunen/a,b.md:5:1: error: unknown key `einwohnerzahl` in the front matter of a Kommune (did you mean `einwohner`?)")
    }

    @Test func colourMarksOnlyTheSeverity() {
        let coloured = DiagnosticFormatter.text(error, colour: true)
        #expect(
            coloured
                == "content/kommunen/a,b.md:5:1: \u{1B}[1;31merror\u{1B}[0m: unknown key `einwohnerzahl` in the front matter of a Kommune (did you mean `einwohner`?)"
        )
        #expect(DiagnosticFormatter.text(warning, colour: true).contains("\u{1B}[1;33mwarning\u{1B}[0m: not part"))
    }

    @Test func githubWorkflowCommandsAreEscaped() {
        #expect(
            DiagnosticFormatter.github(error)
                == "::error file=content/kommunen/a%2Cb.md,line=5,col=1::unknown key `einwohnerzahl` in the front matter of a Kommune (did you mean `einwohner`?)"
        )
        #expect(DiagnosticFormatter.github(warning) == "::warning file=content/x.txt,line=1,col=1::not part of the content format; ignored")
        let tricky = Diagnostic(.error, at: SourceLocation(path: "c:d.md"), Message(.loadFailed, ["problem": "100% falsch\nzweite Zeile\r"]))
        #expect(DiagnosticFormatter.github(tricky) == "::error file=c%3Ad.md,line=1,col=1::100%25 falsch%0Azweite Zeile%0D")
    }

    @Test func jsonHasCountsAndEveryField() throws {
        let text = DiagnosticFormatter.json([error, warning])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 1 && object["warnings"] as? Int == 1)
        let items = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items[0]["file"] as? String == "content/kommunen/a,b.md")
        #expect(items[0]["line"] as? Int == 5 && items[0]["column"] as? Int == 1)
        #expect(items[0]["severity"] as? String == "error")
        #expect(items[0]["hint"] as? String == "did you mean `einwohner`?")
        #expect(items[1]["hint"] == nil)
        let empty = try #require(try JSONSerialization.jsonObject(with: Data(DiagnosticFormatter.json([]).utf8)) as? [String: Any])
        #expect((empty["diagnostics"] as? [Any])?.isEmpty == true)
    }
}

@Suite struct ColourPolicyTests {
    @Test func onlyOnATerminalWithoutNoColor() {
        #expect(ColourPolicy.enabled(isTerminal: true, environment: ["TERM": "xterm-256color"]))
        #expect(!ColourPolicy.enabled(isTerminal: false, environment: [:]))
        #expect(!ColourPolicy.enabled(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(!ColourPolicy.enabled(isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(!ColourPolicy.enabled(isTerminal: true, environment: ["TERM": "dumb"]))
    }
}

@Suite struct BuildSummaryTests {
    @Test func countsPagesPerKind() throws {
        let result = Fixture.render(["meldungen/m.md": "---\ntitel: M\ndatum: 2021-01-20\n---\nText\n"], media: ["medien/a.pdf"])
        let summary = BuildSummary(result)
        #expect(summary.kommunen == 2 && summary.meldungen == 1 && summary.kaffeerunden == 0 && summary.seiten == 3)
        #expect(summary.handlungsfelder == 2 && summary.filesCopied == 1 && summary.warnings == 0)
        // Home, the three lists, the Handlungsfelder index, 404, the members,
        // the one Land with Kommunen, the open data (daten/), the figures (statistik/) and the search (suche/).
        #expect(summary.overviews == 11)
        let files = try #require(result.files)
        #expect(summary.pages == files.filter { $0.path.hasSuffix(".html") }.count)
        #expect(
            summary.line(output: "public", seconds: 0.5)
                == "sitegen: built 19 pages (2 Kommunen, 0 Kaffeerunden, 1 Meldung, 3 Seiten, 2 Handlungsfelder, 11 overviews) and copied 1 file to public in 0.50 s"
        )
    }

    @Test func namesWarningsOnlyWhenThereAreAny() {
        var input = Fixture.input()
        input.diagnostics.warning(SourceLocation(path: "content/notiz.txt"), .notContent)
        let summary = BuildSummary(Build.render(input))
        #expect(summary.warnings == 1)
        #expect(summary.line(output: "public", seconds: 1).hasSuffix(", 1 warning"))
        #expect(!BuildSummary(Fixture.render()).line(output: "public", seconds: 1).contains("warning"))
    }
}
