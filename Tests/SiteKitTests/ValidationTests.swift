import Foundation
import Testing
@testable import SiteKit

/// One test per rule of the content format: each breaks the valid fixture
/// site in one place and expects exactly that error at that place.
@Suite struct ValidationTests {
    let profile = "kommunen/test.md"
    let label = "content/kommunen/test.md"

    func kommune(_ extra: String, body: String = "Text.") -> [String: String?] {
        [profile: "---\nname: Test\nart: Gemeinde\nbundesland: Hessen\n\(extra)---\n\(body)\n"]
    }

    @Test func validSiteHasNoDiagnostics() {
        let result = Fixture.render()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        #expect(result.files != nil)
    }

    @Test func unknownKeySuggestsTheClosest() throws {
        let result = Fixture.render(kommune("einwohnerzahl: 5\n"))
        let d = try #require(result.diagnostics.first)
        #expect(d.location == Loc(path: label, line: 5, column: 1))
        #expect(d.message.contains("unknown key `einwohnerzahl`"))
        #expect(d.hint == "did you mean `einwohner`?")
        #expect(result.files == nil)
    }

    @Test func unknownNestedKey() {
        // In two steps: as one expression the type checker gives up on a busy machine.
        let expected: [String] = [
            "\(label):7:3: unknown key `nmae` in `leitung`",
            "\(label):6:3: required key `name` is missing in `leitung`",
        ].sorted { (a: String, b: String) -> Bool in a.split(separator: ":")[1] < b.split(separator: ":")[1] }
        #expect(Fixture.errors(kommune("leitung:\n  amt: Bürgermeister\n  nmae: X\n")) == expected)
    }

    @Test func badEnumValue() throws {
        let result = Fixture.render(kommune("").mapValues { $0!.replacingOccurrences(of: "art: Gemeinde", with: "art: Grossstadt") })
        let d = try #require(result.diagnostics.first)
        #expect(d.location.line == 3 && d.location.column == 6)
        #expect(d.message == "`art: Grossstadt` is not one of the allowed values")
    }

    @Test func bundeslandSuggestion() {
        let result = Fixture.render(kommune("").mapValues { $0!.replacingOccurrences(of: "Hessen", with: "Rheinland Pfalz") })
        #expect(result.diagnostics.first?.hint == "did you mean `Rheinland-Pfalz`?")
    }

    @Test func impossibleDate() {
        let errors = Fixture.errors(["meldungen/m.md": "---\ntitel: M\ndatum: 2023-02-30\n---\nText\n"])
        #expect(errors == ["content/meldungen/m.md:3:8: `datum: 2023-02-30`: there is no 30 Februar"])
    }

    @Test func germanDateGetsISOSuggestion() {
        let result = Fixture.render(["meldungen/m.md": "---\ntitel: M\ndatum: 20.01.2021\n---\nText\n"])
        #expect(result.diagnostics.first?.hint == "did you mean `2021-01-20`?")
    }

    @Test func monthOnlyWhereAllowed() {
        #expect(Fixture.errors(kommune("mitglied_seit: 2020-11\n")).isEmpty)
        #expect(
            Fixture.errors(["meldungen/m.md": "---\ntitel: M\ndatum: 2021-01\n---\nText\n"])
                == ["content/meldungen/m.md:3:8: `datum: 2021-01` is not a date in the form YYYY-MM-DD"])
    }

    @Test func missingRequiredKeyAtOpeningLine() {
        let errors = Fixture.errors(["kaffeerunden/k.md": "---\ndatum: 2021-01-20\n---\nText\n"])
        #expect(errors == ["content/kaffeerunden/k.md:1:1: required key `titel` is missing in the front matter of a Kaffeerunde"])
    }

    @Test func fileNameMustBeASlug() throws {
        let result = Fixture.render(["kommunen/Weißenthurm.md": "---\nname: Weißenthurm\nart: Verbandsgemeinde\nbundesland: Rheinland-Pfalz\n---\n"])
        let d = try #require(result.diagnostics.first)
        #expect(d.location == Loc(path: "content/kommunen/Weißenthurm.md"))
        #expect(d.hint == "rename it to weissenthurm.md")
    }

    @Test func danglingProfileReferences() {
        #expect(
            Fixture.errors(["meldungen/m.md": "---\ntitel: M\ndatum: 2021-01-20\nkommunen:\n  - bendorf\n  - bendorff\n---\n"])
                == ["content/meldungen/m.md:6:5: `kommunen` names `bendorff`, which has no profile in kommunen/"])
        #expect(
            Fixture.errors(["kaffeerunden/k.md": "---\ntitel: K\ndatum: 2021-01-20\nimpulse:\n  - name: A\n    kommune: nirgendwo\n---\n"])
                == ["content/kaffeerunden/k.md:6:14: `impulse` names `nirgendwo`, which has no profile in kommunen/"])
    }

    @Test func kreisMustBeALandkreis() {
        #expect(Fixture.errors(kommune("kreis: bendorf\n")) == ["\(label):5:8: `kreis: bendorf` is a Stadt, not a Landkreis"])
        #expect(Fixture.errors(kommune("kreis: westerwald\n")) == ["\(label):5:8: `kreis` names `westerwald`, which has no profile in kommunen/"])
    }

    @Test func unknownHandlungsfeld() {
        let result = Fixture.render(kommune("handlungsfelder: [verwaltung, bildnug]\n"))
        #expect(result.diagnostics.first?.message == "Handlungsfeld `bildnug` is not defined in handlungsfelder.yaml")
        #expect(result.diagnostics.first?.hint == "did you mean `bildung`?")
        #expect(result.diagnostics.first?.location.column == 31)
    }

    /// The quick check of plain web addresses accepts only what `URL`,
    /// the check behind it, accepts as a web address too; it refers the
    /// rest to `URL`, so that both checks give one answer.
    @Test func plainWebAddressesAreWhatURLAccepts() {
        let written = [
            "https://www.bendorf.de", "https://www.bendorf.de/", "http://vg-weissenthurm.de/rathaus/buergerservice",
            "https://bendorf.de/a_b~c.html", "https://e.de", "https://xn--sderbrarup-q9a.de/", "https://www.bendorf.de:8080/",
            "https://www.bendorf.de/?q=1", "https://www.Bendorf.de", "https://.bendorf.de", "https://bendorf-.de",
            "https://-bendorf.de", "https://bendorf.de.", "https://localhost/", "https:///bendorf.de", "https://", "http:/bendorf.de",
            "ftp://bendorf.de", "www.bendorf.de", "https://bendorf .de", "https://bendörf.de", "https://bendorf.de/ä",
            "https://bendorf.de/%20", "HTTPS://bendorf.de", "https://bendorf.de#anker", "https://a..b.de",
        ]
        // And variations of each, a byte changed, dropped or repeated.
        var all = Set(written)
        let alphabet = Array("az09-._~/:?#%@ äA".utf8)
        for text in written {
            let bytes = Array(text.utf8)
            for i in bytes.indices {
                for byte in alphabet {
                    var changed = bytes
                    changed[i] = byte
                    all.insert(String(decoding: changed, as: UTF8.self))
                }
                var dropped = bytes
                dropped.remove(at: i)
                all.insert(String(decoding: dropped, as: UTF8.self))
            }
        }
        var quick = 0
        for text in all where YAMLReader.isPlainWebAddress(text) {
            quick += 1
            let url = URL(string: text)
            let scheme = url?.scheme?.lowercased()
            #expect(
                (scheme == "http" || scheme == "https") && url?.host?.contains(".") == true, "\(text) is taken as a web address")
        }
        #expect(quick > 100)
        #expect(YAMLReader.isPlainWebAddress("https://www.bendorf.de/rathaus/"))
        #expect(!YAMLReader.isPlainWebAddress("www.bendorf.de"))
    }

    @Test func projectStatusAndField() {
        let errors = Fixture.errors(kommune("projekte:\n  - titel: A\n    handlungsfeld: verwaltung\n    status: fertig\n"))
        #expect(errors == ["\(label):8:13: `status: fertig` is not one of the allowed values"])
    }

    @Test func typesOfValues() {
        #expect(Fixture.errors(kommune("einwohner: 16.900\n")) == ["\(label):5:12: `einwohner: 16.900` is not a whole number"])
        #expect(Fixture.errors(kommune("ags: 07137203\n")) == ["\(label):5:6: `ags` must be written in quotes"])
        #expect(Fixture.errors(kommune("ags: \"0713\"\n")) == ["\(label):5:6: `ags: 0713` must be 8 digits"])
        #expect(Fixture.errors(kommune("website: www.bendorf.de\n")) == ["\(label):5:10: `website: www.bendorf.de` is not a web address"])
        #expect(Fixture.errors(kommune("koordinaten: [7.57, 50.43]\n")) == ["\(label):5:14: `koordinaten: [7.57, 50.43]` lie outside Germany"])
        #expect(Fixture.errors(kommune("entwurf: ja\n")) == ["\(label):5:10: `entwurf` must be `true` or `false`"])
        #expect(Fixture.errors(kommune("handlungsfelder: verwaltung\n")) == ["\(label):5:18: `handlungsfelder` must be a list"])
        #expect(Fixture.errors(kommune("kreis:\n")) == ["\(label):5:1: `kreis` has no value"])
    }

    @Test func yamlSyntaxErrorIsLocated() {
        let errors = Fixture.errors(kommune("leitung: {amt: X, name: Y\n"))
        #expect(errors.count == 1)
        #expect(errors[0].hasPrefix("\(label):6:"))
    }

    @Test func duplicateKey() {
        let errors = Fixture.errors(kommune("einwohner: 1\neinwohner: 2\n"))
        #expect(errors.count == 1 && errors[0].contains("`einwohner` appears more than once"))
    }

    @Test func invalidUTF8File() {
        var input = Fixture.input()
        input.documents.append(InputFile(path: "meldungen/kaputt.md", bytes: Array("---\ntitel: M".utf8) + [0xFF]))
        let result = Build.render(input)
        #expect(result.diagnostics.map(\.location) == [Loc(path: "content/meldungen/kaputt.md")])
        #expect(result.diagnostics.first?.message.contains("not valid UTF-8") == true)
    }

    @Test func imagesNeedAFileAltTextAndCredit() {
        #expect(
            Fixture.errors(kommune("bild:\n  datei: karte.png\n  alt: Karte\n  credit: Stadt\n")) == [
                "\(label):6:10: `datei: karte.png`: there is no file content/medien/karte.png"
            ])
        #expect(
            Fixture.errors(kommune("bild:\n  datei: karte.png\n  credit: Stadt\n"), media: ["medien/karte.png"]) == [
                "\(label):6:3: `bild` needs `alt`, a short text that says what the image shows"
            ])
        #expect(Fixture.errors(kommune("bild:\n  datei: karte.png\n  dekorativ: true\n  credit: Stadt\n"), media: ["medien/karte.png"]).isEmpty)
        #expect(
            Fixture.errors(kommune("", body: "![](../medien/karte.png)"), media: ["medien/karte.png"]) == [
                "\(label):6:1: image has no alt text"
            ])
    }

    @Test func requiredPages() {
        #expect(
            Fixture.errors(["seiten/datenschutz.md": nil]) == [
                "content/seiten/datenschutz.md:1:1: the page `datenschutz` is missing; German law requires it on a public body's site"
            ])
    }

    @Test func freePageCannotTakeASectionName() {
        #expect(
            Fixture.errors(["seiten/kommunen.md": "---\ntitel: K\n---\n"]) == [
                "content/seiten/kommunen.md:1:1: a free page cannot be called `kommunen`: the site uses /kommunen/ itself"
            ])
    }

    @Test func siteYAMLRules() {
        #expect(Fixture.errors(["site.yaml": "titel: T\n"]) == ["content/site.yaml:1:1: required key `base_url` is missing in site.yaml"])
        #expect(
            Fixture.errors(["site.yaml": "titel: T\nbase_url: example.org\n"])
                == ["content/site.yaml:2:11: `base_url: example.org` is not a web address"])
        #expect(
            Fixture.errors(["site.yaml": "titel: T\nbase_url: https://e.de/\nmarkdown:\n  htlm: true\n"])
                == ["content/site.yaml:4:3: unknown key `htlm` in `markdown`"])
    }

    /// A slug listed twice is a warning at its second place, in a short
    /// list and in a long one (searched, then hashed, once it is long).
    @Test func aSlugListedTwiceIsAWarning() {
        func warnings(_ slugs: [String]) -> [String] {
            let meldung = "---\ntitel: M\ndatum: 2021-01-20\nhandlungsfelder: [\(slugs.joined(separator: ", "))]\n---\n"
            let result = Fixture.render(["meldungen/m.md": meldung])
            return result.diagnostics.filter { $0.code == "listed-twice" }.map(\.formatted)
        }
        #expect(warnings(["verwaltung", "verwaltung"]).count == 1)
        #expect(warnings(["verwaltung"]).isEmpty)
        let many = (1...40).map { "feld-\($0)" }
        #expect(warnings(many).isEmpty)
        let repeated = warnings(many + ["feld-3", "feld-39"])
        #expect(repeated.count == 2, "\(repeated)")
        #expect(repeated.first?.contains("`feld-3` is listed twice in `handlungsfelder`") == true, "\(repeated)")
    }

    @Test func taxonomyRules() {
        #expect(
            Fixture.errors(["handlungsfelder.yaml": "- slug: a\n  name: A\n- slug: a\n  name: B\n"]).first
                == "content/handlungsfelder.yaml:3:9: Handlungsfeld `a` is defined twice (first at line 1)")
    }

    @Test func draftsAreLeftOutAndCannotBeReferenced() {
        let draft = kommune("entwurf: true\n")
        let result = Fixture.render(draft)
        #expect(result.errorCount == 0)
        #expect(Fixture.page(result, "kommunen/test/index.html") == nil)
        #expect(Fixture.page(Fixture.render(draft, drafts: true), "kommunen/test/index.html") != nil)
        var linked = draft
        linked["meldungen/m.md"] = "---\ntitel: M\ndatum: 2021-01-20\nkommunen: [test]\n---\n"
        #expect(Fixture.errors(linked) == ["content/meldungen/m.md:4:12: `kommunen` names `test`, whose profile is a draft"])
    }

    @Test func everyErrorOfARunIsReported() {
        var changes = kommune("einwohnerzahl: 5\n")
        changes["meldungen/m.md"] = "---\ntitel: M\ndatum: 2023-02-30\n---\n[x](../kommunen/weg.md)\n"
        changes["seiten/impressum.md"] = .some(nil)
        #expect(Fixture.errors(changes).count == 4, "\(Fixture.errors(changes))")
    }
}

@Suite struct MoreValidationTests {
    @Test func kreisInAnotherBundesland() {
        let errors = Fixture.errors(["kommunen/test.md": "---\nname: Test\nart: Gemeinde\nbundesland: Hessen\nkreis: mayen-koblenz\n---\n"])
        #expect(errors == ["content/kommunen/test.md:5:8: `kreis: mayen-koblenz` lies in Rheinland-Pfalz, this Kommune in Hessen"])
    }

    @Test func topLevelHeadingInBodyIsDemotedWithAWarning() {
        let result = Fixture.render(["seiten/ueber.md": "---\ntitel: Über\n---\n# Wer wir sind\n"])
        #expect(result.errorCount == 0)
        #expect(result.diagnostics.map(\.location.line) == [4])
        #expect(Fixture.page(result, "ueber/index.html")?.contains("<h2 id=\"wer-wir-sind\">") == true)
    }
}

/// The profile keys `kurzbeschreibung`, `stand` and a contact's `email`
/// and `telefon`.
@Suite struct ProfileKeyValidationTests {
    let label = "content/kommunen/test.md"

    func kommune(_ extra: String) -> [String: String?] {
        ["kommunen/test.md": "---\nname: Test\nart: Gemeinde\nbundesland: Hessen\n\(extra)---\nText.\n"]
    }

    func only(_ extra: String) throws -> Diagnostic {
        let result = Fixture.render(kommune(extra))
        #expect(result.files == nil)
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.formatted))")
        return try #require(result.diagnostics.first)
    }

    @Test func validValuesPass() {
        #expect(
            Fixture.errors(
                kommune(
                    """
                    kurzbeschreibung: Eine Gemeinde im Test.
                    stand: 2021-03
                    kontakt:
                      - funktion: IT
                        email: it.stelle+netz@gemeinde-test.de
                        telefon: "+49 261 / 000-00"
                      - funktion: Bürgerbüro
                        email: info@bürgerbüro.example
                        telefon: 0261 000000

                    """)
            ).isEmpty)
        #expect(Fixture.errors(kommune("stand: 2021-03-31\n")).isEmpty)
    }

    @Test func emailMustBeAnAddress() throws {
        let d = try only("kontakt:\n  - funktion: IT\n    email: it-stelle.gemeinde.de\n")
        #expect(d.location == Loc(path: label, line: 7, column: 12))
        #expect(d.message == "`email: it-stelle.gemeinde.de` is not an e-mail address")
        #expect(d.hint == "write one address in the form name@example.de")
        for bad in ["a@b", "a@@b.de", "a b@c.de", "a@b.d", ".a@b.de", "a..b@c.de", "a@-b.de", "a@b.de, c@d.de"] {
            #expect(Fixture.errors(kommune("kontakt:\n  - funktion: IT\n    email: \"\(bad)\"\n")).count == 1, "\(bad)")
        }
    }

    @Test func emailHintsNameTheMistake() throws {
        let mailto = try only("kontakt:\n  - funktion: IT\n    email: mailto:it@gemeinde.de\n")
        #expect(mailto.location == Loc(path: label, line: 7, column: 12))
        #expect(mailto.hint == "leave out `mailto:`: write `it@gemeinde.de`")
        let at = try only("kontakt:\n  - funktion: IT\n    email: it(at)gemeinde.de\n")
        #expect(at.message == "`email: it(at)gemeinde.de` is not an e-mail address")
        #expect(at.hint == "write `@` instead of `(at)`; the address is shown as a link anyway")
    }

    @Test func telefonMustBeANumber() throws {
        let d = try only("kontakt:\n  - funktion: IT\n    telefon: \"Tel. 0261 123\"\n")
        #expect(d.location == Loc(path: label, line: 7, column: 14))
        #expect(d.message == "`telefon: Tel. 0261 123` is not a telephone number")
        #expect(d.hint?.contains("e.g. \"+49 2622 9460\"") == true)
        for bad in ["+49 (0) 261 123", "12", "0261 123 ext 4", "++49 261", "0261+123"] {
            #expect(Fixture.errors(kommune("kontakt:\n  - funktion: IT\n    telefon: \"\(bad)\"\n")).count == 1, "\(bad)")
        }
    }

    @Test func standIsAMonthOrADay() throws {
        let month = try only("stand: 2021-13\n")
        #expect(month.location == Loc(path: label, line: 5, column: 8))
        #expect(month.message == "`stand: 2021-13`: there is no month 13")
        #expect(month.hint == "months run from 01 to 12")
        let words = try only("stand: März 2021\n")
        #expect(words.message == "`stand: März 2021` is not a date in the form YYYY-MM-DD or YYYY-MM")
        #expect(words.hint == "e.g. 2021-01-20 or 2020-11")
        let day = try only("stand: 2021-02-29\n")
        #expect(day.message == "`stand: 2021-02-29`: there is no 29 Februar")
        #expect(day.hint == "Februar 2021 has 28 days")
    }

    @Test func kurzbeschreibungIsText() throws {
        let list = try only("kurzbeschreibung:\n  - Eins\n")
        #expect(list.location == Loc(path: label, line: 6, column: 3))
        #expect(list.message == "`kurzbeschreibung` must be text")
        #expect(list.hint == "it is written as a list; expected a single value")
        let empty = try only("kurzbeschreibung: \"\"\n")
        #expect(empty.message == "`kurzbeschreibung` must not be empty")
    }

    @Test func newKeysAreSuggested() throws {
        let top = try only("kurzbeschreibnug: Text\n")
        #expect(top.location == Loc(path: label, line: 5, column: 1))
        #expect(top.hint == "did you mean `kurzbeschreibung`?")
        let nested = try only("kontakt:\n  - funktion: IT\n    emial: it@gemeinde.de\n")
        #expect(nested.location == Loc(path: label, line: 7, column: 5))
        #expect(nested.message == "unknown key `emial` in a `kontakt` entry")
        #expect(nested.hint == "did you mean `email`?")
        #expect(try only("kontakt:\n  - funktion: IT\n    telfon: \"0261 1234\"\n").hint == "did you mean `telefon`?")
    }
}
