import Foundation

/// The ways `build` and `check` print diagnostics: text for people (the
/// compilers' `path:line:col: error: message (hint)`, which editors and
/// terminals link to the place), JSON for tools, GitHub workflow
/// commands, which show each error as an annotation on the diff, GitLab's
/// Code Quality report and SARIF for code scanning.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, json, github, gitlab, sarif
}

public enum DiagnosticFormatter {
    /// One line; with `colour`, the severity is red or yellow, the rest
    /// stays byte for byte what tools grep for. Control characters in
    /// values are written out (`Diagnostic.printable`).
    public static func text(_ diagnostic: Diagnostic, colour: Bool = false, language: MessageLanguage = .en) -> String {
        guard colour else { return diagnostic.formatted(in: language) }
        let code = diagnostic.severity == .error ? "1;31" : "1;33"
        return
            "\(diagnostic.place): \u{1B}[\(code)m\(diagnostic.severityWord(in: language))\u{1B}[0m: \(diagnostic.details(in: language))"
    }

    /// Every diagnostic as a line of `text`, in blocks of bytes to write as
    /// they are: a file full of one mistake has a quarter of a million
    /// lines, which are formatted on all cores and written with a system
    /// call per block rather than per line. The blocks keep the order.
    public static func textBlocks(_ diagnostics: [Diagnostic], colour: Bool = false, language: MessageLanguage = .en) -> [[UInt8]] {
        let size = 2048
        let starts = Array(stride(from: 0, to: diagnostics.count, by: size))
        return parallelMap(starts) { start in
            var block: [UInt8] = []
            for diagnostic in diagnostics[start..<min(start + size, diagnostics.count)] {
                block += text(diagnostic, colour: colour, language: language).utf8
                block.append(UInt8(ascii: "\n"))
            }
            return block
        }
    }

    /// How many warnings of one kind a file shows on the terminal before
    /// the rest are counted in one line.
    public static let shownPerFileAndKind = 20

    /// The diagnostics a person reads: every error, and of each kind of
    /// warning in a file the first `keep`, then one line at the next with
    /// how many more there are. A page of a quarter of a million `#`
    /// headings then says so in a screenful, not in a quarter of a million
    /// lines that hide everything else (the machine formats keep them all).
    /// `diagnostics` sorted by file, as `Diagnostics.sorted` gives them.
    public static func folded(_ diagnostics: [Diagnostic], keep: Int = shownPerFileAndKind) -> [Diagnostic] {
        var result: [Diagnostic] = []
        result.reserveCapacity(diagnostics.count)
        var start = 0
        while start < diagnostics.count {
            // One file at a time: its path is compared, never hashed.
            let path = diagnostics[start].location.path
            var end = start + 1
            while end < diagnostics.count && diagnostics[end].location.path == path { end += 1 }
            let file = diagnostics[start..<end]
            // A file has few kinds of warning: a short list, searched from
            // the kind met last, beats hashing a code per diagnostic.
            var kinds: [(code: MessageCode, total: Int, shown: Int)] = []
            var last = 0
            func kind(_ code: MessageCode) -> Int {
                if last < kinds.count && kinds[last].code == code { return last }
                if let found = kinds.firstIndex(where: { $0.code == code }) {
                    last = found
                } else {
                    kinds.append((code, 0, 0))
                    last = kinds.count - 1
                }
                return last
            }
            for diagnostic in file where diagnostic.severity == .warning { kinds[kind(diagnostic.text.code)].total += 1 }
            guard kinds.contains(where: { $0.total > keep }) else {
                result += file
                start = end
                continue
            }
            for diagnostic in file {
                guard diagnostic.severity == .warning else {
                    result.append(diagnostic)
                    continue
                }
                let k = kind(diagnostic.text.code)
                kinds[k].shown += 1
                if kinds[k].shown <= keep {
                    result.append(diagnostic)
                } else if kinds[k].shown == keep + 1 {
                    let more = Message(.moreLikeThis, ["count": .grouped(kinds[k].total - keep)])
                    result.append(Diagnostic(.warning, at: diagnostic.location, more))
                }
            }
            start = end
        }
        return result
    }

    /// `::error file=…,line=…,col=…::message (hint)`. GitHub reads
    /// `%`, CR and LF escaped in the message, and also `:` and `,` in
    /// the properties; other control characters are written out as in
    /// the text format, so the command stays one line and cannot steer
    /// the log's terminal.
    public static func github(_ diagnostic: Diagnostic, language: MessageLanguage = .en) -> String {
        let location = diagnostic.location
        return
            "::\(diagnostic.severity.rawValue) file=\(escapeProperty(Diagnostic.printable(location.path))),line=\(location.line),col=\(location.column)::"
            + escapeData(diagnostic.details(in: language, keepingLineBreaks: true))
    }

    /// One JSON object with the counts and every diagnostic, each with
    /// its catalogue code.
    public static func json(_ diagnostics: [Diagnostic], language: MessageLanguage = .en) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let items: [JSONValue] = diagnostics.map { d in
            var members: [(String, JSONValue)] = [
                ("file", .string(d.location.path)),
                ("line", .integer(d.location.line)),
                ("column", .integer(d.location.column)),
                ("severity", .string(d.severity.rawValue)),
                ("code", .string(d.code)),
                ("message", .string(d.message(in: language))),
            ]
            if let hint = d.hint(in: language) { members.append(("hint", .string(hint))) }
            return .object(members)
        }
        return JSONValue.object([
            ("errors", .integer(errors)),
            ("warnings", .integer(diagnostics.count - errors)),
            ("diagnostics", .array(items)),
        ]).pretty
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
