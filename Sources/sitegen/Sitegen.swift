import ArgumentParser
import Foundation
import SiteKit

@main
struct Sitegen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Builds the website of a network of German municipalities from Markdown.",
        version: SitegenVersion.display,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, SchemaCommand.self, InitCommand.self]
    )

    /// Usage errors exit with 2, as `build` documents, instead of
    /// ArgumentParser's 64; content errors (1) and success pass through.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.failure)
            }
            exit(withError: error)
        }
    }
}
