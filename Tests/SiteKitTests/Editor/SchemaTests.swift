import Foundation
import Testing
@testable import SiteKit

/// The JSON Schemas must say what the decoders accept: the same keys, the
/// same required ones, the same enum values.
@Suite struct SchemaTests {
    func parsed(_ name: String) throws -> [String: Any] {
        let file = try #require(SchemaGenerator.all().first { $0.name == name })
        let object = try JSONSerialization.jsonObject(with: Data(file.schema.pretty.utf8))
        return try #require(object as? [String: Any])
    }

    func keys(_ schema: [String: Any]) -> [String] {
        (schema["properties"] as? [String: Any]).map { Array($0.keys).sorted() } ?? []
    }

    func object(_ schema: [String: Any], _ path: String...) -> [String: Any] {
        var current: Any = schema
        for key in path {
            current = (current as? [String: Any])?[key] ?? [:]
        }
        return current as? [String: Any] ?? [:]
    }

    @Test func oneValidFilePerKindWithEveryKey() throws {
        let expected: [(String, [String], [String])] = [
            ("kommune.schema.json", Keys.kommuneRequired, Keys.kommuneOptional),
            ("kaffeerunde.schema.json", Keys.kaffeerundeRequired, Keys.kaffeerundeOptional),
            ("meldung.schema.json", Keys.meldungRequired, Keys.meldungOptional),
            ("seite.schema.json", Keys.seiteRequired, Keys.seiteOptional),
            ("site.schema.json", Keys.siteRequired, Keys.siteOptional),
        ]
        #expect(SchemaGenerator.all().map(\.name).sorted() == (expected.map(\.0) + ["handlungsfelder.schema.json"]).sorted())
        for (name, required, optional) in expected {
            let schema = try parsed(name)
            #expect(schema["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
            #expect(keys(schema) == (required + optional).sorted(), "\(name)")
            #expect(schema["required"] as? [String] == required, "\(name)")
            #expect(schema["additionalProperties"] as? Bool == false, "\(name)")
            #expect((schema["description"] as? String)?.isEmpty == false)
        }
    }

    @Test func nestedMappingsListTheirKeys() throws {
        let kommune = try parsed("kommune.schema.json")
        let nested: [([String], [String], [String])] = [
            (["leitung"], Keys.leitungRequired, []),
            (["kontakt", "items"], Keys.kontaktRequired, Keys.kontaktOptional),
            (["projekte", "items"], Keys.projektRequired, Keys.projektOptional),
            (["quellen", "items"], Keys.quelleRequired, Keys.quelleOptional),
            (["bild"], Keys.bildRequired, Keys.bildOptional),
        ]
        for (path, required, optional) in nested {
            let schema = path.reduce(object(kommune, "properties")) { current, key in
                key == "items" ? object(current, key) : object(current, key)
            }
            #expect(keys(schema) == (required + optional).sorted(), "\(path)")
            #expect(schema["required"] as? [String] == required, "\(path)")
            #expect(schema["additionalProperties"] as? Bool == false, "\(path)")
        }
        let impulse = object(try parsed("kaffeerunde.schema.json"), "properties", "impulse", "items")
        #expect(keys(impulse) == (Keys.impulsRequired + Keys.impulsOptional).sorted())
        let site = try parsed("site.schema.json")
        #expect(keys(object(site, "properties", "herausgeber")) == (Keys.herausgeberRequired + Keys.herausgeberOptional).sorted())
        #expect(keys(object(site, "properties", "markdown")) == Keys.markdownOptional)
        #expect(keys(object(site, "properties", "daten")) == Keys.datenOptional.sorted())
        #expect(object(site, "properties", "daten", "properties", "lizenz")["enum"] as? [String] == DatenLizenz.allCases.map(\.rawValue))
        let felder = object(try parsed("handlungsfelder.schema.json"), "items")
        #expect(keys(felder) == (Keys.handlungsfeldRequired + Keys.handlungsfeldOptional).sorted())
    }

    @Test func enumsAreTheModelsValues() throws {
        let properties = object(try parsed("kommune.schema.json"), "properties")
        #expect(object(properties, "art")["enum"] as? [String] == Art.allCases.map(\.rawValue))
        #expect(object(properties, "bundesland")["enum"] as? [String] == Bundesland.allCases.map(\.rawValue))
        #expect(object(properties, "projekte", "items", "properties", "status")["enum"] as? [String] == ProjektStatus.allCases.map(\.rawValue))
    }

    @Test func datesAndSlugsHavePatterns() throws {
        let meldung = object(try parsed("meldung.schema.json"), "properties")
        let date = try NSRegularExpression(pattern: try #require(object(meldung, "datum")["pattern"] as? String))
        func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        #expect(matches(date, "2021-03-12") && !matches(date, "12.03.2021") && !matches(date, "2021-03"))
        let kommune = object(try parsed("kommune.schema.json"), "properties")
        let month = try NSRegularExpression(pattern: try #require(object(kommune, "mitglied_seit")["pattern"] as? String))
        #expect(matches(month, "2020-11") && matches(month, "2020-11-01") && !matches(month, "11/2020"))
        let slug = try NSRegularExpression(pattern: try #require(object(kommune, "kreis")["pattern"] as? String))
        #expect(matches(slug, "mayen-koblenz") && !matches(slug, "Mayen-Koblenz") && !matches(slug, "mayen--koblenz"))
        let ags = try NSRegularExpression(pattern: try #require(object(kommune, "ags")["pattern"] as? String))
        #expect(matches(ags, "07137203") && matches(ags, "07137") && !matches(ags, "0713"))
    }

    /// The schemas in `schemas/` are what `sitegen schema` writes, so that
    /// the comment in content/site.yaml points at current ones.
    @Test func committedSchemasAreCurrent() throws {
        for file in SchemaGenerator.all() {
            let path = Fixture.repoRoot.appendingPathComponent("schemas/" + file.name).path
            let committed = try #require(FileManager.default.contents(atPath: path), "schemas/\(file.name) is missing; run sitegen schema")
            #expect(
                String(decoding: committed, as: UTF8.self) == file.schema.pretty,
                "schemas/\(file.name) is out of date; run .build/debug/sitegen schema")
        }
    }
}
