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
        for folder in [site.content, site.templates] where !FileManager.default.fileExists(atPath: folder) {
            throw Terminal.fail("\(folder): no such folder")
        }
        try Terminal.finishInterruptedBuild(output: output)
        if !["127.0.0.1", "localhost", "::1"].contains(bind) {
            Terminal.stderr("sitegen: note: listening on \(bind), so other machines may reach the preview")
        }
        let server = PreviewServer(
            .init(
                content: site.content, templates: site.templates, host: bind, port: port,
                includeDrafts: site.drafts), report: Self.report)
        do {
            try await server.run()
        } catch {
            throw Terminal.fail("cannot serve on \(bind):\(port): \(error) (is another server using the port? choose one with --port)")
        }
    }

    /// One line per event, written at once (not buffered), so that a log
    /// file or a script following it sees each line when it happens.
    @Sendable static func report(_ event: PreviewServer.Event) {
        switch event {
        case .listening(let url):
            say("sitegen: serving \(url) (press Ctrl-C to stop)")
        case .built(let summary, let seconds, let changes, let warnings):
            Terminal.diagnostics(warnings)
            var line = "sitegen: built \(summary) in \(String(format: "%.2f", seconds)) s"
            if !changes.isEmpty { line += " after a change to \(describe(changes))" }
            if !warnings.isEmpty { line += ", \(Terminal.count(warnings.count, "warning"))" }
            say(line)
        case .failed(let diagnostics, let changes):
            Terminal.diagnostics(diagnostics)
            let errors = diagnostics.filter { $0.severity == .error }.count
            Terminal.stderr(
                "sitegen: \(Terminal.count(errors, "error"))"
                    + (changes.isEmpty ? "" : " after a change to \(describe(changes))")
                    + "; the pages show them until the next good build")
        }
    }

    private static func describe(_ changes: [String]) -> String {
        changes.count <= 3 ? changes.joined(separator: ", ") : "\(changes.prefix(2).joined(separator: ", ")) and \(changes.count - 2) more files"
    }

    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
