import Testing
@testable import SiteKit

/// The terminal shows every error, and of each kind of warning in a file
/// the first few, then how many more there are.
@Suite struct FoldedDiagnosticsTests {
    static let keep = DiagnosticFormatter.shownPerFileAndKind

    func at(_ path: String, _ line: Int) -> SiteKit.SourceLocation { SiteKit.SourceLocation(path: path, line: line, column: 1) }

    @Test func manyWarningsOfOneKindAreCountedAfterTheFirstFew() {
        var diagnostics = Diagnostics()
        for line in 1...(Self.keep + 30) { diagnostics.warning(at("a.md", line), .headingLevelOne) }
        for line in 1...3 { diagnostics.warning(at("a.md", 1000 + line), .altIsFileName, ["alt": "x.png"]) }
        for line in 1...(Self.keep + 5) { diagnostics.error(at("a.md", 2000 + line), .imageWithoutAlt) }
        for line in 1...(Self.keep + 1) { diagnostics.warning(at("b.md", line), .headingLevelOne) }
        let folded = DiagnosticFormatter.folded(diagnostics.sorted)

        let a = folded.filter { $0.location.path == "a.md" }
        #expect(a.filter { $0.text.code == .headingLevelOne }.count == Self.keep)
        #expect(a.filter { $0.text.code == .headingLevelOne }.map(\.location.line) == Array(1...Self.keep))
        let more = a.filter { $0.text.code == .moreLikeThis }
        #expect(more.count == 1)
        #expect(more.first?.location == at("a.md", Self.keep + 1), "the count stands where the first line left out would")
        #expect(more.first?.severity == .warning)
        #expect(more.first?.message(in: .en).hasPrefix("and 30 more of the same in this file") == true)
        #expect(more.first?.message(in: .de).hasPrefix("und 30-mal dieselbe Warnung in dieser Datei") == true)
        // Fewer than the limit, and errors: every one.
        #expect(a.filter { $0.text.code == .altIsFileName }.count == 3)
        #expect(a.filter { $0.severity == .error }.count == Self.keep + 5)
        // Each file counts on its own.
        let b = folded.filter { $0.location.path == "b.md" }
        #expect(b.filter { $0.text.code == .headingLevelOne }.count == Self.keep)
        #expect(b.filter { $0.text.code == .moreLikeThis }.first?.message(in: .en).hasPrefix("and 1 more of the same") == true)
        // The order stays that of the file.
        #expect(folded.map(\.location) == folded.map(\.location).sorted())
    }

    @Test func aFileWithFewWarningsIsShownAsItIs() {
        var diagnostics = Diagnostics()
        for line in 1...Self.keep { diagnostics.warning(at("a.md", line), .headingLevelOne) }
        diagnostics.error(at("a.md", 5), .imageWithoutAlt)
        let sorted = diagnostics.sorted
        #expect(DiagnosticFormatter.folded(sorted) == sorted)
    }
}
