import Foundation
import Testing
@testable import SiteKit

/// Control characters that YAML's escapes make are errors at the value,
/// and no diagnostic prints one raw, whatever a value holds.
@Suite struct ControlCharacterTests {
    func news(titel: String) -> [String: String?] {
        ["meldungen/m.md": "---\ntitel: \(titel)\ndatum: 2021-01-20\n---\nText\n"]
    }

    /// Every scalar up to U+2FFFF, alone and inside plain text: exactly the
    /// controls, separators and direction marks are written out (the
    /// check on bytes that lets plain text through must not let one pass).
    @Test func exactlyTheSteeringCharactersAreWrittenOut() {
        let steering: [ClosedRange<UInt32>] = [
            0x00...0x1F, 0x7F...0x9F, 0x2028...0x2029, 0x061C...0x061C, 0x200E...0x200F, 0x202A...0x202E, 0x2066...0x2069,
        ]
        for value in UInt32(0)..<0x30000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "Bad Ems " + String(scalar) + " ü"
            let escaped = Diagnostic.printable(text) != text
            #expect(escaped == steering.contains { $0.contains(value) }, "U+\(String(value, radix: 16))")
        }
    }

    @Test func escapedControlCharactersAreErrorsAtTheValue() {
        #expect(
            Fixture.errors(news(titel: #""A\x01\e[31mB""#)) == [
                "content/meldungen/m.md:2:8: `titel` contains the control character U+0001, which no page or feed can show"
            ])
        #expect(
            Fixture.errors(news(titel: #""A\0B""#)) == [
                "content/meldungen/m.md:2:8: `titel` contains the control character U+0000, which no page or feed can show"
            ])
        #expect(Fixture.errors(news(titel: #""A\eB""#)).count == 1)
        #expect(Fixture.errors(news(titel: #""A\x7FB""#)).count == 1)
        #expect(Fixture.errors(news(titel: #""A\u0085B""#)).count == 1)
        #expect(Fixture.errors(news(titel: #""A\uFFFEB""#)).count == 1)
        let cr = Fixture.render(news(titel: #""A\rB""#)).diagnostics
        #expect(cr.map(\.hint) == ["use \\n for a line break, not \\r"])
        let escape = Fixture.render(news(titel: #""A\eB""#)).diagnostics
        #expect(escape.map(\.hint) == ["remove it; in double quotes, escapes such as \\e, \\x01 or \\u0007 write such characters"])
    }

    @Test func tabsAndLineBreaksInTextStay() {
        #expect(Fixture.errors(news(titel: #""A\tB\nC""#)) == [])
        #expect(Fixture.errors(news(titel: "|\n  Zeile eins\n  Zeile\tzwei")) == [])
    }

    @Test func everyTextValueIsChecked() {
        #expect(
            Fixture.errors(["site.yaml": Fixture.siteYAML.replacingOccurrences(of: "Ein Netzwerk zum Testen.", with: #""a\bc""#)]) == [
                "content/site.yaml:2:15: `beschreibung` contains the control character U+0008, which no page or feed can show"
            ])
        #expect(
            Fixture.errors(["handlungsfelder.yaml": "- slug: verwaltung\n  name: \"Ver\\x1Bwaltung\"\n- slug: bildung\n  name: B\n"]).first
                == "content/handlungsfelder.yaml:2:9: `name` contains the control character U+001B, which no page or feed can show")
        #expect(
            Fixture.errors([
                "kommunen/bendorf.md": "---\nname: Bendorf\nart: Stadt\nbundesland: Rheinland-Pfalz\nleitung:\n  amt: \"B\\x07\"\n  name: N\n---\n"
            ]) == [
                "content/kommunen/bendorf.md:6:8: `amt` contains the control character U+0007, which no page or feed can show"
            ])
    }

    @Test func aFeedNeverCarriesAControlCharacter() {
        let result = Fixture.render(news(titel: #""A\x01\e[31mB""#))
        #expect(result.files == nil)
    }

    // MARK: - Diagnostics

    static let forged = "x\ncontent/seiten/impressum.md:1:1: error: forged\u{1B}[31m\r\u{07}\u{9B}\u{202E}"

    @Test func textFormatWritesControlCharactersOut() {
        let diagnostic = Diagnostic(
            .error, at: SourceLocation(path: "content/a\nb.md", line: 2, column: 3),
            Message(.unknownKey, ["key": .value(Self.forged), "where": .within(Message(.placeBild))]), hint: .didYouMean("\u{1B}]0;title\u{07}"))
        let expected =
            #"content/a\nb.md:2:3: error: unknown key `x\ncontent/seiten/impressum.md:1:1: error: forged\u{1B}[31m\r\u{7}\u{9B}\u{202E}` in `bild` (did you mean `\u{1B}]0;title\u{7}`?)"#
        #expect(DiagnosticFormatter.text(diagnostic) == expected)
        let coloured = DiagnosticFormatter.text(diagnostic, colour: true)
        #expect(coloured == expected.replacingOccurrences(of: ": error: unknown", with: ": \u{1B}[1;31merror\u{1B}[0m: unknown"))
        #expect(!coloured.contains("\n") && !coloured.contains("\r"))
    }

    @Test func githubFormatStaysOneCommand() {
        let diagnostic = Diagnostic(.warning, at: SourceLocation(path: "content/a\nb.md"), Message(.loadFailed, ["problem": "`\(Self.forged)`"]))
        #expect(
            DiagnosticFormatter.github(diagnostic)
                == #"::warning file=content/a\nb.md,line=1,col=1::`x%0Acontent/seiten/impressum.md:1:1: error: forged\u{1B}[31m%0D\u{7}\u{9B}\u{202E}`"#
        )
    }

    @Test func jsonEscapesEveryControlCharacter() throws {
        let text = DiagnosticFormatter.json([
            Diagnostic(.error, at: SourceLocation(path: "a.md"), Message(.loadFailed, ["problem": .value(Self.forged)]))
        ])
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let items = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(items.first?["message"] as? String == Self.forged)
    }

    /// End to end: a key that holds a line break and an escape sequence
    /// gives exactly one line per diagnostic.
    @Test func aForgedKeyCannotForgeALine() {
        let result = Fixture.render([
            "meldungen/m.md": "---\ntitel: M\ndatum: 2021-01-20\n\"a\\ncontent/x.md:1:1: error: forged\\e[2J\": 1\n---\nText\n"
        ])
        let lines = result.diagnostics.map { DiagnosticFormatter.text($0) }
        #expect(lines.count == 1)
        #expect(lines.allSatisfy { !$0.contains("\n") && !$0.contains("\u{1B}") })
    }
}

/// `&#27;` in a body would reach the page as the control character itself.
@Suite struct ControlReferenceTests {
    @Test func referencesToControlCharactersAreErrorsAtTheirPlace() throws {
        let body =
            "---\ntitel: T\ndatum: 2021-01-20\n---\nÄrger mit &#27; und &#x85;.\n\nIm Code `&#27;` bleibt es Text. Erlaubt: &#9; &#xA0; &#228;\n"
        let result = Fixture.render(["meldungen/2021-01-20-t.md": body])
        #expect(
            result.diagnostics.map(\.formatted) == [
                "content/meldungen/2021-01-20-t.md:5:11: error: `&#27;` is the control character U+001B, which HTML does not allow in a page (remove it; to show the reference itself, put it in backticks: `&#27;`)",
                "content/meldungen/2021-01-20-t.md:5:21: error: `&#x85;` is the control character U+0085, which HTML does not allow in a page (remove it; to show the reference itself, put it in backticks: `&#x85;`)",
            ])
    }

    /// In code alone the reference is shown as written, and nothing is reported.
    @Test func inCodeOnlyTheyAreText() throws {
        let body = "---\ntitel: T\ndatum: 2021-01-20\n---\nSo schreibt man es: `&#27;`\n\n    &#x1B;\n\n```\n&#127;\n```\n"
        let result = Fixture.render(["meldungen/2021-01-20-t.md": body])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        let page = try #require(Fixture.page(result, "meldungen/2021-01-20-t/index.html"))
        #expect(page.contains("<code>&amp;#27;</code>"))
    }

    @Test func findsDecimalAndHexReferences() {
        #expect(ControlReferences.find(in: "a &#27; b &#X1b; c &#x7F; &#127 &#65; &#;").map(\.text) == ["&#27;", "&#X1b;", "&#x7F;"])
    }
}
