import Foundation
import Testing
@testable import SiteKit

/// Bodies of shapes that took minutes or gigabytes: each is built at a size
/// where the quadratic code took many times the bound (measured in a debug
/// build, which these tests run in), and each checks what the body gives
/// besides the time. The bounds are generous for a loaded machine; the old
/// code missed them by a factor of ten or more.
@Suite struct PathologicalTests {
    static func render(_ markdown: String, path: String = "meldungen/m.md") -> (RenderedBody, [Diagnostic], Double) {
        let body = MarkdownBody(
            contentPath: path, displayPath: "content/" + path, firstLine: 5,
            pagePath: "meldungen/m/", allowHTML: false)
        var diagnostics = Diagnostics()
        let clock = ContinuousClock()
        var rendered = RenderedBody.empty
        let elapsed = clock.measure { rendered = body.render(markdown, diagnostics: &diagnostics) }
        return (rendered, diagnostics.all, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// Item 13: the column of each link was counted from the start of its
    /// line, so a line of links took quadratic time (20,000: 27 s).
    @Test func linksInOneLineTakeLinearTime() {
        let count = 20_000
        let markdown = String(repeating: "[ä](https://example.org/) ", count: count) + "[x](#fehlt)"
        let (body, diagnostics, seconds) = Self.render(markdown)
        #expect(seconds < 3, "\(count) links in one line took \(seconds) s")
        #expect(body.links.count == 1)
        // The columns still count characters: 26 per link, `ä` being one.
        #expect(diagnostics.isEmpty)
        #expect(body.links.first?.location == Loc(path: "content/meldungen/m.md", line: 5, column: 26 * count + 1))
    }

    @Test func columnsOfLinks() {
        // Umlauts and a combining mark are one column each; a footnote's
        // definition comes last in the tree but first in the text.
        let markdown =
            "[^n]: [a](#a) [b](#b)\n\nÖÖ [c](#c) e\u{0301}[d](#d)\n" + String(repeating: "x", count: 50)
            + "\n[e](#e) Ü[^n] [f](#f)"
        let (body, _, _) = Self.render(markdown)
        let places = body.links.map { "\($0.location.line):\($0.location.column)" }
        #expect(places.sorted() == ["5:15", "5:7", "7:13", "7:4", "9:1", "9:15"])
        #expect(places == ["7:4", "7:13", "9:1", "9:15", "5:7", "5:15"])
    }

    /// Item 14: each image's alt text was found by walking its subtree, so
    /// nested images walked the inner ones once per level (240 KB: 23 s).
    @Test func nestedImagesTakeLinearTime() {
        let depth = 20_000
        let markdown = String(repeating: "![", count: depth) + "x" + String(repeating: "](y)", count: depth)
        let (_, diagnostics, seconds) = Self.render(markdown)
        #expect(seconds < 3, "\(depth) nested images took \(seconds) s")
        #expect(diagnostics.filter { $0.message.contains("alt text") }.isEmpty)
    }

    @Test func altTextOfNestedImages() {
        func missing(_ markdown: String) -> [Int] {
            Self.render(markdown).1.filter { $0.message == "image has no alt text" }.map(\.location.column)
        }
        #expect(missing("![![x](y)](z)").isEmpty)
        #expect(missing("![![ ](y)](z)") == [1, 3])
        #expect(missing("![a ![](y)](z)") == [5])
        #expect(missing("![![](y) a](z) ![](w) ![`c`](v)") == [3, 16])
        #expect(missing("![\n](z)") == [1])
    }

    /// Item 15: each repeat of a heading tried `-2`, `-3`, … from 2
    /// (20,000 equal headings: 10 s).
    @Test func identicalHeadingsTakeLinearTime() {
        let count = 20_000
        let (body, _, seconds) = Self.render(String(repeating: "## Fazit\n\n", count: count))
        #expect(seconds < 3, "\(count) equal headings took \(seconds) s")
        #expect(body.headings.count == count)
        #expect(body.headings.last?.id == "fazit-\(count)")
    }

    @Test func repeatedHeadingsSkipIDsThatAreTaken() {
        var ids = HeadingIDs()
        let texts = ["A", "A-2", "A", "A", "A-3-2", "A-3", "A 3", "A", "a-4"]
        #expect(texts.map { ids.next(for: $0) } == ["a", "a-2", "a-3", "a-4", "a-3-2", "a-3-3", "a-3-4", "a-5", "a-4-2"])
    }

    /// Item 16: a header of C columns and C short lines made C² cells in
    /// cmark-gfm 0.29.0.gfm.6 (14 KB: 9 s and 1.1 GB). It is refused at the
    /// table's first line before cmark sees it.
    @Test func aTableFilledUpWithTooManyCellsIsRefusedAtItsLine() {
        let columns = 800
        let table =
            "|" + String(repeating: "a|", count: columns) + "\n|" + String(repeating: "-|", count: columns) + "\n"
            + String(repeating: "x\n", count: columns)
        let news = ["meldungen/m.md": "---\ntitel: M\ndatum: 2021-01-20\n---\nText davor.\n\n" + table + "\nDanach.\n"]
        let clock = ContinuousClock()
        var result: Build.Result?
        let elapsed = clock.measure { result = Fixture.render(news) }
        #expect(elapsed < .seconds(3))
        let errors = result?.diagnostics.filter { $0.severity == .error } ?? []
        #expect(
            errors.map { "\($0.location.path):\($0.location.line):\($0.location.column): \($0.message)" } == [
                "content/meldungen/m.md:7:1: this table has 800 columns, and its shorter rows would be filled up with "
                    + "639,200 empty cells; the tables of a text may be filled up with at most 100,000"
            ])
        #expect(errors.first?.hint == "give every row as many cells as the header row, e.g. | a | | |, or split the table")
    }

    @Test func filledCellsAreCountedInContainersAndAcrossTables() {
        func excess(_ markdown: String) -> Int? { ShapeLimits.firstExcess(in: markdown)?.line }
        func quoted(_ text: String) -> String { text.components(separatedBy: "\n").map { "> " + $0 }.joined(separator: "\n") }
        let wide = "|" + String(repeating: "a|", count: 400) + "\n|" + String(repeating: "-|", count: 400) + "\n"
        let rows = String(repeating: "x\n", count: 300)
        // 300 rows filled up with 399 cells each: too many, also in a block
        // quote, with CR line ends, and after a narrower table that a
        // heading ends.
        #expect(excess("Text\n\n" + wide + rows) == 3)
        #expect(excess(quoted("Text\n\n" + wide + rows)) == 3)
        #expect(excess("Text\n\n" + (wide + rows).replacingOccurrences(of: "\n", with: "\r")) == 3)
        #expect(excess("Text\n\n" + (wide + rows).replacingOccurrences(of: "\n", with: "\r\n")) == 3)
        #expect(excess("|a|\n|-|\nx\n# Titel\n" + wide + rows) == 5)
        // 200 and 60 rows: fine alone, too many together.
        let two = wide + String(repeating: "x\n", count: 200) + "\n" + wide + String(repeating: "x\n", count: 60)
        #expect(excess(wide + String(repeating: "x\n", count: 200)) == nil)
        #expect(excess(two) == 204)
        // A blank line ends a table; a vertical tab does not make a line blank.
        #expect(excess(wide + "\n" + rows) == nil)
        #expect(excess(wide + String(repeating: "\u{0B}\n", count: 300)) == 1)
        // Rows that write their cells are not filled; escaped pipes do not
        // separate cells.
        #expect(excess(wide + String(repeating: "|" + String(repeating: "b|", count: 400) + "\n", count: 300)) == nil)
        #expect(excess(wide + String(repeating: "|" + String(repeating: "b\\|", count: 400) + "\n", count: 300)) == 1)
        // One column is never filled: setext headings do not count.
        #expect(excess(String(repeating: "Text\n---\n", count: 100_000)) == nil)
    }

    /// cmark-gfm walks a row's cells from the first for each new one, and
    /// reads a paragraph again as a table header under every line that
    /// looks like a delimiter row (a line of 250,000 cells: 30 s).
    @Test func wideTableLinesAndRereadParagraphsAreRefused() {
        func excess(_ markdown: String) -> ShapeLimits.Excess? { ShapeLimits.firstExcess(in: markdown) }
        let wide = String(repeating: "|a", count: 1_000) + "|"
        #expect(excess("Text\n\n" + wide + "\n|-|\n")?.line == 3)
        #expect(
            excess("Text\n\n" + wide + "\n|-|\n")?.message.english
                == "this line of a table has up to 1,002 cells; a table's lines may have at most 1,000")
        #expect(excess("|a|\n|-|\n" + wide + "\n")?.line == 3)
        #expect(excess("a\n" + String(repeating: "|-", count: 1_000) + "\n")?.line == 2)
        // Without a delimiter row below, a line of pipes is text.
        #expect(excess("Text\n\n" + wide + "\n\n|-|\n") == nil)
        // 20 MB read again: refused at the line that passes it.
        let rereads = excess(String(repeating: "a|b\n|-\n", count: 3_000))
        #expect(rereads?.line == 4_782)
        #expect(rereads?.hint.english == "put a blank line before the table or before this line")
        // Setext headings end the paragraph before a table is tried.
        #expect(excess(String(repeating: "Titel\n---\nText|mehr\n", count: 30_000)) == nil)
        #expect(excess(String(repeating: "a|b\n    ---\n|-\n", count: 3_000)) != nil)
        let (_, diagnostics, seconds) = Self.render(String(repeating: "a|b\n|-\n", count: 10_000))
        #expect(seconds < 3)
        #expect(diagnostics.map(\.location.line) == [4_786])
    }

    /// An unended `<?`, `<!X` or `<![CDATA[` is looked for to the end of its
    /// paragraph, once for each (1 MB of `<?`: minutes).
    @Test func unendedRawHTMLIsRefusedPerParagraph() {
        func excess(_ markdown: String) -> ShapeLimits.Excess? { ShapeLimits.firstExcess(in: markdown) }
        #expect(excess("Text\n\na" + String(repeating: "<?", count: 101))?.line == 3)
        #expect(
            excess("a" + String(repeating: "<?", count: 101))?.message.english
                == "this paragraph has 101 `<?`, `<!` or `<![CDATA[` without their end (`?>`, `>`, `]]>`) after them; a paragraph may have at most 100"
        )
        #expect(excess(String(repeating: "<!A ", count: 60) + "\n" + String(repeating: "<![CDATA[", count: 41))?.line == 1)
        #expect(excess("a" + String(repeating: "<?", count: 100)) == nil)
        // Ended ones, and ones in other paragraphs, do not count.
        #expect(excess(String(repeating: "<? x ?> <!A x> <![CDATA[ x ]]> ", count: 200)) == nil)
        #expect(excess(String(repeating: "a <? b\n\n", count: 1_000)) == nil)
        #expect(excess(String(repeating: "<?", count: 50_000) + "?>") == nil)
        let (_, diagnostics, seconds) = Self.render("a" + String(repeating: "<?", count: 100_000))
        #expect(seconds < 3)
        #expect(diagnostics.count == 1)
    }

    /// The autolink extension read the rest of a word at each of its `@`:
    /// `a@a@…` of 1 MB took 3 s in a release build.
    @Test func wordsWithManyAtSignsAreRefusedAtTheirLine() {
        func excess(_ markdown: String) -> ShapeLimits.Excess? { ShapeLimits.firstExcess(in: markdown) }
        #expect(excess("Text\n\nx " + String(repeating: "a@", count: 51))?.line == 3)
        #expect(
            excess(String(repeating: "a.b@", count: 51))?.message.english
                == "a word here has more than 50 `@`; looking for e-mail addresses in it costs time for each one, and a text may have at most 50 in one word"
        )
        #expect(excess(String(repeating: "a@", count: 50)) == nil)
        // Addresses apart from each other, as real text has them, pass.
        #expect(excess(String(repeating: "info@example.org, ", count: 10_000)) == nil)
        #expect(excess(String(repeating: "a@b\n", count: 10_000)) == nil)
        let (_, diagnostics, seconds) = Self.render(String(repeating: "a@", count: 200_000))
        #expect(seconds < 3)
        #expect(diagnostics.count == 1 && diagnostics.first?.location.line == 5)
    }

    /// Each broken anchor compared its name with every heading of the page
    /// for a "did you mean" (and sorted them first): 25,000 of each in a
    /// 1 MB file took minutes. A file's suggestions stop after a million
    /// comparisons; its errors are all reported.
    @Test func manyBrokenAnchorsToManyHeadingsTakeBoundedTime() {
        let count = 3_000
        let body = (0..<count).map { "## Teil \($0)\n\n" }.joined() + (0..<count).map { "[x](#teil-\($0)x) " }.joined()
        let news = ["meldungen/m.md": "---\ntitel: M\ndatum: 2021-01-20\n---\n" + body + "\n"]
        let clock = ContinuousClock()
        var result: Build.Result?
        let elapsed = clock.measure { result = Fixture.render(news) }
        #expect(elapsed < .seconds(20))
        let errors = result?.diagnostics.filter { $0.severity == .error } ?? []
        #expect(errors.count == count)
        #expect(errors.first?.hint == "did you mean `teil-0`?")
        #expect(errors.filter { $0.hint != nil }.count == SiteChecks.comparisonsPerFile / count)
    }

    @Test func anEditorsLargeTableBuilds() {
        let table = "| Projekt | Stand | Jahr |\n|:--|:-:|--:|\n" + String(repeating: "| E-Akte | geplant | 2024 |\n", count: 2_000)
        let (body, diagnostics, _) = Self.render("Text\n\n" + table)
        #expect(diagnostics.isEmpty)
        #expect(body.html.contains("<td style=\"text-align: center\">geplant</td>"))
    }
}
