import Testing
@testable import SiteKit

/// Mistakes that used to pass in silence: each a warning at its place, in
/// both languages; `strict` makes them errors that stop the build.
@Suite struct SilentMistakesTests {
    func lines(_ changes: [String: String?], media: [String] = [], mediaFiles: [String: String] = [:]) -> (en: [String], de: [String]) {
        let result = Fixture.render(changes, media: media, mediaFiles: mediaFiles)
        #expect(result.files != nil, "a warning does not stop the build")
        return (result.diagnostics.map { $0.formatted(in: .en) }, result.diagnostics.map { $0.formatted(in: .de) })
    }

    static let andernach = "---\nname: Andernach\nart: Stadt\nbundesland: Rheinland-Pfalz\nkreis: mayen-koblenz\nags: \"07137003\"\n---\nText.\n"

    @Test func meldungInTheFuture() {
        let (en, de) = lines(["meldungen/m.md": "---\ntitel: M\ndatum: 2201-03-25\n---\nText\n"])
        #expect(
            en == [
                "content/meldungen/m.md:1:1: warning: `datum: 2201-03-25` lies in the future: the Meldung would be shown as the newest one and date the feed (check the date; an event still to come is announced by a Kaffeerunde, whose date may lie ahead)"
            ])
        #expect(
            de == [
                "content/meldungen/m.md:1:1: Warnung: `datum: 2201-03-25` liegt in der Zukunft: Die Meldung stünde als neueste oben und bestimmte das Datum des Feeds (prüfen Sie das Datum; eine kommende Veranstaltung kündigt ein Kaffeerunden-Bericht an, dessen Datum in der Zukunft liegen darf)"
            ])
        // A Kaffeerunde in the future is an announcement; today's Meldung is fine.
        var builder = SiteModelBuilder()
        builder.today = CalendarDate(year: 2201, month: 3, day: 25)
        #expect(builder.build(Fixture.input(["meldungen/m.md": "---\ntitel: M\ndatum: 2201-03-25\n---\nText\n"])).diagnostics.all.isEmpty)
        #expect(lines(["kaffeerunden/k.md": "---\ntitel: K\ndatum: 2201-03-25\n---\nText\n"]).en.isEmpty)
    }

    @Test func placeholderOfNew() throws {
        let scaffold = try ScaffoldWriter.meldung(titel: "Neu", datum: "2021-03-12")
        let (en, de) = lines(["meldungen/\(scaffold.slug).md": scaffold.text])
        let line = scaffold.text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("Hier steht") }! + 1
        #expect(
            en == [
                "content/meldungen/2021-03-12-neu.md:\(line):1: warning: the placeholder text of `sitegen new` is still here: „Hier steht der Text der Meldung.“ (replace it with the real text)"
            ])
        #expect(
            de == [
                "content/meldungen/2021-03-12-neu.md:\(line):1: Warnung: Hier steht noch der Platzhaltertext von `sitegen new`: „Hier steht der Text der Meldung.“ (ersetzen Sie ihn durch den eigentlichen Text)"
            ])
        let profile = try ScaffoldWriter.kommune(name: "Vallendar", art: "Stadt", bundesland: "Rheinland-Pfalz", kreis: nil)
        #expect(lines(["kommunen/vallendar.md": profile.text]).en.first?.contains("„Hier steht der Text über Vallendar.“") == true)
    }

    @Test func duplicateAGS() {
        let copy = Self.andernach.replacingOccurrences(of: "name: Andernach", with: "name: Stadt Andernach")
        let (en, de) = lines(["kommunen/andernach.md": Self.andernach, "kommunen/stadt-andernach.md": copy])
        #expect(
            en == [
                "content/kommunen/stadt-andernach.md:1:1: warning: `ags: \"07137003\"` is also the AGS of content/kommunen/andernach.md (each Kommune has an Amtlicher Gemeindeschlüssel of its own; check both profiles)"
            ])
        #expect(
            de == [
                "content/kommunen/stadt-andernach.md:1:1: Warnung: `ags: \"07137003\"` ist auch der AGS von content/kommunen/andernach.md (jede Kommune hat ihren eigenen Amtlichen Gemeindeschlüssel; prüfen Sie beide Profile)"
            ])
    }

    @Test func sameNameInOneKreis() {
        let other = Self.andernach.replacingOccurrences(of: "ags: \"07137003\"\n", with: "")
        let (en, de) = lines(["kommunen/andernach.md": Self.andernach, "kommunen/andernach-stadt.md": other])
        #expect(
            en == [
                "content/kommunen/andernach.md:1:1: warning: `name: Andernach` is also the name of content/kommunen/andernach-stadt.md in the same Kreis `mayen-koblenz` (is it the same Kommune twice? Otherwise tell the two apart in `name`)"
            ])
        #expect(
            de == [
                "content/kommunen/andernach.md:1:1: Warnung: `name: Andernach` ist auch der Name von content/kommunen/andernach-stadt.md im selben Kreis `mayen-koblenz` (ist es dieselbe Kommune zweimal? Sonst unterscheiden Sie die beiden in `name`)"
            ])
        // The same name in another Kreis is another place.
        #expect(lines(["kommunen/bendorf-2.md": "---\nname: Bendorf\nart: Gemeinde\nbundesland: Hessen\n---\nText.\n"]).en.isEmpty)
    }

    @Test func titleLongerThan120Characters() {
        let titel = String(repeating: "Digitalisierung ", count: 40).trimmingCharacters(in: .whitespaces)
        let (en, de) = lines(["meldungen/m.md": "---\ntitel: \(titel)\ndatum: 2021-03-12\n---\nText\n"])
        #expect(
            en == [
                "content/meldungen/m.md:2:8: warning: `titel` has 639 characters; browser tabs and search results show about 120 (shorten it to at most 120 characters; the details belong in the text)"
            ])
        #expect(
            de == [
                "content/meldungen/m.md:2:8: Warnung: `titel` hat 639 Zeichen; Browser-Tabs und Suchergebnisse zeigen etwa 120 (kürzen Sie ihn auf höchstens 120 Zeichen; Einzelheiten gehören in den Text)"
            ])
        #expect(lines(["meldungen/m.md": "---\ntitel: \(String(repeating: "a", count: 120))\ndatum: 2021-03-12\n---\nText\n"]).en.isEmpty)
    }

    @Test func valueWrappedInTypographicQuotes() {
        let (en, de) = lines(["kommunen/andernach.md": Self.andernach.replacingOccurrences(of: "name: Andernach", with: "name: „Andernach“")])
        #expect(
            en == [
                "content/kommunen/andernach.md:2:7: warning: `name: „Andernach“` is wrapped in quotation marks, which would be published with it (write `name: Andernach`)"
            ])
        #expect(
            de == [
                "content/kommunen/andernach.md:2:7: Warnung: `name: „Andernach“` steht in Anführungszeichen, die mitveröffentlicht würden (schreiben Sie `name: Andernach`)"
            ])
        // A title that begins with a quotation is not wrapped.
        #expect(lines(["meldungen/m.md": "---\ntitel: \"„Mitten am Rhein“ wächst\"\ndatum: 2021-03-12\n---\nText\n"]).en.isEmpty)
        #expect(YAMLReader.insideTypographicQuotes("„A“ und „B“") == nil)
        #expect(YAMLReader.insideTypographicQuotes("»Vallendar«") == "Vallendar")
    }

    @Test func altTextThatIsTheFileName() {
        let bild = "bild:\n  datei: rathaus.jpg\n  alt: rathaus.jpg\n  credit: Stadt\n"
        let profile =
            "---\nname: Test\nart: Gemeinde\nbundesland: Hessen\n\(bild)---\n![Rathaus](../medien/rathaus.jpg) ![Rathaus.JPG](../medien/rathaus.jpg)\n"
        let (en, de) = lines(["kommunen/test.md": profile], media: ["medien/rathaus.jpg"])
        #expect(
            en == [
                "content/kommunen/test.md:7:8: warning: the alt text `rathaus.jpg` is the file name; it should say what the image shows (describe in a few words what the image shows, e.g. Rathaus am Rheinufer)",
                "content/kommunen/test.md:10:1: warning: the alt text `Rathaus` is the file name; it should say what the image shows (describe in a few words what the image shows, e.g. Rathaus am Rheinufer)",
                "content/kommunen/test.md:10:35: warning: the alt text `Rathaus.JPG` is the file name; it should say what the image shows (describe in a few words what the image shows, e.g. Rathaus am Rheinufer)",
            ])
        #expect(
            de[0]
                == "content/kommunen/test.md:7:8: Warnung: Der Alternativtext `rathaus.jpg` ist der Dateiname; er sollte sagen, was das Bild zeigt (beschreiben Sie in wenigen Worten, was das Bild zeigt, z. B. Rathaus am Rheinufer)"
        )
    }

    @Test func mediaFileLargerThan5MB() {
        let big = String(repeating: "x", count: 6_200_000)
        let (en, de) = lines([:], mediaFiles: ["medien/plan.pdf": big, "medien/klein.pdf": "x"])
        #expect(
            en == [
                "content/medien/plan.pdf:1:1: warning: the file has 6.20 MB; pages with files over 5 MB load slowly on mobile connections (make it smaller, e.g. an image 2000 pixels wide, or link a large document where it is published)"
            ])
        #expect(
            de == [
                "content/medien/plan.pdf:1:1: Warnung: Die Datei ist 6,20 MB groß; Seiten mit Dateien über 5 MB laden über Mobilfunk langsam (verkleinern Sie die Datei, z. B. ein Bild auf 2000 Pixel Breite, oder verlinken Sie ein großes Dokument dort, wo es veröffentlicht ist)"
            ])
    }

    @Test func strictMakesWarningsErrors() {
        let input = Fixture.input(["meldungen/m.md": "---\ntitel: M\ndatum: 2201-03-25\n---\nText\n"])
        var options = Build.Options()
        options.strict = true
        let strict = Build.render(input, options: options)
        #expect(strict.files == nil)
        #expect(strict.diagnostics.map(\.severity) == [.error])
        #expect(strict.diagnostics.first?.code == "meldung-in-future")
        #expect(Build.render(input).files != nil)
    }
}
