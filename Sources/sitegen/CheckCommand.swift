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
            --format github prints workflow commands, so that GitHub Actions shows each error on the diff.
            """
    )

    @OptionGroup var site: SiteOptions
    @Option(help: "How to print the diagnostics: text (path:line:col: …, on stderr), json or github (on stdout).")
    var format: DiagnosticFormat = .text
    @Flag(name: .shortAndLong, help: "Print no summary; errors and warnings are still printed.") var quiet = false
    @Option(help: "The output folder of build: an update of it that an interrupted build left half done is finished first.")
    var output = "public"

    func run() throws {
        let start = DispatchTime.now()
        try Terminal.finishInterruptedBuild(output: output)
        let input: SiteInput
        do {
            input = try DiskLoader(contentDirectory: site.content, templatesDirectory: site.templates).load()
        } catch {
            throw Terminal.fail(Terminal.describe(error))
        }
        let result = Build.render(input, options: .init(includeDrafts: site.drafts))
        let warnings = result.diagnostics.count - result.errorCount
        switch format {
        case .text: Terminal.diagnostics(result.diagnostics)
        case .json: print(DiagnosticFormatter.json(result.diagnostics), terminator: "")
        case .github: result.diagnostics.forEach { print(DiagnosticFormatter.github($0)) }
        }
        if !quiet && format != .json {
            let counts = "\(Terminal.count(result.errorCount, "error"))" + (warnings > 0 ? ", \(Terminal.count(warnings, "warning"))" : "")
            Terminal.stderr(
                "sitegen: checked \(Terminal.count(input.documents.count, "file")) in \(String(format: "%.2f", Terminal.seconds(since: start))) s: \(counts)"
            )
        }
        if result.errorCount > 0 { throw ExitCode(ExitStatus.contentErrors) }
    }
}
