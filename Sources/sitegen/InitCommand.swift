import ArgumentParser
import Foundation
import SiteKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write configuration for a site's repository.",
        subcommands: [InitCI.self]
    )
}

struct InitCI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ci",
        abstract: "Write a CI pipeline that checks, builds and publishes the site (GitLab or GitHub).",
        discussion: """
            --gitlab writes .gitlab-ci.yml (Code Quality report, GitLab Pages), --github \
            .github/workflows/website.yml (annotations, GitHub Pages). Both build sitegen from its \
            source with make install, cache its build folder, and build once a day as well. \
            An existing file is never replaced.
            """
    )

    @Flag(help: "Write .gitlab-ci.yml.") var gitlab = false
    @Flag(help: "Write .github/workflows/website.yml.") var github = false
    @Option(help: "The site's repository.") var repository = "."
    @Option(help: "sitegen's source folder, relative to the repository (default: . in sitegen's own repository, else sitegen).")
    var source: String?

    func validate() throws {
        guard gitlab || github else { throw ValidationError("say which CI: --gitlab, --github or both") }
        if let source, source.hasPrefix("/") || source.split(separator: "/").contains("..") {
            throw ValidationError("--source must be a folder inside the repository, such as sitegen")
        }
    }

    func run() throws {
        let source = source ?? CITemplate.defaultSource(repository: repository)
        for template in CITemplate.allCases where template == .gitlab ? gitlab : github {
            do {
                let path = try template.write(into: repository, source: source)
                print(Message(.fileWritten, ["path": .value(path)]).text(in: Terminal.localeLanguage))
            } catch {
                throw Terminal.fail(Message(.loadFailed, ["problem": .value(error.description)]), language: Terminal.localeLanguage)
            }
        }
    }
}
