import Testing
@testable import SiteKit

/// A representative set of mistakes with the exact line sitegen prints,
/// in English and in German.
@Suite struct GermanDiagnosticsTests {
    /// Every diagnostic of the fixture site with `changes`, as printed in both languages.
    func lines(_ changes: [String: String?], media: [String] = []) -> (en: [String], de: [String]) {
        let diagnostics = Fixture.render(changes, media: media).diagnostics
        return (diagnostics.map { $0.formatted(in: .en) }, diagnostics.map { $0.formatted(in: .de) })
    }

    func kommune(_ extra: String, body: String = "Text.") -> [String: String?] {
        ["kommunen/test.md": "---\nname: Test\nart: Gemeinde\nbundesland: Hessen\n\(extra)---\n\(body)\n"]
    }

    @Test func unknownKey() {
        let (en, de) = lines(kommune("einwohnerzahl: 5\n"))
        #expect(
            en == ["content/kommunen/test.md:5:1: error: unknown key `einwohnerzahl` in the front matter of a Kommune (did you mean `einwohner`?)"])
        #expect(
            de == ["content/kommunen/test.md:5:1: Fehler: Unbekannter Schlüssel `einwohnerzahl` im Kopf eines Profils (meinten Sie `einwohner`?)"])
    }

    /// libyaml says what it found in English; German messages carry it in German.
    @Test func yamlSyntaxProblemsInBothLanguages() {
        let (en, de) = lines(kommune("\tleitung: X\n"))
        #expect(
            en == [
                "content/kommunen/test.md:5:1: error: YAML syntax: while scanning a plain scalar found a tab character that violates indentation (check indentation, and quote values that contain `: ` or start with a quote)"
            ])
        #expect(
            de == [
                "content/kommunen/test.md:5:1: Fehler: YAML-Syntaxfehler: in einem Text ohne Anführungszeichen – ein Tabulator stört die Einrückung (nur Leerzeichen einrücken) (prüfen Sie die Einrückung und setzen Sie Werte in Anführungszeichen, die `: ` enthalten oder mit einem Anführungszeichen beginnen)"
            ])
        let (_, colon) = lines(kommune("website: https://a: b\n"))
        #expect(
            colon == [
                "content/kommunen/test.md:5:19: Fehler: YAML-Syntaxfehler: ein Doppelpunkt mit Leerzeichen (`: `) ist hier nicht erlaubt (Wert in Anführungszeichen setzen) (prüfen Sie die Einrückung und setzen Sie Werte in Anführungszeichen, die `: ` enthalten oder mit einem Anführungszeichen beginnen)"
            ])
        // Context and problem, each from its table; unknown words stay as libyaml wrote them.
        #expect(
            YAMLProblems.german("while scanning a quoted scalar found unexpected end of stream")
                == "in einem Text in Anführungszeichen – das Ende kam zu früh (fehlt ein schließendes Anführungszeichen oder eine Klammer?)")
        #expect(YAMLProblems.german("something new") == "something new")
    }

    @Test func unknownNestedKeyAndMissingOne() {
        let (en, de) = lines(kommune("leitung:\n  amt: Bürgermeister\n  nmae: X\n"))
        #expect(
            en.sorted() == [
                "content/kommunen/test.md:6:3: error: required key `name` is missing in `leitung` (add `name: …`)",
                "content/kommunen/test.md:7:3: error: unknown key `nmae` in `leitung` (did you mean `name`?)",
            ])
        #expect(
            de.sorted() == [
                "content/kommunen/test.md:6:3: Fehler: Der Pflichtschlüssel `name` fehlt in `leitung` (ergänzen Sie `name: …`)",
                "content/kommunen/test.md:7:3: Fehler: Unbekannter Schlüssel `nmae` in `leitung` (meinten Sie `name`?)",
            ])
    }

    @Test func valueNotAllowed() {
        let (en, de) = lines(kommune("").mapValues { $0!.replacingOccurrences(of: "Hessen", with: "Rheinland Pfalz") })
        #expect(
            en == [
                "content/kommunen/test.md:4:13: error: `bundesland: Rheinland Pfalz` is not one of the allowed values (did you mean `Rheinland-Pfalz`?)"
            ])
        #expect(
            de == ["content/kommunen/test.md:4:13: Fehler: `bundesland: Rheinland Pfalz` ist kein erlaubter Wert (meinten Sie `Rheinland-Pfalz`?)"])
    }

    @Test func impossibleDate() {
        let (en, de) = lines(["meldungen/m.md": "---\ntitel: M\ndatum: 2023-02-30\n---\nText\n"])
        #expect(en == ["content/meldungen/m.md:3:8: error: `datum: 2023-02-30`: there is no 30 Februar (Februar 2023 has 28 days)"])
        #expect(de == ["content/meldungen/m.md:3:8: Fehler: `datum: 2023-02-30`: Den 30. Februar gibt es nicht (der Februar 2023 hat 28 Tage)"])
    }

    @Test func germanDateWritten() {
        let (en, de) = lines(["meldungen/m.md": "---\ntitel: M\ndatum: 20.01.2021\n---\nText\n"])
        #expect(en == ["content/meldungen/m.md:3:8: error: `datum: 20.01.2021` is not a date in the form YYYY-MM-DD (did you mean `2021-01-20`?)"])
        #expect(de == ["content/meldungen/m.md:3:8: Fehler: `datum: 20.01.2021` ist kein Datum der Form JJJJ-MM-TT (meinten Sie `2021-01-20`?)"])
    }

    @Test func missingTitle() {
        let (en, de) = lines(["meldungen/m.md": "---\ndatum: 2023-02-03\n---\nText\n"])
        #expect(en == ["content/meldungen/m.md:1:1: error: required key `titel` is missing in the front matter of a Meldung (add `titel: …`)"])
        #expect(de == ["content/meldungen/m.md:1:1: Fehler: Der Pflichtschlüssel `titel` fehlt im Kopf einer Meldung (ergänzen Sie `titel: …`)"])
    }

    @Test func emailWithAt() {
        let (en, de) = lines(kommune("kontakt:\n  - funktion: Büro\n    email: it(at)gemeinde.de\n"))
        #expect(
            en == [
                "content/kommunen/test.md:7:12: error: `email: it(at)gemeinde.de` is not an e-mail address (write `@` instead of `(at)`; the address is shown as a link anyway)"
            ])
        #expect(
            de == [
                "content/kommunen/test.md:7:12: Fehler: `email: it(at)gemeinde.de` ist keine E-Mail-Adresse (schreiben Sie `@` statt `(at)`; die Adresse wird ohnehin als Link gezeigt)"
            ])
    }

    @Test func unquotedAGS() {
        let (en, de) = lines(kommune("ags: 07137003\n"))
        #expect(en == ["content/kommunen/test.md:5:6: error: `ags` must be written in quotes (write ags: \"07137003\" so leading zeros survive)"])
        #expect(
            de == [
                "content/kommunen/test.md:5:6: Fehler: `ags` muss in Anführungszeichen stehen (schreiben Sie ags: \"07137003\", damit führende Nullen erhalten bleiben)"
            ])
    }

    @Test func profileThatDoesNotExist() {
        let (en, de) = lines(["meldungen/m.md": "---\ntitel: M\ndatum: 2023-02-03\nkommunen: [gibt-es-nicht]\n---\nText\n"])
        #expect(
            en == [
                "content/meldungen/m.md:4:12: error: `kommunen` names `gibt-es-nicht`, which has no profile in kommunen/ (create kommunen/gibt-es-nicht.md)"
            ])
        #expect(
            de == [
                "content/meldungen/m.md:4:12: Fehler: `kommunen` nennt `gibt-es-nicht`, dazu gibt es kein Profil in kommunen/ (legen Sie kommunen/gibt-es-nicht.md an)"
            ])
    }

    @Test func deadLinkAndWrongAnchor() {
        let (en, de) = lines(kommune("", body: "[a](gibt-es-nicht.md) und [b](bendorf.md#bildungg)"))
        #expect(
            en.sorted() == [
                "content/kommunen/test.md:6:1: error: link to ../kommunen/gibt-es-nicht.md: no such file",
                "content/kommunen/test.md:6:27: error: ../kommunen/bendorf.md has no heading `bildungg`",
            ])
        #expect(
            de.sorted() == [
                "content/kommunen/test.md:6:1: Fehler: Link auf ../kommunen/gibt-es-nicht.md: Diese Datei gibt es nicht",
                "content/kommunen/test.md:6:27: Fehler: ../kommunen/bendorf.md hat keine Überschrift `bildungg`",
            ])
    }

    @Test func fileNameThatIsNotASlug() {
        let (en, de) = lines(["kommunen/Weißenthurm.md": "---\nname: Weißenthurm\nart: Stadt\nbundesland: Rheinland-Pfalz\n---\nText\n"])
        #expect(
            en == [
                "content/kommunen/Weißenthurm.md:1:1: error: file name `Weißenthurm.md` is not a slug (lower-case a-z, 0-9 and single hyphens) (rename it to weissenthurm.md)"
            ])
        #expect(
            de == [
                "content/kommunen/Weißenthurm.md:1:1: Fehler: Der Dateiname `Weißenthurm.md` ist kein Slug (Kleinbuchstaben a–z, Ziffern 0–9 und einzelne Bindestriche) (benennen Sie die Datei in weissenthurm.md um)"
            ])
    }

    @Test func imageWithoutAltIsAnErrorAndHeadingOneAWarning() {
        let (en, de) = lines(kommune("", body: "# Titel\n\n![](../medien/karte.png)"), media: ["medien/karte.png"])
        #expect(
            en == [
                "content/kommunen/test.md:6:1: warning: a `#` heading in the text is shown as `##`: the title is the page's only top heading (start sections with ##)",
                "content/kommunen/test.md:8:1: error: image has no alt text (describe the image: ![Was das Bild zeigt](../medien/bild.jpg))",
            ])
        #expect(
            de == [
                "content/kommunen/test.md:6:1: Warnung: Eine Überschrift `#` im Text wird als `##` gezeigt: Der Titel ist die einzige oberste Überschrift der Seite (beginnen Sie Abschnitte mit ##)",
                "content/kommunen/test.md:8:1: Fehler: Das Bild hat keinen Alternativtext (beschreiben Sie das Bild: ![Was das Bild zeigt](../medien/bild.jpg))",
            ])
    }

    /// The error `make` throws, or nil.
    func invalid(_ make: () throws(ScaffoldWriter.InvalidValue) -> ScaffoldWriter.Scaffold) -> ScaffoldWriter.InvalidValue? {
        do throws(ScaffoldWriter.InvalidValue) {
            _ = try make()
            return nil
        } catch {
            return error
        }
    }

    /// What `sitegen new` and a missing folder say, outside the content.
    @Test func problemsOutsideTheContent() {
        let art = invalid { () throws(ScaffoldWriter.InvalidValue) in
            try ScaffoldWriter.kommune(name: "X", art: "Grossstadt", bundesland: nil, kreis: nil)
        }
        #expect(
            art?.message.text(in: .de)
                == "--art `Grossstadt` ist kein erlaubter Wert (erlaubt: Gemeinde, Ortsgemeinde, Stadt, Kreisfreie Stadt, Verbandsgemeinde, Verbandsfreie Gemeinde, Samtgemeinde, Amt, Landkreis)"
        )
        let datum = invalid { () throws(ScaffoldWriter.InvalidValue) in try ScaffoldWriter.meldung(titel: "T", datum: "20.01.2021") }
        #expect(datum?.description == "--datum `20.01.2021` is not a date in the form YYYY-MM-DD; did you mean `2021-01-20`?")
        #expect(datum?.message.text(in: .de) == "--datum `20.01.2021` ist kein Datum der Form JJJJ-MM-TT; meinten Sie `2021-01-20`?")
        let name = invalid { () throws(ScaffoldWriter.InvalidValue) in
            try ScaffoldWriter.kommune(name: " ", art: nil, bundesland: nil, kreis: nil)
        }
        #expect(name?.description == "the name must not be empty")
        #expect(name?.message.text(in: .de) == "Der Name darf nicht leer sein")
        let exists = ScaffoldFile.CreateError.exists("content/kommunen/bendorf.md")
        #expect(
            exists.description == "content/kommunen/bendorf.md already exists; sitegen new never replaces a file (choose another name with --slug)")
        #expect(
            exists.message.text(in: .de)
                == "content/kommunen/bendorf.md gibt es schon; sitegen new ersetzt nie eine Datei (wählen Sie mit --slug einen anderen Namen)")
        let missing = DiskLoader.LoadError.notADirectory("inhalt")
        #expect(missing.description == "inhalt: no such folder")
        #expect(missing.message.text(in: .de) == "inhalt: Diesen Ordner gibt es nicht")
    }

    /// The decode cache keeps the code and the arguments, not the English
    /// text: a cached diagnostic is shown in German as well.
    @Test func cachedDiagnosticsKeepTheirArguments() throws {
        var original = Diagnostics()
        original.error(
            SourceLocation(path: "content/kommunen/a.md", line: 3, column: 2), .unknownKey,
            ["key": "nmae", "where": .within(Message(.placeKontakt))], hint: .didYouMean("name"))
        original.warning(
            SourceLocation(path: "x.md"), .summaryChecked,
            ["files": .count(2, .wordFile), "seconds": .decimal(1.5), "counts": .phrase(Message(.summaryErrorCounts, ["errors": .grouped(1234)]))])
        var writer = BinaryWriter()
        writer.diagnostics(original)
        let bytes = writer.bytes
        let read = try bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            return try reader.diagnostics()
        }
        #expect(read.all == original.all)
        #expect(
            read.all[0].formatted(in: .de)
                == "content/kommunen/a.md:3:2: Fehler: Unbekannter Schlüssel `nmae` in einem Eintrag von `kontakt` (meinten Sie `name`?)")
    }
}
