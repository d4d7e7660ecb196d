import ArgumentParser
import Foundation
import SiteKit

extension DiagnosticFormat: ExpressibleByArgument {}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check all content as build does, without writing anything.",
        discussion: """
            Exit status as for build: 0 no errors, 1 content errors, 2 usage or I/O errors.
            --format github prints workflow commands, so that GitHub Actions shows each error on the diff;
            --format gitlab writes a GitLab Code Quality report, --format sarif a SARIF 2.1.0 log for code scanning.
            Messages are in German when the locale says so (LANG=de_DE.UTF-8) or with --lang de.
            """
    )

    @OptionGroup var site: SiteOptions
    @Option(help: "How to print the diagnostics: text (path:line:col: …, on stderr), json, github, gitlab or sarif (on stdout).")
    var format: DiagnosticFormat = .text
    @Flag(name: .shortAndLong, help: "Print no summary; errors and warnings are still printed.") var quiet = false
    @Flag(help: "Treat warnings as errors (for CI): exit 1 when there is one.") var strict = false
    @Option(help: "The output folder of build: an update of it that an interrupted build left half done is finished first.")
    var output = "public"

    func run() throws {
        let start = DispatchTime.now()
        let language = site.language
        try Terminal.finishInterruptedBuild(output: output, language: language)
        let input: SiteInput
        do {
            input = try DiskLoader(contentDirectory: site.content, templatesDirectory: site.templates).load()
        } catch {
            throw Terminal.fail(Terminal.describe(error, language: language), language: language)
        }
        var options = Build.Options(includeDrafts: site.drafts)
        options.strict = strict
        let result = Build.render(input, options: options)
        let warnings = result.diagnostics.count - result.errorCount
        switch format {
        case .text: Terminal.diagnostics(result.diagnostics, language: language)
        case .json: print(DiagnosticFormatter.json(result.diagnostics, language: language), terminator: "")
        case .github: result.diagnostics.forEach { print(DiagnosticFormatter.github($0, language: language)) }
        case .gitlab: print(CodeQualityReport.json(result.diagnostics, language: language), terminator: "")
        case .sarif: print(SARIFReport.json(result.diagnostics, language: language), terminator: "")
        }
        if !quiet && format != .json {
            let errors = Message.Argument.count(result.errorCount, .wordError)
            let counts =
                warnings > 0
                ? Message(.summaryErrorAndWarningCounts, ["errors": errors, "warnings": .count(warnings, .wordWarning)])
                : Message(.summaryErrorCounts, ["errors": errors])
            let line = Message(
                .summaryChecked,
                [
                    "files": .count(input.documents.count, .wordFile), "seconds": .decimal(Terminal.seconds(since: start)),
                    "counts": .phrase(counts),
                ])
            Terminal.stderr(line.text(in: language))
        }
        if result.errorCount > 0 { throw ExitCode(ExitStatus.contentErrors) }
    }
}
