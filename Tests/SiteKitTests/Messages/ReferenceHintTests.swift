import Testing
@testable import SiteKit

/// A reference or link that names nothing gets a hint that names the
/// document that exists under that name: never "create" a file beside it.
/// Each case with the exact lines sitegen prints, in English and German.
@Suite struct ReferenceHintTests {
    static let vallendar = "---\nname: Verbandsgemeinde Vallendar\nart: Verbandsgemeinde\nbundesland: Rheinland-Pfalz\n---\nText.\n"
    static let andernach = "---\nname: Andernach\nart: Stadt\nbundesland: Rheinland-Pfalz\n---\nText.\n"

    /// The fixture site with Vallendar and Andernach, and `changes`, as printed.
    func lines(_ changes: [String: String?], vallendar: String = Self.vallendar) -> (en: [String], de: [String]) {
        var files: [String: String?] = ["kommunen/vallendar.md": vallendar, "kommunen/andernach.md": Self.andernach]
        files.merge(changes) { _, new in new }
        let diagnostics = Fixture.render(files).diagnostics
        return (diagnostics.map { $0.formatted(in: .en) }, diagnostics.map { $0.formatted(in: .de) })
    }

    func meldung(_ extra: String, body: String = "Text.") -> [String: String?] {
        ["meldungen/m.md": "---\ntitel: M\ndatum: 2023-02-03\n\(extra)---\n\(body)\n"]
    }

    @Test func kommuneWrittenWithItsKind() {
        let (en, de) = lines(meldung("kommunen: [Verbandsgemeinde Vallendar]\n"))
        #expect(en == ["content/meldungen/m.md:4:12: error: `kommunen: Verbandsgemeinde Vallendar` is not a slug (did you mean `vallendar`?)"])
        #expect(de == ["content/meldungen/m.md:4:12: Fehler: `kommunen: Verbandsgemeinde Vallendar` ist kein Slug (meinten Sie `vallendar`?)"])
    }

    @Test func kommuneWrittenWithItsKindWhenItsNameIsWithout() {
        let plain = Self.vallendar.replacingOccurrences(of: "name: Verbandsgemeinde Vallendar", with: "name: Vallendar")
        let (en, de) = lines(meldung("kommunen: [Verbandsgemeinde Vallendar]\n"), vallendar: plain)
        #expect(en == ["content/meldungen/m.md:4:12: error: `kommunen: Verbandsgemeinde Vallendar` is not a slug (did you mean `vallendar`?)"])
        #expect(de == ["content/meldungen/m.md:4:12: Fehler: `kommunen: Verbandsgemeinde Vallendar` ist kein Slug (meinten Sie `vallendar`?)"])
    }

    /// The slug the earlier hint made (`verbandsgemeinde-vallendar`) names
    /// the profile too: no "create kommunen/verbandsgemeinde-vallendar.md".
    @Test func slugMadeFromTheNameWithItsKind() {
        let (en, de) = lines(meldung("kommunen: [verbandsgemeinde-vallendar]\n"))
        #expect(
            en == [
                "content/meldungen/m.md:4:12: error: `kommunen` names `verbandsgemeinde-vallendar`, which has no profile in kommunen/ (did you mean `vallendar`?)"
            ])
        #expect(
            de == [
                "content/meldungen/m.md:4:12: Fehler: `kommunen` nennt `verbandsgemeinde-vallendar`, dazu gibt es kein Profil in kommunen/ (meinten Sie `vallendar`?)"
            ])
    }

    @Test func impulseKommuneWrittenAsStadt() {
        let report = "---\ntitel: K\ndatum: 2021-01-20\nimpulse:\n  - name: Anna Beispiel\n    kommune: Stadt Andernach\n---\nText.\n"
        let (en, de) = lines(["kaffeerunden/k.md": report])
        #expect(en == ["content/kaffeerunden/k.md:6:14: error: `kommune: Stadt Andernach` is not a slug (did you mean `andernach`?)"])
        #expect(de == ["content/kaffeerunden/k.md:6:14: Fehler: `kommune: Stadt Andernach` ist kein Slug (meinten Sie `andernach`?)"])
    }

    @Test func stadtSlugNamesTheProfile() {
        let (en, de) = lines(meldung("kommunen: [stadt-andernach]\n"))
        #expect(
            en == [
                "content/meldungen/m.md:4:12: error: `kommunen` names `stadt-andernach`, which has no profile in kommunen/ (did you mean `andernach`?)"
            ])
        #expect(
            de == [
                "content/meldungen/m.md:4:12: Fehler: `kommunen` nennt `stadt-andernach`, dazu gibt es kein Profil in kommunen/ (meinten Sie `andernach`?)"
            ])
    }

    @Test func kreisWrittenAsLandkreis() {
        let profile = Self.andernach.replacingOccurrences(of: "---\nText", with: "kreis: Landkreis Mayen-Koblenz\n---\nText")
        let (en, de) = lines(["kommunen/andernach.md": profile])
        #expect(en == ["content/kommunen/andernach.md:5:8: error: `kreis: Landkreis Mayen-Koblenz` is not a slug (did you mean `mayen-koblenz`?)"])
        #expect(de == ["content/kommunen/andernach.md:5:8: Fehler: `kreis: Landkreis Mayen-Koblenz` ist kein Slug (meinten Sie `mayen-koblenz`?)"])
    }

    @Test func handlungsfeldWrittenAsItsName() {
        let (en, de) = lines(meldung("handlungsfelder: [Digitale Verwaltung]\n"))
        #expect(en == ["content/meldungen/m.md:4:19: error: `handlungsfelder: Digitale Verwaltung` is not a slug (did you mean `verwaltung`?)"])
        #expect(de == ["content/meldungen/m.md:4:19: Fehler: `handlungsfelder: Digitale Verwaltung` ist kein Slug (meinten Sie `verwaltung`?)"])
    }

    @Test func handlungsfeldSlugMadeFromItsName() {
        let (en, de) = lines(meldung("handlungsfelder: [digitale-verwaltung]\n"))
        #expect(
            en == [
                "content/meldungen/m.md:4:19: error: Handlungsfeld `digitale-verwaltung` is not defined in handlungsfelder.yaml (did you mean `verwaltung`?)"
            ])
        #expect(
            de == [
                "content/meldungen/m.md:4:19: Fehler: Das Handlungsfeld `digitale-verwaltung` ist in handlungsfelder.yaml nicht festgelegt (meinten Sie `verwaltung`?)"
            ])
    }

    @Test func projektHandlungsfeldWrittenAsItsName() {
        let profile = Self.andernach.replacingOccurrences(
            of: "---\nText", with: "projekte:\n  - titel: E-Akte\n    handlungsfeld: Digitale Verwaltung\n    status: geplant\n---\nText")
        let (en, de) = lines(["kommunen/andernach.md": profile])
        #expect(en == ["content/kommunen/andernach.md:7:20: error: `handlungsfeld: Digitale Verwaltung` is not a slug (did you mean `verwaltung`?)"])
        #expect(de == ["content/kommunen/andernach.md:7:20: Fehler: `handlungsfeld: Digitale Verwaltung` ist kein Slug (meinten Sie `verwaltung`?)"])
    }

    /// A name the Kommune had before a merger, listed in `fruehere_namen`.
    @Test func formerName() {
        let merged = Self.vallendar.replacingOccurrences(
            of: "---\nText", with: "fruehere_namen: [Verbandsgemeinde Niederwerth, vg-vallendar-alt]\n---\nText")
        let (en, de) = lines(meldung("kommunen: [Niederwerth, vg-vallendar-alt]\n"), vallendar: merged)
        #expect(
            en == [
                "content/meldungen/m.md:4:12: error: `kommunen: Niederwerth` is not a slug (did you mean `vallendar`?)",
                "content/meldungen/m.md:4:25: error: `kommunen` names `vg-vallendar-alt`, which has no profile in kommunen/ (did you mean `vallendar`?)",
            ])
        #expect(
            de == [
                "content/meldungen/m.md:4:12: Fehler: `kommunen: Niederwerth` ist kein Slug (meinten Sie `vallendar`?)",
                "content/meldungen/m.md:4:25: Fehler: `kommunen` nennt `vg-vallendar-alt`, dazu gibt es kein Profil in kommunen/ (meinten Sie `vallendar`?)",
            ])
    }

    /// A draft is a document that exists: no "create" beside it either.
    @Test func nameOfADraft() {
        let draft = Self.andernach.replacingOccurrences(of: "---\nText", with: "entwurf: true\n---\nText")
        let (en, de) = lines(meldung("kommunen: [stadt-andernach]\n").merging(["kommunen/andernach.md": draft]) { $1 })
        #expect(
            en == [
                "content/meldungen/m.md:4:12: error: `kommunen` names `stadt-andernach`, which has no profile in kommunen/ (did you mean `andernach`?)"
            ])
        #expect(
            de == [
                "content/meldungen/m.md:4:12: Fehler: `kommunen` nennt `stadt-andernach`, dazu gibt es kein Profil in kommunen/ (meinten Sie `andernach`?)"
            ])
    }

    /// Nothing of that name: the slug made from it, as before.
    @Test func nameOfNothingGetsItsSlug() {
        let (en, de) = lines(meldung("kommunen: [Bad Ems]\n"))
        #expect(en == ["content/meldungen/m.md:4:12: error: `kommunen: Bad Ems` is not a slug (did you mean `bad-ems`?)"])
        #expect(de == ["content/meldungen/m.md:4:12: Fehler: `kommunen: Bad Ems` ist kein Slug (meinten Sie `bad-ems`?)"])
    }

    @Test func linkWrittenAsAName() {
        let (en, de) = lines(meldung("", body: "Die [VG](Vallendar) und [sie](../kommunen/Vallendar)."))
        #expect(
            en == [
                "content/meldungen/m.md:5:5: error: link `Vallendar` is neither a content file (.md) nor a file below medien/ (did you mean ../kommunen/vallendar.md?)",
                "content/meldungen/m.md:5:25: error: link `../kommunen/Vallendar` is neither a content file (.md) nor a file below medien/ (did you mean ../kommunen/vallendar.md?)",
            ])
        #expect(
            de == [
                "content/meldungen/m.md:5:5: Fehler: Der Link `Vallendar` zeigt weder auf eine Inhaltsdatei (.md) noch auf eine Datei unter medien/ (meinten Sie ../kommunen/vallendar.md?)",
                "content/meldungen/m.md:5:25: Fehler: Der Link `../kommunen/Vallendar` zeigt weder auf eine Inhaltsdatei (.md) noch auf eine Datei unter medien/ (meinten Sie ../kommunen/vallendar.md?)",
            ])
    }

    @Test func linkToAProfileInTheWrongFolderOrByItsName() {
        let (en, de) = lines(meldung("", body: "[a](vallendar.md) [b](../kommunen/stadt-andernach.md)"))
        #expect(
            en == [
                "content/meldungen/m.md:5:1: error: link to ../meldungen/vallendar.md: no such file (did you mean ../kommunen/vallendar.md?)",
                "content/meldungen/m.md:5:19: error: link to ../kommunen/stadt-andernach.md: no such file (did you mean ../kommunen/andernach.md?)",
            ])
        #expect(
            de == [
                "content/meldungen/m.md:5:1: Fehler: Link auf ../meldungen/vallendar.md: Diese Datei gibt es nicht (meinten Sie ../kommunen/vallendar.md?)",
                "content/meldungen/m.md:5:19: Fehler: Link auf ../kommunen/stadt-andernach.md: Diese Datei gibt es nicht (meinten Sie ../kommunen/andernach.md?)",
            ])
    }

    /// A link to nothing like a document keeps the general hint.
    @Test func linkToNothingKnown() {
        let (en, _) = lines(meldung("", body: "[x](notizen)"))
        #expect(
            en == [
                "content/meldungen/m.md:5:1: error: link `notizen` is neither a content file (.md) nor a file below medien/ (link to pages by their Markdown file, e.g. ../kommunen/bendorf.md)"
            ])
    }

    /// An image that is no file below medien/ is told so while its page is
    /// read, as before.
    @Test func imageWrittenAsANameIsStillAnError() {
        let (en, _) = lines(meldung("", body: "![Karte](Vallendar)"))
        #expect(
            en == [
                "content/meldungen/m.md:5:1: error: link `Vallendar` is neither a content file (.md) nor a file below medien/ (link to pages by their Markdown file, e.g. ../kommunen/bendorf.md)"
            ])
    }

    /// A draft's links are not checked against the site, but a link that
    /// can reach no file is still an error, with the general hint.
    @Test func draftWithALinkToNoFile() {
        let (en, _) = lines(meldung("entwurf: true\n", body: "[VG](Vallendar)"))
        #expect(
            en == [
                "content/meldungen/m.md:6:1: error: link `Vallendar` is neither a content file (.md) nor a file below medien/ (link to pages by their Markdown file, e.g. ../kommunen/bendorf.md)"
            ])
    }

    @Test func kindPrefixesFold() {
        #expect(DocumentNames.core(of: "verbandsgemeinde-vallendar") == "vallendar")
        #expect(DocumentNames.core(of: "landkreis-mayen-koblenz") == "mayen-koblenz")
        #expect(DocumentNames.core(of: "verbandsfreie-gemeinde-maxdorf") == "maxdorf")
        #expect(DocumentNames.core(of: "stadtallendorf") == "stadtallendorf")
        #expect(DocumentNames.core(of: "stadt") == "stadt")
        let names = DocumentNames([(slug: "vallendar", names: ["Verbandsgemeinde Vallendar"]), (slug: "vallendar-stadt", names: ["Stadt Vallendar"])])
        #expect(names.slug(named: "Stadt Vallendar") == "vallendar-stadt")
        #expect(names.slug(named: "VG Vallendar") == "vallendar")
        #expect(names.slug(named: "Koblenz") == nil)
    }
}
