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
                diagnostics.error(location(mark), .yamlSyntax, ["problem": .yamlProblem(what)], hint: Message(.hintYAMLSyntax))
            case .duplicateKeys(let keys, let mark):
                diagnostics.error(
                    location(mark), .duplicateKey, ["keys": "\(keys.map { "`\($0)`" }.joined(separator: ", "))"],
                    hint: Message(.hintKeepOne))
            case .unreadable(let problem, let mark):
                diagnostics.error(
                    location(mark), .yamlUnreadable, ["problem": "\(problem)"], hint: Message(.hintRemoveInvisible))
            }
            return nil
        }
    }

    // MARK: - Mappings

    /// A mapping whose keys are checked against `keys`: unknown keys are
    /// errors with a suggestion, missing required keys are reported at
    /// `missingAt` (the opening `---` for a file's front matter).
    ///
    /// The keys and values in order, found by a search: a mapping has a
    /// handful of keys, and a dictionary per mapping (every project of every
    /// profile) cost more in hashing and allocating than the search does.
    struct Fields {
        var values: [(key: String, node: YAMLNode)]
        var location: SourceLocation
        subscript(_ key: String) -> YAMLNode? {
            for entry in values where entry.key == key { return entry.node }
            return nil
        }
    }

    mutating func fields(
        _ node: YAMLNode?, what: Message, required: [String], optional: [String], missingAt: SourceLocation? = nil
    ) -> Fields? {
        guard let node else {
            for key in required {
                diagnostics.error(missingAt ?? fileStart, .requiredKeyMissing, ["key": .value(key)], hint: Message(.hintAddKey, ["key": .value(key)]))
            }
            return nil
        }
        guard let mapping = node.mapping else {
            diagnostics.error(location(node), .notAMapping, ["what": .phrase(what)], hint: Self.shapeHint(node))
            return nil
        }
        // Prepared on the first unknown key, once for all of them.
        var candidates: Suggestion.Candidates?
        var knownKeys: [String]?
        var values: [(key: String, node: YAMLNode)] = []
        values.reserveCapacity(mapping.count)
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                diagnostics.error(location(keyNode), .keyNotAWord)
                continue
            }
            guard required.contains(key) || optional.contains(key) else {
                let known = knownKeys ?? required + optional
                knownKeys = known
                let prepared = candidates ?? Suggestion.Candidates(known)
                candidates = prepared
                let hint =
                    Message.suggestion(for: key, in: prepared)
                    ?? Message(.hintAllowedKeys, ["keys": .value(known.map { "`\($0)`" }.joined(separator: ", "))])
                diagnostics.error(location(keyNode), .unknownKey, ["key": .value(key), "where": .within(what)], hint: hint)
                continue
            }
            if value.scalar.map({ $0.style == .plain && Self.isNull($0.string) }) == true {
                diagnostics.error(location(keyNode), .keyWithoutValue, ["key": .value(key)], hint: Message(.hintGiveValue))
                continue
            }
            values.append((key, value))
        }
        let fields = Fields(values: values, location: location(node))
        for key in required where fields[key] == nil && !mapping.contains(where: { $0.key.scalar?.string == key }) {
            diagnostics.error(
                missingAt ?? fields.location, .requiredKeyMissingIn, ["key": .value(key), "where": .within(what)],
                hint: Message(.hintAddKey, ["key": .value(key)]))
        }
        return fields
    }

    // MARK: - Scalars

    /// Non-empty text. Numbers and dates are taken as written.
    mutating func text(_ node: YAMLNode?, key: String) -> String? {
        guard let node else { return nil }
        guard let scalar = node.scalar else {
            diagnostics.error(location(node), .mustBeText, ["key": .value(key)], hint: Self.shapeHint(node))
            return nil
        }
        let value = scalar.string.trimmed
        guard !value.isEmpty else {
            diagnostics.error(location(node), .mustNotBeEmpty, ["key": .value(key)])
            return nil
        }
        // Bytes first: every control character has one of these in its UTF-8.
        if value.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xEF }),
            let control = value.unicodeScalars.first(where: Self.isControl)
        {
            diagnostics.error(
                location(node), .controlCharacter, ["key": .value(key), "codePoint": .value(Self.codePoint(control))],
                hint: Message(control.value == 0x0D ? .hintLineBreak : .hintRemoveControl))
            return nil
        }
        if let inner = Self.insideTypographicQuotes(value) {
            diagnostics.warning(
                location(node), .typographicQuotes, ["key": .value(key), "value": .value(value)],
                hint: Message(.hintWithoutQuotes, ["key": .value(key), "inner": .value(inner)]))
        }
        return value
    }

    /// A top-level text (a page's `titel`, a profile's `name`): it becomes
    /// the page's `<title>` and heading, so one past 120 characters is a
    /// warning (a whole paragraph pasted into the title).
    mutating func title(_ node: YAMLNode?, key: String) -> String? {
        guard let value = text(node, key: key), let node else { return nil }
        if value.count > Self.longestTitle {
            diagnostics.warning(
                location(node), .titleTooLong, ["key": .value(key), "count": .number(value.count)], hint: Message(.hintShortenTitle))
        }
        return value
    }

    static let longestTitle = 120

    /// `Andernach` for `„Andernach“`: a value wholly wrapped in typographic
    /// quotation marks (German „…“, English “…”, French «…», and the single
    /// ones), which the site would publish with the marks. A value that
    /// only begins with a quotation (`„Mitten am Rhein“ wächst`) is not.
    static func insideTypographicQuotes(_ value: String) -> String? {
        // Every text value passes here: most begin with an ASCII byte, and
        // every mark above begins with 0xE2 or 0xC2 in UTF-8.
        guard let lead = value.utf8.first, lead == 0xE2 || lead == 0xC2 else { return nil }
        let (opening, closing) = (typographicOpening, typographicClosing)
        guard value.count >= 3, let first = value.first, let last = value.last, opening.contains(first), closing.contains(last)
        else { return nil }
        let inner = value.dropFirst().dropLast()
        guard !inner.contains(where: { opening.contains($0) || closing.contains($0) }) else { return nil }
        let trimmed = inner.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    private static let typographicOpening: Set<Character> = ["„", "“", "”", "‚", "‘", "»", "«", "›", "‹"]
    private static let typographicClosing: Set<Character> = ["“", "”", "‘", "’", "«", "»", "‹", "›"]

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
                ? Message(.hintNoSeparators, ["digits": .value(written.filter { $0.isNumber })])
                : Message(.hintDigitsOnly)
            diagnostics.error(location(node), .notAWholeNumber, ["key": .value(key), "value": .value(written)], hint: hint)
            return nil
        }
        guard range.contains(value) else {
            diagnostics.error(
                location(node), .outOfRange,
                [
                    "key": .value(key), "value": .number(value), "lower": .number(range.lowerBound),
                    "upper": .value(range.upperBound == Int.max ? "" : "\(range.upperBound)"),
                ])
            return nil
        }
        return value
    }

    mutating func number(_ node: YAMLNode?, key: String) -> Double? {
        guard let node else { return nil }
        guard let scalar = node.scalar, scalar.style == .plain, let value = Double(scalar.string), value.isFinite else {
            diagnostics.error(location(node), .notDegrees, ["key": .value(key)], hint: Message(.hintDecimalPoint))
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
            diagnostics.error(location(node), .notAFlag, ["key": .value(key)], hint: Message(.hintTrueOrFalse))
            return nil
        }
    }

    mutating func date(_ node: YAMLNode?, key: String, allowMonth: Bool = false) -> CalendarDate? {
        guard let written = text(node, key: key), let node else { return nil }
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
                location(node), allowMonth ? .notADateOrMonth : .notADate, ["key": .value(key), "value": .value(written)],
                hint: Self.dateHint(written, allowMonth: allowMonth))
        case .failure(.month(let month)):
            diagnostics.error(
                location(node), .noSuchMonth, ["key": .value(key), "value": .value(written), "month": .number(month)],
                hint: Message(.hintMonths))
        case .failure(.day(let day, let month, let year)):
            let name = CalendarDate.monthNames[month - 1]
            diagnostics.error(
                location(node), .noSuchDay, ["key": .value(key), "value": .value(written), "day": .number(day), "month": .value(name)],
                hint: Message(
                    .hintDaysInMonth,
                    ["month": .value(name), "year": .number(year), "days": .number(CalendarDate.daysInMonth(month, year: year))]))
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
            diagnostics.error(location(node), .notATimeOfDay, ["key": .value(key), "value": .value(written)], hint: Message(.hintTimeRange))
        } catch {
            let hint =
                written.contains(".") ? Message.didYouMean(written.replacingOccurrences(of: ".", with: ":")) : Message(.hintTimeExample)
            diagnostics.error(location(node), .notATime, ["key": .value(key), "value": .value(written)], hint: hint)
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
            Message.suggestion(for: written, in: allowed)
            ?? Message(.hintAllowedValues, ["values": .value(allowed.map { "`\($0)`" }.joined(separator: ", "))])
        diagnostics.error(location(node), .notAllowedValue, ["key": .value(key), "value": .value(written)], hint: hint)
        return nil
    }

    mutating func slugReference(_ node: YAMLNode?, key: String) -> Reference? {
        guard let written = text(node, key: key), let node else { return nil }
        guard Slug.isValid(written) else {
            diagnostics.error(
                location(node), .notASlug, ["key": .value(key), "value": .value(written)],
                hint: .didYouMean(Slug.make(from: written)))
            return nil
        }
        return Reference(slug: written, location: location(node))
    }

    /// A reference to another document (a profile, a Handlungsfeld). A
    /// value that is not a slug is kept, marked, for the site's checks:
    /// only they know which document it means.
    mutating func documentReference(_ node: YAMLNode?, key: String) -> Reference? {
        guard let written = text(node, key: key), let node else { return nil }
        guard Slug.isValid(written) else {
            return Reference(
                slug: Slug.make(from: written), location: location(node), notASlug: Reference.Written(key: key, text: written))
        }
        return Reference(slug: written, location: location(node))
    }

    mutating func webAddress(_ node: YAMLNode?, key: String) -> String? {
        guard let written = text(node, key: key), let node else { return nil }
        if Self.isPlainWebAddress(written) { return written }
        guard let url = URL(string: written), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, host.contains(Character("."))
        else {
            diagnostics.error(location(node), .notAWebAddress, ["key": .value(key), "value": .value(written)], hint: Message(.hintHTTPS))
            return nil
        }
        return written
    }

    /// `https://www.bendorf.de/rathaus/`: a scheme in lower case, a host of
    /// lower-case letters, digits, hyphens and at least one dot, and a path
    /// of letters, digits and `-._~/` only, which `URL` accepts as it is.
    /// Nearly every address an editor writes; parsing each with `URL`
    /// cost more than the rest of its profile's front matter.
    static func isPlainWebAddress(_ written: String) -> Bool {
        var text = written
        return text.withUTF8 { bytes in
            func starts(with prefix: StaticString) -> Bool {
                guard let base = bytes.baseAddress, bytes.count >= prefix.utf8CodeUnitCount else { return false }
                return memcmp(base, prefix.utf8Start, prefix.utf8CodeUnitCount) == 0
            }
            let start: Int
            if starts(with: "https://") {
                start = 8
            } else if starts(with: "http://") {
                start = 7
            } else {
                return false
            }
            var i = start
            var dot = false
            while i < bytes.count, bytes[i] != UInt8(ascii: "/") {
                switch bytes[i] {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): break
                case UInt8(ascii: "."): dot = true
                default: return false
                }
                i += 1
            }
            // A host that starts or ends with a dot or hyphen is left to `URL`.
            func isEdge(_ byte: UInt8) -> Bool { byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") }
            // A dot means the host is not empty.
            guard dot, !isEdge(bytes[start]), !isEdge(bytes[i - 1]) else { return false }
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                    UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                    break
                default: return false
                }
                i += 1
            }
            return true
        }
    }

    // MARK: - Sequences

    /// The items of a list. A single value where a list is expected is an
    /// error that shows the list form.
    mutating func list(_ node: YAMLNode?, key: String) -> [YAMLNode] {
        guard let node else { return [] }
        guard let sequence = node.sequence else {
            let hint = node.scalar.map { Message(.hintWriteList, ["example": .value("[\($0.string)]")]) } ?? Message(.hintWriteListEntries)
            diagnostics.error(location(node), .mustBeAList, ["key": .value(key)], hint: hint)
            return []
        }
        return Array(sequence)
    }

    mutating func slugList(_ node: YAMLNode?, key: String) -> [Reference] {
        // A list has a handful of entries: searched while short, hashed once long.
        var seen: [String] = []
        var seenSet: Set<String> = []
        func isNew(_ slug: String) -> Bool {
            if seen.count < 32 {
                if seen.contains(slug) { return false }
                seen.append(slug)
                if seen.count == 32 { seenSet = Set(seen) }
                return true
            }
            return seenSet.insert(slug).inserted
        }
        var result: [Reference] = []
        for item in list(node, key: key) {
            guard let reference = documentReference(item, key: key) else { continue }
            if isNew(reference.notASlug?.text ?? reference.slug) {
                result.append(reference)
            } else {
                diagnostics.warning(
                    reference.location, .listedTwice, ["slug": .value(reference.slug), "key": .value(key)], hint: Message(.hintRemoveOne))
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

    static func shapeHint(_ node: YAMLNode) -> Message? {
        switch node {
        case .mapping: return Message(.hintWrittenAsMapping)
        case .sequence: return Message(.hintWrittenAsList)
        default: return nil
        }
    }

    static func dateHint(_ written: String, allowMonth: Bool) -> Message {
        // 20.01.2021 → 2021-01-20
        let parts = written.split(separator: ".")
        if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) {
            return .didYouMean("\(CalendarDate(year: y, month: m, day: d))")
        }
        return Message(allowMonth ? .hintDateOrMonthExample : .hintDateExample)
    }
}
