/// The open data of a site (`daten/`): tables made from the model, never
/// from the rendered HTML, written as CSV, JSON and GeoJSON with a Data
/// Package describing the CSV files, a DCAT-AP.de catalogue of them all
/// and the Kaffeerunden as a calendar. A stage beside rendering: every file
/// is a job without a trace, made again by every build (the writer leaves
/// files whose bytes did not change), and each table is made once, by
/// the first job that needs it.
final class OpenData: Sendable {
    static let folder = "daten/"

    /// One file of a dataset, as the `daten/` page and its JSON-LD describe it.
    struct Distribution: Sendable {
        /// Relative to the output folder, e.g. `daten/kommunen.csv`.
        var path: String
        var format: String
        var mediaType: String
        var bytes: Int
    }

    /// A table in all its formats.
    struct Dataset: Sendable {
        var name: String
        var title: String
        var description: String
        var files: [Distribution]
    }

    enum Format: CaseIterable {
        case csv, json, geojson
        var suffix: String { ".\(self)" }
        var label: String { self == .geojson ? "GeoJSON" : "\(self)".uppercased() }
        var mediaType: String {
            switch self {
            case .csv: return "text/csv"
            case .json: return "application/json"
            case .geojson: return "application/geo+json"
            }
        }
    }

    /// Each table with the formats it is published in, in the order the page lists them.
    static let published: [(name: String, formats: [Format])] = [
        ("kommunen", [.csv, .json, .geojson]), ("projekte", [.csv]), ("handlungsfelder", [.csv]),
        ("kaffeerunden", [.csv, .json]), ("meldungen", [.csv, .json]),
    ]
    static let packagePath = folder + "datapackage.json"
    static let catalogPath = DCATCatalog.path
    static let calendarPath = KaffeerundenKalender.path

    let settings: SiteSettings
    private let tables: [String: Once<DataTable>]
    private let files: [String: Once<[UInt8]>]
    private let package: Once<[UInt8]>
    private let catalog: Once<[UInt8]>
    private let calendar: Once<[UInt8]>

    init(_ model: SiteModel) {
        settings = model.settings
        let makers: [String: @Sendable (SiteModel) -> DataTable] = [
            "kommunen": DataTable.kommunen, "projekte": DataTable.projekte, "handlungsfelder": DataTable.handlungsfelder,
            "kaffeerunden": DataTable.kaffeerunden, "meldungen": DataTable.meldungen,
        ]
        let tables = makers.mapValues { make in Once { make(model) } }
        var files: [String: Once<[UInt8]>] = [:]
        for (name, formats) in Self.published {
            let table = tables[name]!
            for format in formats {
                files[Self.folder + name + format.suffix] = Once {
                    switch format {
                    case .csv: return table.value.csv
                    case .json: return table.value.json
                    case .geojson: return GeoJSON.points(table.value)
                    }
                }
            }
        }
        let csvs = Self.published.map { name, _ in (tables[name]!, files[Self.folder + name + ".csv"]!) }
        let settings = model.settings
        package = Once { DataPackage.json(csvs.map { ($0.0.value, $0.1.value) }, settings: settings) }
        self.tables = tables
        self.files = files
        let calendar = Once { KaffeerundenKalender.calendar(model).bytes }
        self.calendar = calendar
        // The catalogue states each file's size: made after them, from the
        // same list as the page. The calendar is the Kaffeerunden's too.
        let made = files
        catalog = Once {
            let datasets = Self.datasets(tables: tables, files: made).map { dataset -> Dataset in
                guard dataset.name == "kaffeerunden" else { return dataset }
                var withCalendar = dataset
                withCalendar.files.append(Self.calendarDistribution(bytes: calendar.value.count))
                return withCalendar
            }
            return DCATCatalog.turtle(datasets, model: model)
        }
    }

    /// Every file of `daten/` but the page, in a fixed order: first each
    /// table's CSV, so that jobs run side by side make different tables
    /// rather than wait for the same one.
    static var paths: [String] {
        Format.allCases.flatMap { format in published.filter { $0.formats.contains(format) }.map { folder + $0.name + format.suffix } }
            + [packagePath, calendarPath, catalogPath]
    }

    func bytes(_ path: String) -> [UInt8] {
        switch path {
        case Self.packagePath: return package.value
        case Self.catalogPath: return catalog.value
        case Self.calendarPath: return calendar.value
        default: return files[path]!.value
        }
    }

    /// The datasets with their sizes, for the page.
    var datasets: [Dataset] { Self.datasets(tables: tables, files: files) }

    private static func datasets(tables: [String: Once<DataTable>], files: [String: Once<[UInt8]>]) -> [Dataset] {
        published.map { name, formats in
            let table = tables[name]!.value
            return Dataset(
                name: name, title: table.title, description: table.description,
                files: formats.map { format in
                    let path = folder + name + format.suffix
                    return Distribution(path: path, format: format.label, mediaType: format.mediaType, bytes: files[path]!.value.count)
                })
        }
    }

    var packageFile: Distribution {
        Distribution(path: Self.packagePath, format: "JSON", mediaType: "application/json", bytes: package.value.count)
    }

    var catalogFile: Distribution {
        Distribution(path: Self.catalogPath, format: "Turtle", mediaType: "text/turtle", bytes: catalog.value.count)
    }

    var calendarFile: Distribution { Self.calendarDistribution(bytes: calendar.value.count) }

    static func calendarDistribution(bytes: Int) -> Distribution {
        Distribution(path: calendarPath, format: "iCalendar", mediaType: "text/calendar", bytes: bytes)
    }
}
