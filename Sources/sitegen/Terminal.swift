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

    /// `sitegen: error: …` (`sitegen: Fehler: …`) for a problem that is not
    /// in the content.
    static func fail(_ message: Message, language: MessageLanguage) -> ExitCode {
        let word = Diagnostic.Severity.error.word(in: language)
        stderr("sitegen: \(colour ? "\u{1B}[1;31m\(word)\u{1B}[0m" : word): \(message.text(in: language))")
        return ExitCode(ExitStatus.failure)
    }

    /// The language of a command without `--lang`: the locale's.
    static var localeLanguage: MessageLanguage { MessageLanguage.fromLocale(ProcessInfo.processInfo.environment) }

    /// An error as a message of the catalogue: sitegen's own in the
    /// person's language, the system's reason as the system gives it.
    static func describe(_ error: Error, language: MessageLanguage) -> Message {
        if let known = error as? MessageError { return known.message }
        return Message(.loadFailed, ["problem": .value(describe(error))])
    }

    /// An I/O error as a person reads it: the path and the system's
    /// reason, not Foundation's `Error Domain=NSCocoaErrorDomain …`.
    static func describe(_ error: Error) -> String {
        if let cocoa = error as? CocoaError {
            let path = (cocoa.userInfo[NSFilePathErrorKey] as? String) ?? cocoa.userInfo[NSURLErrorKey].map { "\($0)" }
            let reason =
                (cocoa.userInfo[NSUnderlyingErrorKey] as? NSError).map { String(cString: strerror(Int32($0.code))) }
                ?? cocoa.localizedDescription
            return [path, reason].compactMap { $0 }.joined(separator: ": ")
        }
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        let described = "\(error)"
        return described.contains("Error Domain=") ? (error as NSError).localizedDescription : described
    }

    /// A build killed while it updated the output folder leaves old and new
    /// pages side by side until a sitegen run finishes its commit; `check`
    /// and `serve` do that first, as `build` does.
    static func finishInterruptedBuild(output: String, language: MessageLanguage) throws {
        do {
            if try OutputWriter(outputDirectory: output, protectedDirectories: []).finishInterruptedCommits() {
                stderr(Message(.noteFinishedUpdate, ["output": .value(output)]).text(in: language))
            }
        } catch {
            throw fail(describe(error, language: language), language: language)
        }
    }

    static func diagnostics(_ diagnostics: [Diagnostic], language: MessageLanguage) {
        for block in DiagnosticFormatter.textBlocks(DiagnosticFormatter.folded(diagnostics), colour: colour, language: language) {
            FileHandle.standardError.write(Data(block))
        }
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}

/// The folders and switches `build`, `check` and `serve` share.
struct SiteOptions: ParsableArguments {
    @Option(help: "The content folder.") var content = "content"
    @Option(
        name: .customLong("templates"),
        help: "The theme folder (Mustache templates and assets/); default: templates, else the theme `make install` installed.")
    var templatesOption: String?
    @Flag(help: "Include pages marked `entwurf: true`.") var drafts = false
    @Option(
        name: [.customLong("lang"), .customLong("sprache")],
        help: "The language of messages: de or en (default: from LC_ALL, LC_MESSAGES or LANG; German when it starts with de).")
    var lang: MessageLanguage?

    /// `--lang`, else the locale.
    var language: MessageLanguage { MessageLanguage.resolve(option: lang, environment: ProcessInfo.processInfo.environment) }

    /// The theme: the one named, else `templates/` of the site, else the
    /// default theme installed beside the program (`make install` puts it
    /// in PREFIX/share/sitegen/templates), so that a site repository that
    /// keeps no theme of its own builds with the installed one.
    var templates: String {
        if let templatesOption { return templatesOption }
        if FileManager.default.fileExists(atPath: "templates") { return "templates" }
        guard let program = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return "templates" }
        let installed = program.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/sitegen/templates").path
        return FileManager.default.fileExists(atPath: installed) ? installed : "templates"
    }
}

extension MessageLanguage: ExpressibleByArgument {}
