import Foundation
import TestSupport
import Testing
@testable import SiteKit

/// `sitegen new`: the files it writes pass the same checks as any content.
@Suite struct ScaffoldTests {
    /// The Fixture site with the scaffold added; every diagnostic it causes
    /// but the one warning that its placeholder text is still there.
    func diagnostics(_ scaffold: ScaffoldWriter.Scaffold) -> [String] {
        let found = Fixture.render([scaffold.contentPath: scaffold.text]).diagnostics
        #expect(found.filter { $0.code == "placeholder-text" }.map(\.severity) == [.warning])
        return found.filter { $0.code != "placeholder-text" }.map(\.formatted)
    }

    @Test func newKommuneWithItsRequiredOptionsIsValid() throws {
        let scaffold = try ScaffoldWriter.kommune(
            name: "Bad Neuenahr-Ahrweiler", art: "Stadt", bundesland: "Rheinland-Pfalz",
            kreis: "mayen-koblenz")
        #expect(scaffold.contentPath == "kommunen/bad-neuenahr-ahrweiler.md")
        #expect(diagnostics(scaffold) == [])
        let result = Fixture.render([scaffold.contentPath: scaffold.text])
        let kommune = try #require(result.model?.kommune("bad-neuenahr-ahrweiler"))
        #expect(kommune.name == "Bad Neuenahr-Ahrweiler" && kommune.art == .stadt && kommune.kreis?.slug == "mayen-koblenz")
    }

    @Test func newReportAndNewsAreValidAndDated() throws {
        let runde = try ScaffoldWriter.kaffeerunde(titel: "Eltville digitalisiert nachhaltig", datum: "2021-01-20")
        #expect(runde.contentPath == "kaffeerunden/2021-01-eltville-digitalisiert-nachhaltig.md")
        #expect(diagnostics(runde) == [])
        let meldung = try ScaffoldWriter.meldung(titel: "Hennef legt sein Digitalisierungskonzept vor", datum: "2021-03-12")
        #expect(meldung.contentPath == "meldungen/2021-03-12-hennef-legt-sein-digitalisierungskonzept-vor.md")
        #expect(diagnostics(meldung) == [])
    }

    @Test func titlesThatYAMLWouldMisreadAreQuoted() throws {
        for titel in ["Neues Mitglied: Weißenthurm", "Platz #1", "„Mitten am Rhein“ wächst", "no", "2021", "Say \"hi\" \\ bye"] {
            let scaffold = try ScaffoldWriter.meldung(titel: titel, datum: "2021-02-10", slug: "m")
            let result = Fixture.render([scaffold.contentPath: scaffold.text])
            let found = result.diagnostics.filter { $0.code != "placeholder-text" }
            #expect(found.isEmpty, "\(titel): \(found.map(\.formatted))")
            #expect(result.model?.meldungen.first?.titel == titel)
        }
    }

    @Test func everyOptionalKeyIsACommentThatIsValidOnceUncommented() throws {
        let scaffold = try ScaffoldWriter.kommune(name: "Test", art: "Gemeinde", bundesland: "Hessen", kreis: nil)
        for key in Keys.kommuneOptional {
            #expect(scaffold.text.contains("\n# \(key):"), "no comment for `\(key)`")
        }
        // Remove the comment marks: the examples name files and profiles this
        // site does not have, but every key and value is well-formed. With
        // `entwurf: true` uncommented, only a build with drafts checks it.
        let uncommented = scaffold.text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("# ") && !$0.hasPrefix("# Freiwillige") ? String($0.dropFirst(2)) : String($0) }
            .joined(separator: "\n")
        let errors = Fixture.render([scaffold.contentPath: uncommented], drafts: true).diagnostics.filter { $0.severity == .error }
        #expect(!errors.isEmpty)
        for error in errors {
            #expect(error.message.contains("has no profile") || error.message.contains("there is no file"), "\(error.formatted)")
        }
        let runde = try ScaffoldWriter.kaffeerunde(titel: "T", datum: "2021-01-20")
        for key in Keys.kaffeerundeOptional { #expect(runde.text.contains("\n# \(key):"), "no comment for `\(key)`") }
        let meldung = try ScaffoldWriter.meldung(titel: "T", datum: "2021-01-20")
        for key in Keys.meldungOptional { #expect(meldung.text.contains("\n# \(key):"), "no comment for `\(key)`") }
    }

    @Test func missingRequiredOptionsLeaveLinesThatCheckPointsAt() throws {
        let scaffold = try ScaffoldWriter.kommune(name: "Test", art: nil, bundesland: nil, kreis: nil)
        let errors = Fixture.errors([scaffold.contentPath: scaffold.text])
        #expect(
            errors == [
                "content/kommunen/test.md:3:1: `art` has no value",
                "content/kommunen/test.md:4:1: `bundesland` has no value",
            ])
    }

    @Test func invalidOptionsAreRefusedWithASuggestion() {
        #expect(throws: ScaffoldWriter.InvalidValue.self) { try ScaffoldWriter.kommune(name: "X", art: "Grossstadt", bundesland: nil, kreis: nil) }
        do {
            _ = try ScaffoldWriter.kommune(name: "X", art: nil, bundesland: "Rheinland Pfalz", kreis: nil)
            Issue.record("accepted an unknown Bundesland")
        } catch {
            #expect(error.description.contains("did you mean `Rheinland-Pfalz`?"))
        }
        #expect(throws: ScaffoldWriter.InvalidValue.self) { try ScaffoldWriter.kommune(name: "X", art: nil, bundesland: nil, kreis: "Mayen Koblenz") }
        #expect(throws: ScaffoldWriter.InvalidValue.self) { try ScaffoldWriter.meldung(titel: "T", datum: "2023-02-30") }
        #expect(throws: ScaffoldWriter.InvalidValue.self) { try ScaffoldWriter.meldung(titel: "T", datum: "2021-01-20", slug: "Ein Slug") }
        #expect(throws: ScaffoldWriter.InvalidValue.self) { try ScaffoldWriter.meldung(titel: "„…“", datum: "2021-01-20") }
        #expect(throws: ScaffoldWriter.InvalidValue.self) { try ScaffoldWriter.kommune(name: "  ", art: nil, bundesland: nil, kreis: nil) }
    }

    @Test func slugsFollowTheContentFormat() throws {
        #expect(try ScaffoldWriter.kommune(name: "Weißenthurm", art: nil, bundesland: nil, kreis: nil).slug == "weissenthurm")
        #expect(
            try ScaffoldWriter.kommune(name: "Süderbrarup", art: nil, bundesland: nil, kreis: nil, slug: "suederbrarup-amt").slug
                == "suederbrarup-amt")
        // A title that already starts with the date does not repeat it.
        #expect(try ScaffoldWriter.kaffeerunde(titel: "2021-01 Eltville", datum: "2021-01-20").slug == "2021-01-eltville")
    }

    @Test func schemaCommentNamesTheSchema() throws {
        let scaffold = try ScaffoldWriter.meldung(titel: "T", datum: "2021-01-20", schemaReference: "../../schemas/meldung.schema.json")
        #expect(scaffold.text.hasPrefix("---\n# yaml-language-server: $schema=../../schemas/meldung.schema.json\n"))
        #expect(diagnostics(scaffold) == [])
    }
}

/// Writing the scaffold: never over an existing file.
@Suite struct ScaffoldFileTests {
    let folder = TemporaryFolder("new")
    var root: String { folder.path }

    @Test func createsTheFileAndRefusesToOverwrite() throws {
        try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
        let first = try ScaffoldWriter.kommune(name: "Bendorf", art: "Stadt", bundesland: "Rheinland-Pfalz", kreis: nil)
        let path = try ScaffoldFile.create(first, contentDirectory: root + "/content")
        #expect(path == root + "/content/kommunen/bendorf.md")
        #expect(FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } == first.text)

        let second = try ScaffoldWriter.kommune(name: "Bendorf", art: "Gemeinde", bundesland: "Hessen", kreis: nil)
        #expect(throws: ScaffoldFile.CreateError.self) { try ScaffoldFile.create(second, contentDirectory: root + "/content") }
        #expect(FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } == first.text)
    }

    @Test func needsTheContentFolder() throws {
        let scaffold = try ScaffoldWriter.meldung(titel: "T", datum: "2021-01-20")
        #expect(throws: ScaffoldFile.CreateError.self) { try ScaffoldFile.create(scaffold, contentDirectory: root + "/nirgends") }
        #expect(!FileManager.default.fileExists(atPath: root + "/nirgends"))
    }

    @Test func schemaReferenceIsRelativeToTheNewFile() throws {
        try FileManager.default.createDirectory(atPath: root + "/schemas", withIntermediateDirectories: true)
        #expect(ScaffoldFile.schemaReference(contentDirectory: root + "/content", kind: .kommune, schemaDirectory: root + "/schemas") == nil)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: root + "/schemas/kommune.schema.json"))
        #expect(
            ScaffoldFile.schemaReference(contentDirectory: root + "/content", kind: .kommune, schemaDirectory: root + "/schemas")
                == "../../schemas/kommune.schema.json")
        #expect(ScaffoldFile.relativePath(from: "/a/site/content/meldungen", to: "/a/site/content/schemas/m.json") == "../schemas/m.json")
        // Schemas of another project are not named: the path would not hold elsewhere.
        #expect(
            ScaffoldFile.schemaReference(contentDirectory: root + "/elsewhere/content", kind: .kommune, schemaDirectory: root + "/schemas")
                == nil)
    }
}
