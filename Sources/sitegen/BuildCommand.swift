import ArgumentParser
import Foundation
import SiteKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check all content and write the site to the output folder.",
        discussion: "Errors are listed as path:line:column. With any error nothing is written and the previous output stays as it was."
    )

    @OptionGroup var site: SiteOptions
    @Option(help: "The output folder, replaced as a whole by each successful build.") var output = "public"
    @Option(name: .customLong("base-url"), help: "Use this base URL instead of base_url from site.yaml.") var baseURL: String?
    @Flag(name: .shortAndLong, help: "Print no summary; errors and warnings are still printed.") var quiet = false

    func validate() throws {
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) || baseURL.count < 10 {
            throw ValidationError("--base-url must be an absolute address such as https://example.org/netzwerk/")
        }
    }

    func run() throws {
        let start = DispatchTime.now()
        let result: Build.Result
        do {
            result = try Build.run(content: site.content, templates: site.templates, output: output,
                                   options: .init(includeDrafts: site.drafts, baseURL: baseURL))
        } catch {
            throw Terminal.fail("\(error)")
        }
        Terminal.diagnostics(result.diagnostics)
        let warnings = result.diagnostics.count - result.errorCount
        if result.errorCount > 0 {
            Terminal.stderr("sitegen: \(Terminal.count(result.errorCount, "error")), \(Terminal.count(warnings, "warning")); nothing was written")
            throw ExitCode(ExitStatus.contentErrors)
        }
        if !quiet {
            print(BuildSummary(result).line(output: output, seconds: Terminal.seconds(since: start)))
        }
    }
}
