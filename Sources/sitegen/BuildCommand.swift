import ArgumentParser
import Foundation
import SiteKit

/// Exit codes: 1 for content errors (the editor's to fix), 2 for usage or
/// I/O errors (the operator's).
enum ExitStatus {
    static let contentErrors: Int32 = 1
    static let failure: Int32 = 2
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check all content and write the site to the output folder.",
        discussion: "Errors are listed as path:line:column. With any error nothing is written and the previous output stays as it was."
    )

    @Option(help: "The content folder.") var content = "content"
    @Option(help: "The theme folder (Mustache templates and assets/).") var templates = "templates"
    @Option(help: "The output folder, replaced as a whole by each successful build.") var output = "public"
    @Flag(help: "Include pages marked `entwurf: true`.") var drafts = false
    @Option(name: .customLong("base-url"), help: "Use this base URL instead of base_url from site.yaml.") var baseURL: String?

    func validate() throws {
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) || baseURL.count < 10 {
            throw ValidationError("--base-url must be an absolute address such as https://example.org/netzwerk/")
        }
    }

    func run() throws {
        let start = DispatchTime.now()
        let result: Build.Result
        do {
            result = try Build.run(content: content, templates: templates, output: output,
                                   options: .init(includeDrafts: drafts, baseURL: baseURL))
        } catch {
            FileHandle.standardError.write(Data("sitegen: error: \(error)\n".utf8))
            throw ExitCode(ExitStatus.failure)
        }
        for diagnostic in result.diagnostics {
            FileHandle.standardError.write(Data((diagnostic.formatted + "\n").utf8))
        }
        let warnings = result.diagnostics.count - result.errorCount
        if result.errorCount > 0 {
            FileHandle.standardError.write(Data("sitegen: \(Self.count(result.errorCount, "error")), \(Self.count(warnings, "warning")); nothing was written\n".utf8))
            throw ExitCode(ExitStatus.contentErrors)
        }
        let seconds = String(format: "%.2f", Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
        if result.upToDate {
            print("sitegen: \(output) is up to date (no input changed) – \(seconds) s")
            return
        }
        let pages = result.files?.filter { $0.path.hasSuffix(".html") }.count ?? 0
        let stats = result.written ?? OutputWriter.Stats()
        print("sitegen: \(pages) pages and \(result.copies.count) files in \(output): \(stats.written) written, "
            + "\(stats.unchanged) unchanged, \(stats.removed) removed – \(seconds) s"
            + (warnings > 0 ? ", \(Self.count(warnings, "warning"))" : ""))
    }

    static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
