/// A place in a source file: the path as the user named it (relative to the
/// content folder's parent, e.g. `content/kommunen/bendorf.md`), 1-based line
/// and column (columns count characters, not bytes).
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}

public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Sendable {
        case error, warning

        /// `error`/`warning`, `Fehler`/`Warnung`: German names the
        /// severity as German compilers do.
        public func word(in language: MessageLanguage) -> String {
            switch (self, language) {
            case (_, .en): return rawValue
            case (.error, .de): return "Fehler"
            case (.warning, .de): return "Warnung"
            }
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    /// What is wrong and what was expected, from the catalogue.
    public var text: Message
    /// How to fix it, e.g. "did you mean `einwohner`?".
    public var hintText: Message?

    /// The catalogue code, e.g. `unknown-key`: the same in every language,
    /// for tools (GitLab's `check_name`, SARIF's `ruleId`).
    public var code: String { text.code.rawValue }
    /// The message in English.
    public var message: String { text.english }
    /// The hint in English.
    public var hint: String? { hintText?.english }

    public init(_ severity: Severity, at location: SourceLocation, _ text: Message, hint: Message? = nil) {
        self.severity = severity
        self.location = location
        self.text = text
        self.hintText = hint
    }

    /// `path:line:col: error: message (hint)`, the format compilers use, so
    /// editors and terminals can jump to the place.
    /// Control characters in the path, message and hint are written out
    /// (`printable`), so the line stays one line whatever a value holds.
    public var formatted: String { formatted(in: .en) }

    /// The same line in `language`; German names the severity `Fehler` or
    /// `Warnung`, as German compilers do.
    public func formatted(in language: MessageLanguage) -> String {
        "\(place): \(severityWord(in: language)): \(details(in: language))"
    }

    /// `error`/`warning`, `Fehler`/`Warnung`.
    public func severityWord(in language: MessageLanguage) -> String { severity.word(in: language) }

    /// `path:line:col`, printable.
    var place: String {
        "\(Self.printable(location.path)):\(location.line):\(location.column)"
    }

    /// `message (hint)`, printable; with `keepingLineBreaks`, CR and LF
    /// stay for a format that encodes them itself.
    func details(in language: MessageLanguage = .en, keepingLineBreaks: Bool = false) -> String {
        var text = Self.printable(message(in: language), keepingLineBreaks: keepingLineBreaks)
        if let hint = hint(in: language) { text += " (\(Self.printable(hint, keepingLineBreaks: keepingLineBreaks)))" }
        return text
    }

    public func message(in language: MessageLanguage) -> String { text.text(in: language) }
    public func hint(in language: MessageLanguage) -> String? { hintText?.text(in: language) }

    /// `text` with every character that could end the line or steer the
    /// terminal written out: `\n`, `\r`, `\t` and `\u{1B}`-style for the
    /// other C0 and C1 controls, DEL, the line and paragraph separators and
    /// the bidirectional overrides. A value quoted in a message (a title
    /// with `\n…:1:1: error:` in it, an escape sequence) can then neither
    /// forge a diagnostic of its own nor recolour the terminal.
    public static func printable(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard mayNeedEscaping(text), text.unicodeScalars.contains(where: needsEscaping) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case _ where keepingLineBreaks && (scalar == "\n" || scalar == "\r"): out.unicodeScalars.append(scalar)
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where needsEscaping(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// False when no byte of `text` can begin a character that
    /// `needsEscaping`: C0 and DEL are bytes below 0x20 and 0x7F, C1 starts
    /// with C2, U+061C with D8, the separators and marks with E2. A build
    /// with many warnings writes each path and message through here, and
    /// nearly all of them are plain.
    private static func mayNeedEscaping(_ text: String) -> Bool {
        let starts = { (byte: UInt8) in byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2 }
        return text.utf8.withContiguousStorageIfAvailable { $0.contains(where: starts) } ?? text.utf8.contains(where: starts)
    }

    private static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

/// Collects every problem of a build so that one run reports all of them.
public struct Diagnostics: Sendable {
    public internal(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func error(_ location: SourceLocation, _ message: Message, hint: Message? = nil) {
        all.append(Diagnostic(.error, at: location, message, hint: hint))
    }

    public mutating func warning(_ location: SourceLocation, _ message: Message, hint: Message? = nil) {
        all.append(Diagnostic(.warning, at: location, message, hint: hint))
    }

    /// `error(at, .code, ["name": value], hint: …)`: a catalogue entry and its arguments.
    public mutating func error(
        _ location: SourceLocation, _ code: MessageCode, _ arguments: [String: Message.Argument] = [:], hint: Message? = nil
    ) {
        error(location, Message(code, arguments), hint: hint)
    }

    public mutating func warning(
        _ location: SourceLocation, _ code: MessageCode, _ arguments: [String: Message.Argument] = [:], hint: Message? = nil
    ) {
        warning(location, Message(code, arguments), hint: hint)
    }

    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
    }

    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Sorted by file and position, so output is stable whatever order the
    /// parallel stages finished in.
    public var sorted: [Diagnostic] {
        // Paths are ranked once, so a comparison compares numbers, not the
        // same long path again; the message, which has to be made, is made
        // only for diagnostics that share their place (a file of a hundred
        // thousand mistakes has few of them).
        // Neighbours mostly share their file: a path equal to the one before
        // is not hashed again (a file of many mistakes has one path).
        var paths: Set<String> = []
        var last: String?
        for diagnostic in all where diagnostic.location.path != last {
            last = diagnostic.location.path
            paths.insert(diagnostic.location.path)
        }
        let rank = Dictionary(uniqueKeysWithValues: paths.sorted().enumerated().map { ($1, $0) })
        var lastRank = (path: "", rank: 0)
        var order = all.indices.map { i in
            let path = all[i].location.path
            if path != lastRank.path || i == 0 { lastRank = (path, rank[path]!) }
            return (rank: lastRank.rank, line: all[i].location.line, column: all[i].location.column, index: i)
        }
        order.sort { ($0.rank, $0.line, $0.column) < ($1.rank, $1.line, $1.column) }
        var result: [Diagnostic] = []
        result.reserveCapacity(all.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count
                && (order[end].rank, order[end].line, order[end].column) == (order[start].rank, order[start].line, order[start].column)
            {
                end += 1
            }
            if end - start == 1 {
                result.append(all[order[start].index])
            } else {
                result += order[start..<end].map { (all[$0.index], all[$0.index].message) }.sorted { $0.1 < $1.1 }.map(\.0)
            }
            start = end
        }
        return result
    }
}
