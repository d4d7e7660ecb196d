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
    @Option(help: "The output folder; after a successful build it holds exactly that build.") var output = "public"
    @Option(name: .customLong("base-url"), help: "Use this base URL instead of base_url from site.yaml.") var baseURL: String?
    @Flag(name: .shortAndLong, help: "Print no summary; errors and warnings are still printed.") var quiet = false
    @Flag(help: "Treat warnings as errors (for CI): with one, nothing is written and the exit status is 1.") var strict = false
    @Flag(
        name: .customLong("no-cache"),
        help: "Decode every document again instead of reusing .sitegen-cache/ beside the output folder.")
    var noCache = false

    func validate() throws {
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) || baseURL.count < 10 {
            throw ValidationError("--base-url must be an absolute address such as https://example.org/netzwerk/")
        }
    }

    func run() throws {
        // Freeing ten thousand decoded pages one by one costs more than a
        // small rebuild: the process ends with them (exit flushes stdout),
        // so the result stays alive until then.
        let result = try report()
        withExtendedLifetime(result) { Foundation.exit(0) }
    }

    private func report() throws -> Build.Result {
        let start = DispatchTime.now()
        let language = site.language
        let result: Build.Result
        var options = Build.Options(includeDrafts: site.drafts, baseURL: baseURL, useCache: !noCache)
        options.strict = strict
        do {
            result = try Build.run(content: site.content, templates: site.templates, output: output, options: options)
        } catch {
            throw Terminal.fail(Terminal.describe(error, language: language), language: language)
        }
        for note in result.notes { Terminal.stderr("sitegen: note: \(note)") }
        Terminal.diagnostics(result.diagnostics, language: language)
        let warnings = result.diagnostics.count - result.errorCount
        if result.errorCount > 0 {
            Terminal.stderr(
                Message(.summaryBuildFailed, ["errors": .count(result.errorCount, .wordError), "warnings": .count(warnings, .wordWarning)])
                    .text(in: language))
            throw ExitCode(ExitStatus.contentErrors)
        }
        guard !quiet else { return result }
        let seconds = Terminal.seconds(since: start)
        if result.upToDate {
            print(Message(.summaryUpToDate, ["output": .value(output), "seconds": .decimal(seconds)]).text(in: language))
            return result
        }
        print(BuildSummary(result).line(output: output, seconds: seconds, language: language))
        if let stats = result.written {
            print(
                Message(
                    .summaryWritten,
                    ["written": .number(stats.written), "unchanged": .number(stats.unchanged), "removed": .number(stats.removed)]
                ).text(in: language))
        }
        return result
    }
}
