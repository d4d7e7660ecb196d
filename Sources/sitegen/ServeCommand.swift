import ArgumentParser
import Foundation
import SiteKit
import SiteServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it, and rebuild and reload open pages on every change.",
        discussion: """
            Watches the content and templates folders. A build with errors does not stop the server: \
            the pages show the errors until the next good build. Nothing is written to disk, except that \
            an update of the output folder (--output) that an interrupted build left half done is finished first.
            """
    )

    @OptionGroup var site: SiteOptions
    @Option(help: "The port to listen on; 0 picks a free one.") var port = 8080
    @Option(help: "The address to listen on. The default answers only this machine.") var bind = "127.0.0.1"
    @Option(help: "The output folder of build: an update of it that an interrupted build left half done is finished first.")
    var output = "public"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard !bind.isEmpty else { throw ValidationError("--bind needs an address, e.g. 127.0.0.1") }
    }

    func run() async throws {
        let language = site.language
        for folder in [site.content, site.templates] where !FileManager.default.fileExists(atPath: folder) {
            throw Terminal.fail(Message(.noSuchFolder, ["path": .value(folder)]), language: language)
        }
        try Terminal.finishInterruptedBuild(output: output, language: language)
        if !["127.0.0.1", "localhost", "::1"].contains(bind) {
            Terminal.stderr(Message(.noteListening, ["bind": .value(bind)]).text(in: language))
        }
        var configuration = PreviewServer.Configuration(
            content: site.content, templates: site.templates, host: bind, port: port, includeDrafts: site.drafts)
        configuration.language = language
        let server = PreviewServer(configuration, report: { Self.report($0, language: language) })
        do {
            try await server.run()
        } catch {
            throw Terminal.fail(
                Message(.cannotServe, ["address": .value("\(bind):\(port)"), "reason": .value("\(error)")]), language: language)
        }
    }

    /// One line per event, written at once (not buffered), so that a log
    /// file or a script following it sees each line when it happens.
    static func report(_ event: PreviewServer.Event, language: MessageLanguage) {
        switch event {
        case .listening(let url):
            say(Message(.summaryServing, ["url": "\(url)"]).text(in: language))
        case .built(let summary, let seconds, let changes, let warnings):
            Terminal.diagnostics(warnings, language: language)
            var line = Message(.summaryServeBuilt, ["summary": .phrase(summary.message), "seconds": .decimal(seconds)]).text(in: language)
            if !changes.isEmpty { line += afterChange(changes).text(in: language) }
            if !warnings.isEmpty {
                line += Message(.summaryWarningsSuffix, ["warnings": .count(warnings.count, .wordWarning)]).text(in: language)
            }
            say(line)
        case .failed(let diagnostics, let changes):
            Terminal.diagnostics(diagnostics, language: language)
            let errors = diagnostics.filter { $0.severity == .error }.count
            let after: Message.Argument = changes.isEmpty ? "" : .phrase(afterChange(changes))
            Terminal.stderr(Message(.summaryServeFailed, ["errors": .count(errors, .wordError), "after": after]).text(in: language))
        }
    }

    /// ` after a change to a.md, b.md and 3 more files`
    private static func afterChange(_ changes: [String]) -> Message {
        let named: Message.Argument =
            changes.count <= 3
            ? .value(changes.joined(separator: ", "))
            : .phrase(
                Message(.summaryMoreFiles, ["first": .value(changes.prefix(2).joined(separator: ", ")), "count": .number(changes.count - 2)]))
        return Message(.summaryAfterChange, ["changes": named])
    }

    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
