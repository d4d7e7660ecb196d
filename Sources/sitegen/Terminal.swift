import ArgumentParser
import Foundation
import SiteKit

/// Exit codes: 1 for content errors (the editor's to fix), 2 for usage or
/// I/O errors (the operator's).
enum ExitStatus {
    static let contentErrors: Int32 = 1
    static let failure: Int32 = 2
}

/// What every command prints: results on stdout, diagnostics and problems
/// on stderr, coloured only where a person reads them.
enum Terminal {
    static let colour = ColourPolicy.enabled(isTerminal: isatty(STDERR_FILENO) != 0, environment: ProcessInfo.processInfo.environment)

    static func stderr(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// `sitegen: error: …` for a problem that is not in the content.
    static func fail(_ message: String) -> ExitCode {
        stderr("sitegen: \(colour ? "\u{1B}[1;31merror\u{1B}[0m" : "error"): \(message)")
        return ExitCode(ExitStatus.failure)
    }

    static func diagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { stderr(DiagnosticFormatter.text(diagnostic, colour: colour)) }
    }

    static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}

/// The folders and switches `build`, `check` and `serve` share.
struct SiteOptions: ParsableArguments {
    @Option(help: "The content folder.") var content = "content"
    @Option(help: "The theme folder (Mustache templates and assets/).") var templates = "templates"
    @Flag(help: "Include pages marked `entwurf: true`.") var drafts = false
}
