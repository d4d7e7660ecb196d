import Foundation
import Testing
@testable import SiteKit

/// `daten/catalog.ttl`: the Turtle writer, and the catalogue it writes
/// from the settings and the content.
@Suite struct CatalogTests {
    @Test func turtleEscapesStringsAndIRIs() {
        #expect(Turtle.string("Sag \"Hallo\"\\ und\nTschüss\t!") == "\"Sag \\\"Hallo\\\"\\\\ und\\nTschüss\\t!\"")
        #expect(Turtle.string("\u{01}") == "\"\\u0001\"")
        #expect(Turtle.iri("https://example.org/a b<c>") == "<https://example.org/a\\u0020b\\u003Cc\\u003E>")
        #expect(Turtle.write(.text("Kommunen", language: "de")) == "\"Kommunen\"@de")
        #expect(Turtle.write(.typed("2021-03", datatype: "xsd:gYearMonth")) == "\"2021-03\"^^xsd:gYearMonth")
    }

    @Test func turtleBlocksListPredicatesInOrderAndLeaveOutEmptyOnes() {
        var ttl = Turtle(prefixes: [("dct", "http://purl.org/dc/terms/")])
        ttl.subject(.iri("https://example.org/#a"), [("a", [.name("dct:Agent")]), ("dct:title", []), ("dct:subject", [.text("x"), .text("y")])])
        ttl.subject(.iri("https://example.org/#leer"), [("dct:title", [])])
        #expect(
            ttl.text == """
                @prefix dct: <http://purl.org/dc/terms/> .

                <https://example.org/#a> a dct:Agent ;
                    dct:subject "x", "y" .

                """)
    }

    static func catalog(_ site: String, _ changes: [String: String?] = [:]) throws -> String {
        var files = changes
        files["site.yaml"] = site
        let result = Build.render(Fixture.input(files), options: .init(heute: CalendarDate(year: 2026, month: 12, day: 1)))
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        return try #require(Fixture.page(result, "daten/catalog.ttl"))
    }

    @Test func theCatalogueNamesLicenceContributorFormatsAndDates() throws {
        let ttl = try Self.catalog(
            Fixture.siteYAML
                + "\nherausgeber:\n  name: Testverein\n  email: post@example.org\ndaten:\n  lizenz: cc-by/4.0\n  contributor_id: testVerein\n",
            [
                "kommunen/bendorf.md": Fixture.baseFiles["kommunen/bendorf.md"]!.replacingOccurrences(
                    of: "einwohner:", with: "stand: 2024-05-02\neinwohner:"),
                "meldungen/2025-01-01-alt.md": "---\ntitel: Alt\ndatum: 2025-01-01\n---\nText.\n",
                "meldungen/2027-01-01-neu.md": "---\ntitel: Neu\ndatum: 2027-01-01\n---\nText.\n",
            ])
        #expect(ttl.contains("dct:license <http://dcat-ap.de/def/licenses/cc-by/4.0>"))
        #expect(ttl.components(separatedBy: "dcatde:contributorID <http://dcat-ap.de/def/contributors/testVerein>").count == 6)
        for (format, type) in [("CSV", "text/csv"), ("JSON", "application/json"), ("GEOJSON", "application/geo+json")] {
            #expect(ttl.contains("dct:format <http://publications.europa.eu/resource/authority/file-type/\(format)>"))
            #expect(ttl.contains("dcat:mediaType <https://www.iana.org/assignments/media-types/\(type)>"))
        }
        #expect(ttl.components(separatedBy: " a dcat:Dataset ;").count == 6)
        // Nine tables' files and the calendar of the Kaffeerunden, by its media type.
        #expect(ttl.components(separatedBy: " a dcat:Distribution ;").count == 11)
        #expect(ttl.contains("dcat:mediaType <https://www.iana.org/assignments/media-types/text/calendar>"))
        #expect(ttl.contains("<https://example.org/netz/daten/catalog.ttl#kaffeerunden-ics>"))
        #expect(ttl.contains("vcard:hasEmail <mailto:post@example.org>"))
        #expect(ttl.contains("foaf:name \"Testverein\"@de"))
        // Dates from the content; a news item after the build date does not count.
        #expect(ttl.contains("<https://example.org/netz/daten/catalog.ttl#meldungen> a dcat:Dataset"))
        #expect(ttl.contains("dct:modified \"2025-01-01\"^^xsd:date"))
        #expect(ttl.contains("dct:modified \"2024-05-02\"^^xsd:date"))
        #expect(!ttl.contains("2027-01-01\"^^xsd:date"))
        // Both Kommunen lie in Rheinland-Pfalz: the catalogue names the Land.
        #expect(ttl.contains("dcatde:politicalGeocodingURI <http://dcat-ap.de/def/politicalGeocoding/stateKey/07>"))
        #expect(ttl.contains("dcatde:politicalGeocodingLevelURI <http://dcat-ap.de/def/politicalGeocoding/Level/state>"))
        // The sizes are those of the files.
        let result = Build.render(Fixture.input(["site.yaml": Fixture.siteYAML]))
        let csv = try #require(result.files?.first { $0.path == "daten/kommunen.csv" })
        #expect(try #require(Fixture.page(result, "daten/catalog.ttl")).contains("dcat:byteSize \"\(csv.bytes.count)\"^^xsd:decimal"))
    }

    @Test func withoutHerausgeberOrContributorTheCatalogueStillHasPublisherAndContact() throws {
        let ttl = try Self.catalog(
            Fixture.siteYAML,
            ["kommunen/eltville.md": "---\nname: Eltville\nart: Stadt\nbundesland: Hessen\n---\nText.\n"])
        #expect(ttl.contains("dct:license <http://dcat-ap.de/def/licenses/dl-by-de/2.0>"))
        #expect(!ttl.contains("dcatde:contributorID"))
        #expect(ttl.contains("foaf:name \"Testnetz\"@de"))
        #expect(ttl.contains("vcard:hasURL <https://example.org/netz/impressum/>"))
        // Two Länder: no Land is named.
        #expect(!ttl.contains("politicalGeocoding"))
    }

    @Test func contributorIDsAreCheckedWithTheirPlace() throws {
        func errors(_ value: String) -> [String] {
            Fixture.errors(["site.yaml": Fixture.siteYAML + "\ndaten:\n  contributor_id: \(value)\n"])
        }
        #expect(errors("http://dcat-ap.de/def/contributors/bundesamtFuerStatistik") == [])
        #expect(errors("bundesamtFuerStatistik") == [])
        #expect(
            errors("Bundesamt für Statistik")
                == [
                    "content/site.yaml:5:19: `contributor_id: Bundesamt für Statistik` is not a contributor ID of GovData (http://dcat-ap.de/def/contributors/…)"
                ])
        let result = Fixture.render(["site.yaml": Fixture.siteYAML + "\ndaten:\n  contributor_id: https://example.org/wir\n"])
        #expect(result.diagnostics.first?.hint == "the IRI must start with http://dcat-ap.de/def/contributors/")
        #expect(errors("[a, b]") == ["content/site.yaml:5:19: `contributor_id` must be text"])
    }

    @Test func theDatenPageLinksCatalogueAndCalendar() throws {
        let page = try #require(Fixture.page(Fixture.render(), "daten/index.html"))
        #expect(page.contains("<a href=\"catalog.ttl\" type=\"text/turtle\">catalog.ttl</a>"))
        #expect(page.contains("<a href=\"kaffeerunden.ics\" type=\"text/calendar\">kaffeerunden.ics</a>"))
    }
}
