import Foundation
import SiteText
import SiteTemplates
import FrontMatterYAML

/// Typed, located access to a YAML document. Every read that fails records
/// an error at the node's place in the file and returns nil, so a decoder
/// can go on and report every problem of a file in one run.
struct YAMLReader {
    /// Label of the file in diagnostics.
    let path: String
    /// File line of the YAML's first line.
    let firstLine: Int
    /// Where problems without a line of their own are reported (1:1).
    var fileStart: SourceLocation { SourceLocation(path: path) }
    var diagnostics = Diagnostics()

    init(path: String, firstLine: Int) {
        self.path = path
        self.firstLine = firstLine
    }

    func location(_ node: YAMLNode) -> SourceLocation {
        location(node.mark)
    }

    func location(_ mark: YAMLNode.Mark?) -> SourceLocation {
        guard let mark else { return fileStart }
        return SourceLocation(path: path, line: mark.line + firstLine - 1, column: mark.column)
    }

    /// Parses the YAML text; syntax errors are reported at libyaml's position.
    mutating func compose(_ yaml: String) -> YAMLNode? {
        do {
            return try YAMLComposer.compose(yaml)
        } catch {
            switch error {
            case .syntax(let what, let mark):
                diagnostics.error(
                    location(mark), "YAML syntax: \(what)",
                    hint: "check indentation, and quote values that contain `: ` or start with a quote")
            case .duplicateKeys(let keys, let mark):
                diagnostics.error(
                    location(mark), "key \(keys.map { "`\($0)`" }.joined(separator: ", ")) appears more than once",
                    hint: "keep one of them")
            case .unreadable(let problem, let mark):
                diagnostics.error(
                    location(mark), "YAML could not be read: \(problem)",
                    hint: "remove the invisible character here; it often comes with text copied from another program")
            }
            return nil
        }
    }

    // MARK: - Mappings

    /// A mapping whose keys are checked against `keys`: unknown keys are
    /// errors with a suggestion, missing required keys are reported at
    /// `missingAt` (the opening `---` for a file's front matter).
    struct Fields {
        var values: [String: YAMLNode]
        var location: SourceLocation
        subscript(_ key: String) -> YAMLNode? { values[key] }
    }

    mutating func fields(
        _ node: YAMLNode?, what: String, required: [String], optional: [String], missingAt: SourceLocation? = nil
    ) -> Fields? {
        guard let node else {
            for key in required {
                diagnostics.error(missingAt ?? fileStart, "required key `\(key)` is missing", hint: "add `\(key): …`")
            }
            return nil
        }
        guard let mapping = node.mapping else {
            diagnostics.error(location(node), "\(what) must be a set of `key: value` lines", hint: Self.shapeHint(node))
            return nil
        }
        let known = required + optional
        var values: [String: YAMLNode] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                diagnostics.error(location(keyNode), "a key must be a plain word")
                continue
            }
            guard known.contains(key) else {
                let hint =
                    Suggestion.hint(for: key, in: known)
                    ?? "allowed keys: " + known.map { "`\($0)`" }.joined(separator: ", ")
                diagnostics.error(location(keyNode), "unknown key `\(key)` in \(what)", hint: hint)
                continue
            }
            if value.scalar.map({ $0.style == .plain && Self.isNull($0.string) }) == true {
                diagnostics.error(location(keyNode), "`\(key)` has no value", hint: "give a value or remove the line")
                continue
            }
            values[key] = value
        }
        let fields = Fields(values: values, location: location(node))
        for key in required where values[key] == nil && !mapping.contains(where: { $0.key.scalar?.string == key }) {
            diagnostics.error(missingAt ?? fields.location, "required key `\(key)` is missing in \(what)", hint: "add `\(key): …`")
        }
        return fields
    }

    // MARK: - Scalars

    /// Non-empty text. Numbers and dates are taken as written.
    mutating func text(_ node: YAMLNode?, key: String) -> String? {
        guard let node else { return nil }
        guard let scalar = node.scalar else {
            diagnostics.error(location(node), "`\(key)` must be text", hint: Self.shapeHint(node))
            return nil
        }
        let value = scalar.string.trimmed
        guard !value.isEmpty else {
            diagnostics.error(location(node), "`\(key)` must not be empty")
            return nil
        }
        // Bytes first: every control character has one of these in its UTF-8.
        if value.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xEF }),
            let control = value.unicodeScalars.first(where: Self.isControl)
        {
            diagnostics.error(
                location(node), "`\(key)` contains the control character \(Self.codePoint(control)), which no page or feed can show",
                hint: control.value == 0x0D
                    ? "use \\n for a line break, not \\r"
                    : "remove it; in double quotes, escapes such as \\e, \\x01 or \\u0007 write such characters")
            return nil
        }
        return value
    }

    /// What a text value may not hold once YAML's escapes are read: the C0
    /// controls except tab and line feed, DEL, the C1 controls, and the
    /// two noncharacters XML forbids. libyaml refuses them written as they
    /// are, but `"\e"`, `"\x01"` or `"\u0000"` in double quotes make them,
    /// and they would break the feed's XML and reach the HTML raw.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// `U+001B`.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    mutating func wholeNumber(_ node: YAMLNode?, key: String, range: ClosedRange<Int> = 0...Int.max) -> Int? {
        guard let node else { return nil }
        guard let scalar = node.scalar, scalar.style == .plain,
            !scalar.string.isEmpty, scalar.string.allSatisfy({ $0.isASCII && $0.isNumber }),
            let value = Int(scalar.string)
        else {
            let written = node.scalar?.string ?? ""
            let hint =
                written.contains(".") || written.contains(",")
                ? "write the number without separators, e.g. \(written.filter { $0.isNumber })"
                : "write digits only, without quotes"
            diagnostics.error(location(node), "`\(key): \(written)` is not a whole number", hint: hint)
            return nil
        }
        guard range.contains(value) else {
            diagnostics.error(
                location(node), "`\(key): \(value)` is out of range (\(range.lowerBound)…\(range.upperBound == Int.max ? "" : "\(range.upperBound)"))"
            )
            return nil
        }
        return value
    }

    mutating func number(_ node: YAMLNode?, key: String) -> Double? {
        guard let node else { return nil }
        guard let scalar = node.scalar, scalar.style == .plain, let value = Double(scalar.string), value.isFinite else {
            diagnostics.error(location(node), "`\(key)` must be a number in degrees, e.g. 50.43", hint: "use a point as decimal separator")
            return nil
        }
        return value
    }

    mutating func flag(_ node: YAMLNode?, key: String) -> Bool? {
        guard let node else { return nil }
        switch node.scalar.map({ ($0.style, $0.string) }) {
        case (.plain, "true")?: return true
        case (.plain, "false")?: return false
        default:
            diagnostics.error(location(node), "`\(key)` must be `true` or `false`", hint: "write true or false, without quotes")
            return nil
        }
    }

    mutating func date(_ node: YAMLNode?, key: String, allowMonth: Bool = false) -> CalendarDate? {
        guard let written = text(node, key: key), let node else { return nil }
        let expected = allowMonth ? "YYYY-MM-DD or YYYY-MM" : "YYYY-MM-DD"
        let result: Result<CalendarDate, CalendarDate.ParseError>
        do throws(CalendarDate.ParseError) {
            result = .success(try CalendarDate.parse(written, allowMonth: allowMonth))
        } catch {
            result = .failure(error)
        }
        switch result {
        case .success(let date):
            return date
        case .failure(.format):
            diagnostics.error(
                location(node), "`\(key): \(written)` is not a date in the form \(expected)",
                hint: Self.dateHint(written, allowMonth: allowMonth))
        case .failure(.month(let month)):
            diagnostics.error(location(node), "`\(key): \(written)`: there is no month \(month)", hint: "months run from 01 to 12")
        case .failure(.day(let day, let month, let year)):
            let name = CalendarDate.monthNames[month - 1]
            diagnostics.error(
                location(node), "`\(key): \(written)`: there is no \(day) \(name)",
                hint: "\(name) \(year) has \(CalendarDate.daysInMonth(month, year: year)) days")
        }
        return nil
    }

    /// A time of day, `HH:MM`. YAML 1.1 readers take `10:00` for a number
    /// in base 60; here it is text, as written.
    mutating func clockTime(_ node: YAMLNode?, key: String) -> ClockTime? {
        guard let written = text(node, key: key), let node else { return nil }
        do throws(ClockTime.ParseError) {
            return try ClockTime.parse(written)
        } catch .range {
            diagnostics.error(location(node), "`\(key): \(written)` is not a time of day", hint: "hours run from 00 to 23, minutes from 00 to 59")
        } catch {
            let hint = written.contains(".") ? "did you mean `\(written.replacingOccurrences(of: ".", with: ":"))`?" : "e.g. 10:00 or 14:30"
            diagnostics.error(location(node), "`\(key): \(written)` is not a time in the form HH:MM", hint: hint)
        }
        return nil
    }

    /// One of `allowed`, written exactly.
    mutating func oneOf<E: RawRepresentable & CaseIterable>(_ node: YAMLNode?, key: String, _ type: E.Type) -> E?
    where E.RawValue == String {
        guard let written = text(node, key: key), let node else { return nil }
        if let value = E(rawValue: written) { return value }
        let allowed = E.allCases.map(\.rawValue)
        let hint =
            Suggestion.hint(for: written, in: allowed)
            ?? "allowed: " + allowed.map { "`\($0)`" }.joined(separator: ", ")
        diagnostics.error(location(node), "`\(key): \(written)` is not one of the allowed values", hint: hint)
        return nil
    }

    mutating func slugReference(_ node: YAMLNode?, key: String) -> Reference? {
        guard let written = text(node, key: key), let node else { return nil }
        guard Slug.isValid(written) else {
            diagnostics.error(location(node), "`\(key): \(written)` is not a slug", hint: "did you mean `\(Slug.make(from: written))`?")
            return nil
        }
        return Reference(slug: written, location: location(node))
    }

    mutating func webAddress(_ node: YAMLNode?, key: String) -> String? {
        guard let written = text(node, key: key), let node else { return nil }
        guard let url = URL(string: written), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, host.contains(Character("."))
        else {
            diagnostics.error(
                location(node), "`\(key): \(written)` is not a web address",
                hint: "write it with https://, e.g. https://www.example.de")
            return nil
        }
        return written
    }

    // MARK: - Sequences

    /// The items of a list. A single value where a list is expected is an
    /// error that shows the list form.
    mutating func list(_ node: YAMLNode?, key: String) -> [YAMLNode] {
        guard let node else { return [] }
        guard let sequence = node.sequence else {
            let example = node.scalar.map { "[\($0.string)]" } ?? "a list of entries starting with `- `"
            diagnostics.error(location(node), "`\(key)` must be a list", hint: "write \(example)")
            return []
        }
        return Array(sequence)
    }

    mutating func slugList(_ node: YAMLNode?, key: String) -> [Reference] {
        var seen: Set<String> = []
        var result: [Reference] = []
        for item in list(node, key: key) {
            guard let reference = slugReference(item, key: key) else { continue }
            if seen.insert(reference.slug).inserted {
                result.append(reference)
            } else {
                diagnostics.warning(reference.location, "`\(reference.slug)` is listed twice in `\(key)`", hint: "remove one")
            }
        }
        return result
    }

    mutating func textList(_ node: YAMLNode?, key: String) -> [String] {
        list(node, key: key).compactMap { text($0, key: key) }
    }

    // MARK: - Helpers

    static func isNull(_ text: String) -> Bool {
        text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    static func shapeHint(_ node: YAMLNode) -> String? {
        switch node {
        case .mapping: return "it is written as `key: value` lines; expected a single value"
        case .sequence: return "it is written as a list; expected a single value"
        default: return nil
        }
    }

    static func dateHint(_ written: String, allowMonth: Bool) -> String {
        // 20.01.2021 → 2021-01-20
        let parts = written.split(separator: ".")
        if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) {
            return "did you mean `\(CalendarDate(year: y, month: m, day: d))`?"
        }
        return allowMonth ? "e.g. 2021-01-20 or 2020-11" : "e.g. 2021-01-20"
    }
}
