import SiteText

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

    /// Line and column (in characters) of a byte offset of UTF-8 text, both
    /// from 1: for errors that a parser reports as an offset.
    static func lineAndColumn<Bytes: RandomAccessCollection<UInt8>>(of offset: Int, in bytes: Bytes) -> (line: Int, column: Int)
        where Bytes.Index == Int {
        TextPosition.lineAndColumn(of: offset, in: bytes)
    }
}

public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Sendable {
        case error, warning
    }

    public var severity: Severity
    public var location: SourceLocation
    /// What is wrong and what was expected.
    public var message: String
    /// How to fix it, e.g. "did you mean `einwohner`?".
    public var hint: String?

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// `path:line:col: error: message (hint)`, the format compilers use, so
    /// editors and terminals can jump to the place.
    public var formatted: String {
        var text = "\(location.path):\(location.line):\(location.column): \(severity.rawValue): \(message)"
        if let hint { text += " (\(hint))" }
        return text
    }
}

/// Collects every problem of a build so that one run reports all of them.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func error(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        all.append(Diagnostic(.error, at: location, message, hint: hint))
    }

    public mutating func warning(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        all.append(Diagnostic(.warning, at: location, message, hint: hint))
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
        all.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }
}
