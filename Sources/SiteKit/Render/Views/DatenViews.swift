import SiteTemplates
/// The `daten/` page: the datasets of the open data with their files.
struct DatenView: ViewModel {
    struct Datei: ViewModel {
        var url: String
        /// The file name, e.g. `kommunen.csv`.
        var datei: String
        var format: String
        var mediaType: String
        /// `12,3 KB`
        var groesse: String
        static let fields: Fields<Self> = [
            "url": .key(\.url), "datei": .key(\.datei), "format": .key(\.format),
            "media_type": .key(\.mediaType), "groesse": .key(\.groesse),
        ]
    }

    struct Datensatz: ViewModel {
        var id: String
        var titel: String
        var beschreibung: String
        var dateien: [Datei]
        static let fields: Fields<Self> = [
            "id": .key(\.id), "titel": .key(\.titel), "beschreibung": .key(\.beschreibung),
            "dateien": .key(\.dateien),
        ]
    }

    var datensaetze: [Datensatz]
    var paket: Datei
    /// The DCAT-AP.de catalogue of all datasets (`catalog.ttl`).
    var katalog: Datei
    /// The Kaffeerunden as a calendar (`kaffeerunden.ics`).
    var kalender: Datei
    var lizenz: String
    var lizenzURL: String

    static let fields: Fields<Self> = [
        "datensaetze": .key(\.datensaetze), "paket": .key(\.paket),
        "katalog": .key(\.katalog), "kalender": .key(\.kalender),
        "lizenz": .key(\.lizenz), "lizenz_url": .key(\.lizenzURL),
    ]
}

extension ViewContext {
    func datenPage(_ data: OpenData) -> PagePlan {
        let page = OpenData.folder
        func datei(_ d: OpenData.Distribution) -> DatenView.Datei {
            let name = String(d.path.dropFirst(OpenData.folder.count))
            // The page sits in the files' folder: the file name is the relative URL.
            return .init(
                url: name, datei: name, format: d.format,
                mediaType: d.mediaType, groesse: Self.kilobytes(d.bytes))
        }
        let datasets = data.datasets
        let lizenz = reads.settings.datenLizenz
        let view = DatenView(
            datensaetze: datasets.map { .init(id: "_" + $0.name, titel: $0.title, beschreibung: $0.description, dateien: $0.files.map(datei)) },
            paket: datei(data.packageFile), katalog: datei(data.catalogFile), kalender: datei(data.calendarFile),
            lizenz: lizenz.title, lizenzURL: lizenz.url)
        return PagePlan(
            path: page, template: "daten",
            view: PageView(
                layout: layout(
                    page: page, title: "Offene Daten",
                    description: "Die Kommunen, Projekte, Kaffeerunden und Meldungen des Netzwerks als CSV, JSON und GeoJSON.",
                    jsonld: JSONLD.dataCatalog(datasets, settings: reads.settings)),
                content: view))
    }

    /// `0,4 KB`, `1.234,5 KB`: one decimal, rounded, 1 KB = 1,024 bytes.
    static func kilobytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 512) / 1024
        return "\(GermanFormat.number(tenths / 10)),\(tenths % 10) KB"
    }
}
