import ArgumentParser
import Foundation
import SiteKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new profile, report or news item from a template.",
        discussion: """
            The file name is the slug made from the name or title (news and reports begin with their date). \
            Required keys are filled in from the options, optional keys are written as comments. \
            An existing file is never replaced.
            """,
        subcommands: [NewKommune.self, NewKaffeerunde.self, NewMeldung.self]
    )
}

/// What all three `new` commands share: where to write, and the schema
/// comment for editors.
struct NewFileOptions: ParsableArguments {
    @Option(help: "The content folder.") var content = "content"
    @Option(help: "Use this file name (without .md) instead of the one made from the name or title.") var slug: String?
    @Option(
        help: "The folder `sitegen schema` wrote to; when it holds the schema of the kind, the new file names it in a yaml-language-server comment.")
    var schemas = "schemas"
    @Option(
        name: [.customLong("lang"), .customLong("sprache")],
        help: "The language of messages: de or en (default: from LC_ALL, LC_MESSAGES or LANG; German when it starts with de).")
    var lang: MessageLanguage?

    /// `--lang`, else the locale.
    var language: MessageLanguage { MessageLanguage.resolve(option: lang, environment: ProcessInfo.processInfo.environment) }

    func create(_ make: (String?) throws(ScaffoldWriter.InvalidValue) -> ScaffoldWriter.Scaffold, kind: ContentKind) throws {
        let reference = ScaffoldFile.schemaReference(contentDirectory: content, kind: kind, schemaDirectory: schemas)
        let scaffold: ScaffoldWriter.Scaffold
        do {
            scaffold = try make(reference)
        } catch {
            throw ValidationError(error.message.text(in: language))
        }
        do {
            let path = try ScaffoldFile.create(scaffold, contentDirectory: content)
            print(Message(.fileWritten, ["path": .value(path)]).text(in: language))
        } catch {
            throw Terminal.fail(error.message, language: language)
        }
    }

    /// Today in the local time zone, the date an editor means.
    static var today: String {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!).description
    }
}

struct NewKommune: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kommune", abstract: "Start the profile of a Kommune.")

    @Argument(help: "The name, e.g. \"Bad Neuenahr-Ahrweiler\".") var name: String
    @Option(help: "One of: \(Art.allCases.map(\.rawValue).joined(separator: ", ")).") var art: String?
    @Option(help: "The Land, written out, e.g. Rheinland-Pfalz.") var bundesland: String?
    @Option(help: "The slug of the profile of its Landkreis.") var kreis: String?
    @OptionGroup var file: NewFileOptions

    func run() throws {
        try file.create(
            { reference throws(ScaffoldWriter.InvalidValue) in
                try ScaffoldWriter.kommune(name: name, art: art, bundesland: bundesland, kreis: kreis, slug: file.slug, schemaReference: reference)
            }, kind: .kommune)
        let language = file.language
        let missing = [art == nil ? "art" : nil, bundesland == nil ? "bundesland" : nil].compactMap { $0 }
        if !missing.isEmpty {
            let keys = missing.map { "`\($0)`" }.joined(separator: " \(Message(.wordAnd).text(in: language)) ")
            print(Message(.newFillIn, ["keys": .value(keys)]).text(in: language))
        }
        if let kreis, !FileManager.default.fileExists(atPath: "\(file.content)/kommunen/\(kreis).md") {
            print(Message(.newNoKreisYet, ["path": .value("\(file.content)/kommunen/\(kreis).md")]).text(in: language))
        }
    }
}

struct NewKaffeerunde: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kaffeerunde", abstract: "Start the report of a Kaffeerunde session.")

    @Argument(help: "The title of the report.") var titel: String
    @Option(help: "The day of the session, YYYY-MM-DD (default: today).") var datum: String?
    @OptionGroup var file: NewFileOptions

    func run() throws {
        try file.create(
            { reference throws(ScaffoldWriter.InvalidValue) in
                try ScaffoldWriter.kaffeerunde(titel: titel, datum: datum ?? NewFileOptions.today, slug: file.slug, schemaReference: reference)
            }, kind: .kaffeerunde)
    }
}

struct NewMeldung: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "meldung", abstract: "Start a news item.")

    @Argument(help: "The title of the news item.") var titel: String
    @Option(help: "The date of the news item, YYYY-MM-DD (default: today).") var datum: String?
    @OptionGroup var file: NewFileOptions

    func run() throws {
        try file.create(
            { reference throws(ScaffoldWriter.InvalidValue) in
                try ScaffoldWriter.meldung(titel: titel, datum: datum ?? NewFileOptions.today, slug: file.slug, schemaReference: reference)
            }, kind: .meldung)
    }
}
