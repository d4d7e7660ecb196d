import Testing
@testable import SiteKit

/// One broken file gives one error: a document that cannot be read, or
/// whose file name is not a slug, still is the document its slug names, so
/// the pages that name it are not reported as well.
@Suite struct CascadeTests {
    static let andernach = "---\nname: Andernach\nart: Stadt\nbundesland: Rheinland-Pfalz\nkreis: mayen-koblenz\n---\n## Geschichte\n\nText.\n"

    /// Pages that name `kommunen/andernach.md` in every way there is.
    static let mentions: [String: String] = [
        "meldungen/2023-02-03-andernach.md":
            "---\ntitel: Andernach digital\ndatum: 2023-02-03\nkommunen: [andernach]\n---\nSiehe [Andernach](../kommunen/andernach.md) und [ihre Geschichte](../kommunen/andernach.md#geschichte).\n",
        "kaffeerunden/2021-01-andernach.md":
            "---\ntitel: Kaffeerunde\ndatum: 2021-01-20\nimpulse:\n  - name: Anna Beispiel\n    kommune: andernach\nkommunen: [andernach]\n---\nBericht.\n",
        "kommunen/namedy.md":
            "---\nname: Namedy\nart: Ortsgemeinde\nbundesland: Rheinland-Pfalz\nkreis: mayen-koblenz\n---\nNachbar von [Andernach](andernach.md).\n",
    ]

    /// The errors of the fixture site with `broken` and the pages above.
    func errors(_ broken: [String: [UInt8]?], mentions: [String: String] = Self.mentions) -> [Diagnostic] {
        var input = Fixture.input(mentions)
        for (path, bytes) in broken {
            input.documents.removeAll { $0.path == path }
            if let bytes { input.documents.append(InputFile(path: path, bytes: bytes)) }
        }
        return Build.render(input, options: .init()).diagnostics.filter { $0.severity == .error }
    }

    func andernach(_ text: String) -> [String: [UInt8]?] { ["kommunen/andernach.md": Array(text.utf8)] }

    @Test func theMentionsAloneAreFine() {
        #expect(errors(andernach(Self.andernach)).isEmpty)
    }

    @Test func tabInTheFrontMatter() {
        let found = errors(andernach(Self.andernach.replacingOccurrences(of: "art: Stadt", with: "\tart: Stadt")))
        #expect(found.count == 1, "\(found.map { $0.formatted(in: .en) })")
        #expect(found.first?.location.path == "content/kommunen/andernach.md")
        #expect(found.first?.text.code == .yamlSyntax)
    }

    @Test func duplicateKey() {
        let found = errors(andernach(Self.andernach.replacingOccurrences(of: "art: Stadt", with: "art: Stadt\nname: Andernach am Rhein")))
        #expect(found.count == 1, "\(found.map { $0.formatted(in: .en) })")
        #expect(found.first?.text.code == .duplicateKey)
    }

    @Test func latin1() {
        // "Grüße" as Windows-1252 would save it.
        let bytes = Array(Self.andernach.replacingOccurrences(of: "Text.", with: "Gr").utf8) + [0xFC, 0xDF, 0x65, 0x2E, 0x0A]
        let found = errors(["kommunen/andernach.md": bytes])
        #expect(found.count == 1, "\(found.map { $0.formatted(in: .en) })")
        #expect(found.first?.text.code == .notUTF8)
    }

    @Test func frontMatterNotClosed() {
        let found = errors(andernach(Self.andernach.replacingOccurrences(of: "kreis: mayen-koblenz\n---\n", with: "kreis: mayen-koblenz\n")))
        #expect(found.count == 1, "\(found.map { $0.formatted(in: .en) })")
        #expect(found.first?.text.code == .frontMatterNotClosed)
    }

    @Test func notAMapping() {
        let found = errors(andernach("---\n- Andernach\n---\nText.\n"))
        #expect(found.count == 1, "\(found.map { $0.formatted(in: .en) })")
        #expect(found.first?.location.path == "content/kommunen/andernach.md")
    }

    /// A Landkreis that cannot be read: its Kommunen's `kreis` is not reported.
    @Test func unreadableLandkreis() {
        let broken = "---\nname: Mayen-Koblenz\nart: Landkreis\n\tbundesland: Rheinland-Pfalz\n---\nDer Kreis.\n"
        let found = errors(["kommunen/mayen-koblenz.md": Array(broken.utf8), "kommunen/andernach.md": Array(Self.andernach.utf8)])
        #expect(found.count == 1, "\(found.map { $0.formatted(in: .en) })")
        #expect(found.first?.location.path == "content/kommunen/mayen-koblenz.md")
    }

    /// Renamed to `Weißenthurm.md`: one error, at the file, whose hint is
    /// the name every page already uses.
    @Test func fileNameThatIsNotASlug() {
        let profile =
            "---\nname: Weißenthurm\nart: Verbandsgemeinde\nbundesland: Rheinland-Pfalz\nkreis: mayen-koblenz\n---\n## Geschichte\n\nText.\n"
        let mentions = Self.mentions.mapValues {
            $0.replacingOccurrences(of: "andernach", with: "weissenthurm").replacingOccurrences(of: "Andernach", with: "Weißenthurm")
        }
        let found = errors(["kommunen/Weißenthurm.md": Array(profile.utf8)], mentions: mentions)
        #expect(
            found.map { $0.formatted(in: .en) } == [
                "content/kommunen/Weißenthurm.md:1:1: error: file name `Weißenthurm.md` is not a slug (lower-case a-z, 0-9 and single hyphens) (rename it to weissenthurm.md)"
            ])
        #expect(
            found.map { $0.formatted(in: .de) } == [
                "content/kommunen/Weißenthurm.md:1:1: Fehler: Der Dateiname `Weißenthurm.md` ist kein Slug (Kleinbuchstaben a–z, Ziffern 0–9 und einzelne Bindestriche) (benennen Sie die Datei in weissenthurm.md um)"
            ])
    }

    /// A link to a heading the misnamed file does not have is still wrong.
    @Test func misnamedFileKeepsItsHeadings() {
        let profile = "---\nname: Weißenthurm\nart: Verbandsgemeinde\nbundesland: Rheinland-Pfalz\n---\n## Geschichte\n\nText.\n"
        let mentions = ["meldungen/m.md": "---\ntitel: M\ndatum: 2023-02-03\n---\n[a](../kommunen/weissenthurm.md#geschichtee)\n"]
        let found = errors(["kommunen/Weißenthurm.md": Array(profile.utf8)], mentions: mentions)
        #expect(
            found.map { $0.formatted(in: .en) }.sorted() == [
                "content/kommunen/Weißenthurm.md:1:1: error: file name `Weißenthurm.md` is not a slug (lower-case a-z, 0-9 and single hyphens) (rename it to weissenthurm.md)",
                "content/meldungen/m.md:5:1: error: ../kommunen/weissenthurm.md has no heading `geschichtee` (did you mean `geschichte`?)",
            ])
    }

    /// A reference by another name is reported: it stays wrong after the
    /// rename the file's error asks for, and its hint is that new name.
    @Test func referenceByAnotherNameToAMisnamedFile() {
        let profile = "---\nname: Verbandsgemeinde Weißenthurm\nart: Verbandsgemeinde\nbundesland: Rheinland-Pfalz\n---\nText.\n"
        let mentions = ["meldungen/m.md": "---\ntitel: M\ndatum: 2023-02-03\nkommunen: [vg-weissenthurm]\n---\nText.\n"]
        let found = errors(["kommunen/Weißenthurm.md": Array(profile.utf8)], mentions: mentions).map { $0.formatted(in: .en) }
        #expect(
            found.sorted() == [
                "content/kommunen/Weißenthurm.md:1:1: error: file name `Weißenthurm.md` is not a slug (lower-case a-z, 0-9 and single hyphens) (rename it to weissenthurm.md)",
                "content/meldungen/m.md:4:12: error: `kommunen` names `vg-weissenthurm`, which has no profile in kommunen/ (did you mean `weissenthurm`?)",
            ])
    }

    /// A misnamed file that cannot be read either: its two errors, nothing
    /// at the pages that name it.
    @Test func misnamedAndUnreadable() {
        let profile = "---\nname: Weißenthurm\n\tart: Verbandsgemeinde\n---\nText.\n"
        let mentions = ["meldungen/m.md": "---\ntitel: M\ndatum: 2023-02-03\nkommunen: [weissenthurm]\n---\n[W](../kommunen/weissenthurm.md)\n"]
        let found = errors(["kommunen/Weißenthurm.md": Array(profile.utf8)], mentions: mentions)
        #expect(found.count == 2, "\(found.map { $0.formatted(in: .en) })")
        #expect(found.allSatisfy { $0.location.path == "content/kommunen/Weißenthurm.md" })
    }

    /// handlungsfelder.yaml that cannot be read: no reference to a
    /// Handlungsfeld is reported (the fixture's Bendorf names `verwaltung`).
    @Test func unreadableHandlungsfelder() {
        let broken = "- slug: verwaltung\n\tname: Digitale Verwaltung\n"
        let found = errors(["handlungsfelder.yaml": Array(broken.utf8), "kommunen/andernach.md": Array(Self.andernach.utf8)])
        #expect(found.count == 1, "\(found.map { $0.formatted(in: .en) })")
        #expect(found.first?.location.path == "content/handlungsfelder.yaml")
    }

    /// An entry without its name: its slug is still claimed.
    @Test func handlungsfeldEntryWithAnError() {
        let broken = "- slug: verwaltung\n- slug: bildung\n  name: Bildung\n"
        let found = errors(["handlungsfelder.yaml": Array(broken.utf8), "kommunen/andernach.md": Array(Self.andernach.utf8)])
        #expect(found.count == 1, "\(found.map { $0.formatted(in: .en) })")
        #expect(found.first?.text.code == .requiredKeyMissingIn)
    }
}
