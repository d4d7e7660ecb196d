import ArgumentParser
import SiteKit

@main
struct Sitegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Builds the website of a network of German municipalities from Markdown.",
        version: SitegenVersion.current,
        subcommands: [BuildCommand.self]
    )
}
