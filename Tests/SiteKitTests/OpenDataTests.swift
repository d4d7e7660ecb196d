import Foundation
import Testing
@testable import SiteKit

/// The files in `daten/`: quoting, order, GeoJSON's axis order, the Data
/// Package against the CSV headers, the licence setting and the page.
@Suite struct OpenDataTests {
    /// RFC 4180 records, as a strict reader splits them: quoted fields may
    /// hold `,`, `"` (doubled) and line breaks.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, wasQuoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        chars.removeFirst()
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty && !wasQuoted {
                quoted = true
                wasQuoted = true
            } else if c == "," {
                row.append(field)
                field = ""
                wasQuoted = false
            } else if c == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
                wasQuoted = false
            } else {
                field.unicodeScalars.append(c)
            }
        }
        #expect(row.isEmpty && field.isEmpty, "the last record ends with a line break")
        return rows
    }

    static func file(_ result: Build.Result, _ path: String) throws -> String {
        try #require(Fixture.page(result, path), "no file \(path)")
    }

    static func json(_ result: Build.Result, _ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try file(result, path).utf8))
    }

    @Test func fieldsAreQuotedOnlyWhereRFC4180Needs() {
        #expect(CSV.field("Bad Neuenahr-Ahrweiler") == "Bad Neuenahr-Ahrweiler")
        #expect(CSV.field("Süderbrarup, Amt") == "\"Süderbrarup, Amt\"")
        #expect(CSV.field("das \"Kommunal.Hub\"") == "\"das \"\"Kommunal.Hub\"\"\"")
        #expect(CSV.field("zwei\nZeilen") == "\"zwei\nZeilen\"")
        #expect(CSV.field("CR\rhier") == "\"CR\rhier\"")
        #expect(CSV.field("Weißenthurm; Öhringen") == "Weißenthurm; Öhringen")
        #expect(CSV.field("") == "")
    }

    /// Commas, quotes, a line break and umlauts survive a round trip
    /// through a strict RFC 4180 reader.
    @Test func awkwardTitlesRoundTrip() throws {
        let titel = "Glasfaser, WLAN und \"5G\" für Öhringen\nzweite Zeile"
        let result = Fixture.render([
            "kommunen/oehringen.md": """
            ---
            name: "Öhringen, Große Kreisstadt"
            art: Stadt
            bundesland: Baden-Württemberg
            projekte:
              - titel: \(String(decoding: try JSONEncoder().encode(titel), as: UTF8.self))
                handlungsfeld: verwaltung
                status: laufend
                jahr: 2024
            ---
            Text.
            """
        ])
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        let projekte = Self.parseCSV(try Self.file(result, "daten/projekte.csv"))
        #expect(projekte.contains(["oehringen", "1", titel, "verwaltung", "laufend", "2024"]), "\(projekte)")
        let kommunen = Self.parseCSV(try Self.file(result, "daten/kommunen.csv"))
        let name = try #require(kommunen.first?.firstIndex(of: "name"))
        #expect(kommunen.contains { $0[name] == "Öhringen, Große Kreisstadt" })
        #expect(kommunen.allSatisfy { $0.count == kommunen[0].count }, "every row has every column")
    }

    /// Rows by slug, not by German name order (which the pages use), so that
    /// a diff between two builds shows only what changed; reports and news
    /// by date, then slug.
    @Test func rowsAreInStableOrder() throws {
        let result = Fixture.render([
            "kommunen/aachen.md": "---\nname: Zeta\nart: Stadt\nbundesland: Hessen\n---\nText.\n",
            "kommunen/zell.md": "---\nname: Ahlen\nart: Stadt\nbundesland: Hessen\n---\nText.\n",
            "meldungen/b-zwei.md": "---\ntitel: B\ndatum: 2021-05-01\n---\nText.\n",
            "meldungen/a-zwei.md": "---\ntitel: A\ndatum: 2021-05-01\n---\nText.\n",
            "meldungen/z-eins.md": "---\ntitel: Z\ndatum: 2020-01-01\n---\nText.\n",
        ])
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        let kommunen = Self.parseCSV(try Self.file(result, "daten/kommunen.csv")).dropFirst().map { $0[0] }
        #expect(kommunen == ["aachen", "bendorf", "mayen-koblenz", "zell"])
        let meldungen = Self.parseCSV(try Self.file(result, "daten/meldungen.csv")).dropFirst().map { [$0[0], $0[1]] }
        #expect(meldungen == [["2020-01-01", "z-eins"], ["2021-05-01", "a-zwei"], ["2021-05-01", "b-zwei"]])
        let json = try #require(try Self.json(result, "daten/meldungen.json") as? [[String: Any]])
        #expect(json.map { $0["slug"] as? String } == ["z-eins", "a-zwei", "b-zwei"])
    }

    /// RFC 7946: longitude first. Kommunen without coordinates are no features.
    @Test func geoJSONPutsLongitudeFirst() throws {
        let result = Fixture.render([
            "kommunen/bendorf.md": "---\nname: Bendorf\nart: Stadt\nbundesland: Rheinland-Pfalz\nkoordinaten: [50.4297, 7.5703]\n---\nText.\n"
        ])
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        let collection = try #require(try Self.json(result, "daten/kommunen.geojson") as? [String: Any])
        #expect(collection["type"] as? String == "FeatureCollection")
        let features = try #require(collection["features"] as? [[String: Any]])
        #expect(features.count == 1, "mayen-koblenz has no coordinates")
        let feature = try #require(features.first)
        let geometry = try #require(feature["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "Point")
        #expect(geometry["coordinates"] as? [Double] == [7.5703, 50.4297])
        let properties = try #require(feature["properties"] as? [String: Any])
        #expect(properties["slug"] as? String == "bendorf" && properties["breite"] as? Double == 50.4297)
        // The same properties as a record of kommunen.json.
        let records = try #require(try Self.json(result, "daten/kommunen.json") as? [[String: Any]])
        #expect(Set(properties.keys) == Set(records[0].keys))
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let a = try #require(Build.render(try GoldenTests.exampleSite()).files)
        let b = try #require(Build.render(try GoldenTests.exampleSite()).files)
        let data = { (files: [OutputFile]) in files.filter { $0.path.hasPrefix("daten/") }.sorted { $0.path < $1.path } }
        #expect(data(a).map(\.path) == (OpenData.paths + ["daten/index.html"]).sorted())
        #expect(data(a).map(\.bytes) == data(b).map(\.bytes))
    }

    /// Every CSV's header is exactly its resource's fields, in order, and the
    /// package states each file's size.
    @Test func everyColumnIsDescribedInTheDataPackage() throws {
        let result = Build.render(try GoldenTests.exampleSite())
        let package = try #require(try Self.json(result, "daten/datapackage.json") as? [String: Any])
        let resources = try #require(package["resources"] as? [[String: Any]])
        let csvPaths = OpenData.paths.filter { $0.hasSuffix(".csv") }
        #expect(resources.map { "daten/" + ($0["path"] as? String ?? "") } == csvPaths)
        for resource in resources {
            let path = "daten/" + (resource["path"] as? String ?? "")
            let csv = try Self.file(result, path)
            let header = try #require(Self.parseCSV(csv).first)
            let fields = try #require((resource["schema"] as? [String: Any])?["fields"] as? [[String: Any]])
            #expect(header == fields.map { $0["name"] as? String ?? "" }, "\(path)")
            #expect(resource["bytes"] as? Int == csv.utf8.count, "\(path)")
        }
        let kommunen = try #require(resources.first { $0["name"] as? String == "kommunen" })
        let ags = try #require(((kommunen["schema"] as? [String: Any])?["fields"] as? [[String: Any]])?.first { $0["name"] as? String == "ags" })
        #expect(ags["type"] as? String == "string", "a number would drop the leading zero of 07137203")
        #expect(try Self.file(result, "daten/kommunen.csv").contains(",07137203,"))
    }

    @Test func licenceDefaultsToDatenlizenzDeutschland() throws {
        let result = Fixture.render()
        let package = try #require(try Self.json(result, "daten/datapackage.json") as? [String: Any])
        let licence = try #require((package["licenses"] as? [[String: Any]])?.first)
        #expect(licence["path"] as? String == "https://www.govdata.de/dl-de/by-2-0")
        #expect(try Self.file(result, "daten/index.html").contains("Datenlizenz Deutschland – Namensnennung – Version 2.0"))
    }

    @Test func licenceIsChosenInSiteYAML() throws {
        let result = Fixture.render(["site.yaml": Fixture.siteYAML + "\ndaten:\n  lizenz: cc-by/4.0\n"])
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        #expect(try Self.file(result, "daten/datapackage.json").contains("https://creativecommons.org/licenses/by/4.0/"))
        #expect(try Self.file(result, "daten/index.html").contains("https://creativecommons.org/licenses/by/4.0/"))
    }

    @Test func unknownLicenceIsAnErrorWithASuggestion() throws {
        let result = Fixture.render(["site.yaml": Fixture.siteYAML + "\ndaten:\n  lizenz: dl-by-de/2\n"])
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(
            error.formatted.hasPrefix("content/site.yaml:5:11: error: `lizenz: dl-by-de/2` is not one of the allowed values"), "\(error.formatted)")
        #expect(error.hint?.contains("dl-by-de/2.0") == true, "\(String(describing: error.hint))")
        let typo = Fixture.errors(["site.yaml": Fixture.siteYAML + "\ndaten:\n  lizens: cc-zero\n"])
        #expect(typo.contains { $0.hasPrefix("content/site.yaml:5:3:") }, "\(typo)")
    }

    /// The page's sizes are those of the bytes written; every page links it in its footer.
    @Test func pageListsTheFilesWithTheirSizes() throws {
        let result = Build.render(try GoldenTests.exampleSite())
        let page = try Self.file(result, "daten/index.html")
        for path in OpenData.paths {
            let bytes = try Self.file(result, path).utf8.count
            let name = String(path.dropFirst("daten/".count))
            #expect(page.contains(">\(name)</a>"), "\(name)")
            #expect(page.contains(ViewContext.kilobytes(bytes)), "\(name): \(bytes) bytes")
        }
        #expect(page.contains(#""@type":"DataCatalog""#) && page.contains(#""@type":"DataDownload""#))
        for file in try #require(result.files) where file.path.hasSuffix(".html") && file.path != "daten/index.html" {
            #expect(String(decoding: file.bytes, as: UTF8.self).contains(">Offene Daten</a>"), "\(file.path)")
        }
        #expect(page.contains(#"<a href="./" aria-current="page">Offene Daten</a>"#))
    }

    /// The JSON files are written without a `JSONValue` tree per record;
    /// they must still be exactly what the general writer makes, escapes included.
    @Test func recordWriterMatchesTheGeneralWriter() {
        let table = DataTable(
            name: "t", title: "T", description: "",
            columns: ["a", "b", "c", "d", "e"].map { DataColumn(name: $0, kind: .string, description: "") },
            primaryKey: ["a"],
            rows: [
                [.text("Öhringen \"Nord\", \\ Tab\t\u{1B}"), .integer(-3), .number(50.4297), .list(["x", "y\nz"]), .empty],
                [.text(""), .integer(0), .number(7), .list([]), .text("ß")],
            ])
        for row in table.rows {
            var out = ""
            DataTable.appendRecord(row, keys: table.recordKeys, to: &out)
            #expect(out == table.record(row).compact)
        }
        let json = String(decoding: table.json, as: UTF8.self)
        #expect(json == "[\n" + table.rows.map { table.record($0).compact }.joined(separator: ",\n") + "\n]\n")
        #expect(CSV.field("x") == "x" && String(decoding: table.csv, as: UTF8.self).hasSuffix("\n,0,7,,ß\n"))
    }

    @Test func kilobytesAreGerman() {
        #expect(ViewContext.kilobytes(0) == "0,0 KB")
        #expect(ViewContext.kilobytes(1413) == "1,4 KB")
        #expect(ViewContext.kilobytes(1024 * 1234 + 512) == "1.234,5 KB")
    }
}
