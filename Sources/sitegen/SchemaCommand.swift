import ArgumentParser
import Foundation
import SiteKit

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write JSON Schemas of the front matter and of site.yaml for editors' YAML tooling.",
        discussion: "One file per content kind, plus site.yaml and handlungsfelder.yaml; see the README for editor settings."
    )

    @Option(help: "The folder to write the schema files into.") var output = "schemas"

    func run() throws {
        let language = Terminal.localeLanguage
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            for file in SchemaGenerator.all() {
                try Data(file.schema.pretty.utf8).write(to: URL(fileURLWithPath: output + "/" + file.name), options: .atomic)
            }
        } catch {
            throw Terminal.fail(
                Message(.schemasNotWritten, ["output": .value(output), "reason": .value(Terminal.describe(error))]), language: language)
        }
        let names = SchemaGenerator.all().map(\.name).joined(separator: ", ")
        print(Message(.schemasWritten, ["names": .value(names), "output": .value(output)]).text(in: language))
    }
}
