import Foundation
import Testing
@testable import SiteKit

/// No diagnostic prints a control character raw, whatever a value holds.
@Suite struct ControlCharacterTests {
    static let forged = "x\ncontent/seiten/impressum.md:1:1: error: forged\u{1B}[31m\r\u{07}\u{9B}\u{202E}"

    @Test func textFormatWritesControlCharactersOut() {
        let diagnostic = Diagnostic(.error, at: SourceLocation(path: "content/a\nb.md", line: 2, column: 3),
                                    "unknown key `\(Self.forged)`", hint: "did you mean `\u{1B}]0;title\u{07}`?")
        let expected = #"content/a\nb.md:2:3: error: unknown key `x\ncontent/seiten/impressum.md:1:1: error: forged\u{1B}[31m\r\u{7}\u{9B}\u{202E}` (did you mean `\u{1B}]0;title\u{7}`?)"#
        #expect(DiagnosticFormatter.text(diagnostic) == expected)
        let coloured = DiagnosticFormatter.text(diagnostic, colour: true)
        #expect(coloured == expected.replacingOccurrences(of: ": error: unknown", with: ": \u{1B}[1;31merror\u{1B}[0m: unknown"))
        #expect(!coloured.contains("\n") && !coloured.contains("\r"))
    }

    @Test func githubFormatStaysOneCommand() {
        let diagnostic = Diagnostic(.warning, at: SourceLocation(path: "content/a\nb.md"), "`\(Self.forged)`")
        #expect(DiagnosticFormatter.github(diagnostic) ==
            #"::warning file=content/a\nb.md,line=1,col=1::`x%0Acontent/seiten/impressum.md:1:1: error: forged\u{1B}[31m%0D\u{7}\u{9B}\u{202E}`"#)
    }

    @Test func jsonEscapesEveryControlCharacter() throws {
        let text = DiagnosticFormatter.json([Diagnostic(.error, at: SourceLocation(path: "a.md"), Self.forged)])
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let items = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(items.first?["message"] as? String == Self.forged)
    }

    /// End to end: a key that holds a line break and an escape sequence
    /// gives exactly one line per diagnostic.
    @Test func aForgedKeyCannotForgeALine() {
        let result = Fixture.render(["meldungen/m.md": "---\ntitel: M\ndatum: 2021-01-20\n\"a\\ncontent/x.md:1:1: error: forged\\e[2J\": 1\n---\nText\n"])
        let lines = result.diagnostics.map { DiagnosticFormatter.text($0) }
        #expect(lines.count == 1)
        #expect(lines.allSatisfy { !$0.contains("\n") && !$0.contains("\u{1B}") })
    }
}
