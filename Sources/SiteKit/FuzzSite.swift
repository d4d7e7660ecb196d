/// The site the fuzz target (`Fuzz/`, `make fuzz`) builds from each input,
/// and the test that replays what it found (`FuzzRegressionTests`): one
/// place, so that a saved input means the same to both.
///
/// The first byte of an input chooses the kind of file and whether raw HTML
/// is allowed; the other bytes are the whole file, front matter and body,
/// added to a small valid site whose pages, headings and media its links
/// can point to.
public enum FuzzSite {
    public static func input(_ bytes: [UInt8], templates: [InputFile]) -> SiteInput {
        let selector = bytes.first ?? 0
        let file = Array(bytes.dropFirst())
        let path = ["kommunen/fuzz.md", "meldungen/2024-05-14-fuzz.md", "kaffeerunden/2024-05-fuzz.md", "seiten/fuzz.md"][Int(selector % 4)]
        var documents = baseFiles.map { InputFile(path: $0.0, text: $0.1) }
        documents.append(InputFile(path: "site.yaml", text: siteYAML(allowHTML: selector & 4 != 0)))
        documents.append(InputFile(path: path, bytes: file))
        return SiteInput(
            documents: documents.sorted { $0.path < $1.path },
            media: [PassThroughFile(path: "medien/bild.jpg", origin: .memory(photo))],
            templates: templates)
    }

    /// A 2×2 PNG (under a .jpg name: libvips goes by the bytes), so that
    /// images reach the image stage and are shown.
    static let photo: [UInt8] = [
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x02,
        0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xfd, 0xd4, 0x9a, 0x73, 0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41,
        0x54, 0x78, 0xda, 0x63, 0x38, 0x11, 0xa0, 0x01, 0x44, 0x0c, 0x10, 0x0a, 0x00, 0x25, 0x8e, 0x05, 0x01, 0x41, 0x32, 0xde,
        0x47, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ]

    /// The selector byte that puts a file of `folder` (e.g. `meldungen`) in
    /// place, for seeds made from the example content.
    public static func selector(forFolder folder: String) -> UInt8? {
        ["kommunen": 0, "meldungen": 1, "kaffeerunden": 2, "seiten": 3][folder]
    }

    private static func siteYAML(allowHTML: Bool) -> String {
        """
        titel: Fuzznetz
        beschreibung: Ein Netzwerk zum Fuzzen.
        base_url: https://example.org/netz/
        markdown:
          html: \(allowHTML)
        """
    }

    private static let baseFiles: [(String, String)] = [
        ("handlungsfelder.yaml", "- slug: verwaltung\n  name: Digitale Verwaltung\n- slug: bildung\n  name: Bildung\n"),
        ("seiten/impressum.md", "---\ntitel: Impressum\nmenue: 1\n---\nAngaben.\n"),
        ("seiten/datenschutz.md", "---\ntitel: Datenschutz\nmenue: 2\n---\nKeine Cookies.\n"),
        ("seiten/barrierefreiheit.md", "---\ntitel: Barrierefreiheit\nmenue: 3\n---\nErklärung.\n"),
        (
            "kommunen/mayen-koblenz.md",
            "---\nname: Mayen-Koblenz\nart: Landkreis\nbundesland: Rheinland-Pfalz\nags: \"07137\"\n---\nDer Kreis.\n\n## Kreistag\n\nText.\n"
        ),
        (
            "kommunen/bendorf.md",
            "---\nname: Bendorf\nart: Stadt\nbundesland: Rheinland-Pfalz\nkreis: mayen-koblenz\neinwohner: 16900\n"
                + "handlungsfelder: [verwaltung]\n---\nEinleitung.\n\n## Schulen\n\nViel.\n"
        ),
        (
            "kaffeerunden/2021-01-eltville.md",
            "---\ntitel: Eltville\ndatum: 2021-01-20\nkommunen: [bendorf]\n---\nBericht.\n\n## Ergebnisse\n\nText.\n"
        ),
        ("meldungen/2021-02-10-bendorf.md", "---\ntitel: Bendorf\ndatum: 2021-02-10\n---\nMeldung.\n"),
    ]
}
