import SiteText

/// A template syntax error at a byte offset of the template.
public struct TemplateSyntaxError: Error, Equatable {
    public var offset: Int
    public var message: String
    public var hint: String
}

/// Reads a template into nodes. This follows swift-mustache's parser step
/// by step, so that output, including its whitespace rules for standalone
/// lines, partial indentation and blocks, stays byte for byte the same.
public struct TemplateParser {
    private var scanner: TemplateScanner

    public static func parse(_ bytes: [UInt8]) throws -> [TemplateNode] {
        var parser = TemplateParser(scanner: TemplateScanner(bytes: bytes))
        return try parser.parse(State())
    }

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var sectionOffset = 0
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        /// Directly inside `{{<parent}}`, where only block overrides count.
        var inParentCall = false
        var partialDefinitionIndent: Int?
        var startDelimiter = Array("{{".utf8)
        var endDelimiter = Array("}}".utf8)

        func section(_ name: String, transforms: [String] = [], at offset: Int, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.sectionOffset = offset
            state.isPartialDefinitionTopLevel = false
            state.inParentCall = false
            if !newLine { state.newLine = false }
            return state
        }

        func parentCall(_ name: String, at offset: Int) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.sectionOffset = offset
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            state.inParentCall = true
            return state
        }
    }

    private mutating func parse(_ initial: State) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whitespaceBefore: ArraySlice<UInt8> = []
        let bytes = scanner.bytes
        while !scanner.atEnd {
            if state.newLine {
                let whitespace = scanner.readIndentation()
                if state.isPartialDefinition && !state.isPartialDefinitionTopLevel {
                    // Block bodies lose the indentation of their first line.
                    if let indent = state.partialDefinitionIndent {
                        whitespaceBefore = whitespace.dropFirst(indent)
                    } else {
                        state.partialDefinitionIndent = whitespace.count
                    }
                } else {
                    whitespaceBefore = whitespace
                }
            }
            let text = readText(state)
            let newline = scanner.newlineLength(at: scanner.position)
            if newline > 0 {
                nodes.append(.text(Array(whitespaceBefore) + Array(text) + bytes[scanner.position..<scanner.position + newline]))
                state.newLine = true
                scanner.position += newline
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array(whitespaceBefore) + Array(text)))
                whitespaceBefore = []
                state.newLine = false
            }
            if scanner.atEnd { break }
            let tagStart = scanner.position - state.startDelimiter.count
            let sigil = bytes[scanner.position]
            if state.inParentCall, !Self.allowedInParentCall(sigil, topLevel: state.isPartialDefinitionTopLevel) {
                throw TemplateSyntaxError(
                    offset: tagStart, message: "only block overrides can stand inside `{{<\(state.sectionName ?? "")}}`",
                    hint: "put content into a `{{$block}}…{{/block}}` that the parent template defines")
            }
            var setNewLine = false
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                scanner.position += 1
                let (name, transforms) = try parseName(state, tagStart: tagStart)
                let lookup = try Self.lookup(name, transforms, at: tagStart)
                if isStandalone(state) {
                    setNewLine = true
                } else if !whitespaceBefore.isEmpty {
                    nodes.append(.text(Array(whitespaceBefore)))
                    whitespaceBefore = []
                }
                let body = try parse(state.section(name, transforms: transforms, at: tagStart, newLine: setNewLine))
                nodes.append(sigil == UInt8(ascii: "#") ? .section(lookup, body) : .inverted(lookup, body))

            case UInt8(ascii: "/"):
                scanner.position += 1
                let (name, transforms) = try parseName(state, tagStart: tagStart)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    throw closingMismatch(Self.tag(name, transforms), state: state, at: tagStart)
                }
                if !isStandalone(state), !whitespaceBefore.isEmpty {
                    nodes.append(.text(Array(whitespaceBefore)))
                }
                return nodes

            case UInt8(ascii: "!"):
                scanner.position += 1
                try skipComment(state, tagStart: tagStart)
                setNewLine = isStandalone(state)

            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                if !whitespaceBefore.isEmpty {
                    nodes.append(.text(Array(whitespaceBefore)))
                    whitespaceBefore = []
                }
                scanner.position += 1
                let (name, transforms) = try parseName(state, tagStart: tagStart)
                if sigil == UInt8(ascii: "{") {
                    guard scanner.current == UInt8(ascii: "}") else { throw unfinishedTag(expected: "}") }
                    scanner.position += 1
                }
                nodes.append(.variable(try Self.lookup(name, transforms, at: tagStart), escaped: false))

            case UInt8(ascii: ">"):
                scanner.position += 1
                scanner.skipWhitespace()
                let dynamic = scanner.current == UInt8(ascii: "*")
                if dynamic { scanner.position += 1 }
                let name = try parsePartialName(state)
                if !whitespaceBefore.isEmpty { nodes.append(.text(Array(whitespaceBefore))) }
                let standalone = isStandalone(state)
                setNewLine = standalone
                nodes.append(
                    .partial(
                        PartialCall(
                            name: name, dynamic: dynamic ? Lookup(name: name, transforms: []) : nil,
                            indentation: standalone ? Array(whitespaceBefore) : nil, overrides: nil, offset: tagStart)))
                whitespaceBefore = []

            case UInt8(ascii: "<"):
                scanner.position += 1
                scanner.skipWhitespace()
                let sectionName = try parsePartialName(state)
                let dynamic = sectionName.first == "*"
                let name = dynamic ? String(sectionName.dropFirst()) : sectionName
                if !whitespaceBefore.isEmpty { nodes.append(.text(Array(whitespaceBefore))) }
                setNewLine = isStandalone(state)
                var overrides: [String: [TemplateNode]] = [:]
                // Anything but overrides in there is text, which does not count.
                for case let .blockOverride(block, body) in try parse(state.parentCall(sectionName, at: tagStart)) {
                    overrides[block] = body
                }
                nodes.append(
                    .partial(
                        PartialCall(
                            name: name, dynamic: dynamic ? Lookup(name: name, transforms: []) : nil,
                            indentation: Array(whitespaceBefore), overrides: overrides, offset: tagStart)))
                whitespaceBefore = []

            case UInt8(ascii: "$"):
                scanner.position += 1
                let (name, transforms) = try parseName(state, tagStart: tagStart)
                guard transforms.isEmpty else {
                    throw TemplateSyntaxError(
                        offset: tagStart, message: "a block cannot have a transform",
                        hint: "write `{{$\(name)}}` and apply transforms inside the block")
                }
                if state.isPartialDefinitionTopLevel {
                    setNewLine = isStandalone(state)
                    let body = try parse(state.section(name, at: tagStart, newLine: setNewLine))
                    nodes.append(.blockOverride(name: name, body))
                } else {
                    if !whitespaceBefore.isEmpty { nodes.append(.text(Array(whitespaceBefore))) }
                    setNewLine = isStandalone(state)
                    let body = try parse(state.section(name, at: tagStart, newLine: setNewLine))
                    nodes.append(.block(name: name, default: body, indentation: Array(whitespaceBefore)))
                    whitespaceBefore = []
                }

            case UInt8(ascii: "="):
                scanner.position += 1
                try setDelimiters(&state, tagStart: tagStart)
                setNewLine = isStandalone(state)

            case UInt8(ascii: "%"):
                scanner.position += 1
                nodes.append(.escaping(try readPragma(state, tagStart: tagStart)))
                setNewLine = isStandalone(state)

            default:
                if !whitespaceBefore.isEmpty {
                    nodes.append(.text(Array(whitespaceBefore)))
                    whitespaceBefore = []
                }
                let (name, transforms) = try parseName(state, tagStart: tagStart)
                nodes.append(.variable(try Self.lookup(name, transforms, at: tagStart), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName {
            let opened = scanner.lineAndColumn(of: state.sectionOffset)
            let tag = Self.tag(open, state.sectionTransforms)
            throw TemplateSyntaxError(
                offset: scanner.bytes.count, message: "the template ends inside `{{…\(tag)}}` from line \(opened.line)",
                hint: "close it with `{{/\(tag)}}`")
        }
        return nodes
    }

    private static func allowedInParentCall(_ sigil: UInt8, topLevel: Bool) -> Bool {
        switch sigil {
        case UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: "="): return true
        case UInt8(ascii: "$"): return topLevel
        default: return false
        }
    }

    /// Text up to a newline or a tag; a tag's start delimiter is consumed.
    private mutating func readText(_ state: State) -> ArraySlice<UInt8> {
        let bytes = scanner.bytes, start = scanner.position
        while scanner.position < bytes.count {
            let byte = bytes[scanner.position]
            if byte == 0x0A || (byte == 0x0D && scanner.position + 1 < bytes.count && bytes[scanner.position + 1] == 0x0A) {
                break
            }
            if scanner.starts(with: state.startDelimiter, at: scanner.position) {
                let text = bytes[start..<scanner.position]
                scanner.position += state.startDelimiter.count
                return text
            }
            scanner.position += 1
        }
        return bytes[start..<scanner.position]
    }

    /// A name with its transforms: `empty(list)` is `("list", ["empty"])`.
    private mutating func parseName(_ state: State, tagStart: Int) throws -> (String, [String]) {
        scanner.skipWhitespace()
        let text = scanner.read { TemplateScanner.isNameByte($0) || TemplateScanner.isBracket($0) }
        scanner.skipWhitespace()
        try readEndDelimiter(state)
        let name = String(decoding: text, as: UTF8.self)
        guard let split = Self.splitTransforms(Array(text)) else {
            throw TemplateSyntaxError(
                offset: tagStart, message: "`\(name)` is neither a name nor a transform",
                hint: "transforms are written `empty(list)`, nested `first(reversed(list))`")
        }
        return split
    }

    private static func splitTransforms(_ text: [UInt8]) -> (String, [String])? {
        var i = 0
        func word() -> String {
            let start = i
            while i < text.count, !TemplateScanner.isBracket(text[i]) { i += 1 }
            return String(decoding: text[start..<i], as: UTF8.self)
        }
        let first = word()
        if i == text.count { return (first, []) }
        guard text[i] == UInt8(ascii: "(") else { return nil }
        i += 1
        var transforms = [first]
        while true {
            let name = word()
            guard i < text.count else { return nil }
            i += 1
            if text[i - 1] == UInt8(ascii: "(") {
                transforms.append(name)
                continue
            }
            var closing = 1
            while i < text.count, text[i] == UInt8(ascii: ")") {
                closing += 1
                i += 1
            }
            return closing == transforms.count && i == text.count ? (name, transforms) : nil
        }
    }

    private static func lookup(_ name: String, _ transformNames: [String], at offset: Int) throws -> Lookup {
        let transforms = try transformNames.map { transformName in
            guard let transform = Transform(rawValue: transformName) else {
                let known = Transform.allCases.map(\.rawValue)
                throw TemplateSyntaxError(
                    offset: offset, message: "unknown transform `\(transformName)`",
                    hint: Suggestion.hint(for: transformName, in: known) ?? "known transforms: \(known.joined(separator: ", "))")
            }
            return transform
        }
        return Lookup(name: name, transforms: transforms)
    }

    private mutating func parsePartialName(_ state: State) throws -> String {
        scanner.skipWhitespace()
        let text = scanner.read { TemplateScanner.isNameByte($0) || TemplateScanner.isBracket($0) || $0 == UInt8(ascii: "/") }
        scanner.skipWhitespace()
        try readEndDelimiter(state)
        return String(decoding: text, as: UTF8.self)
    }

    private mutating func readEndDelimiter(_ state: State) throws {
        guard scanner.starts(with: state.endDelimiter, at: scanner.position) else {
            throw unfinishedTag(expected: String(decoding: state.endDelimiter, as: UTF8.self))
        }
        scanner.position += state.endDelimiter.count
    }

    private func unfinishedTag(expected: String) -> TemplateSyntaxError {
        let found: String
        if scanner.atEnd {
            found = "the template ends"
        } else {
            let rest = scanner.bytes[scanner.position...]
            found = "unexpected `\(String(decoding: rest.prefix(while: { $0 >= 0x20 }).prefix(12), as: UTF8.self))`"
        }
        return TemplateSyntaxError(
            offset: scanner.position, message: "\(found) where `\(expected)` should end the tag",
            hint: "names use letters, digits and `.-_?`; transforms are written `empty(list)`")
    }

    private func closingMismatch(_ closing: String, state: State, at offset: Int) -> TemplateSyntaxError {
        guard let open = state.sectionName else {
            return TemplateSyntaxError(
                offset: offset, message: "`{{/\(closing)}}` closes nothing",
                hint: "remove it, or open the section with `{{#\(closing)}}`")
        }
        let tag = Self.tag(open, state.sectionTransforms)
        let opened = scanner.lineAndColumn(of: state.sectionOffset)
        return TemplateSyntaxError(
            offset: offset, message: "`{{/\(closing)}}` does not close `{{…\(tag)}}` from line \(opened.line)",
            hint: "close sections in reverse order of opening; this one needs `{{/\(tag)}}`")
    }

    private static func tag(_ name: String, _ transforms: [String]) -> String {
        transforms.reversed().reduce(name) { "\($1)(\($0))" }
    }

    private mutating func skipComment(_ state: State, tagStart: Int) throws {
        let end = state.endDelimiter, bytes = scanner.bytes
        var matched = 0
        while scanner.position < bytes.count {
            if bytes[scanner.position] == end[matched] {
                matched += 1
                if matched == end.count {
                    scanner.position += 1
                    return
                }
            } else {
                matched = 0
            }
            scanner.position += 1
        }
        throw TemplateSyntaxError(
            offset: tagStart, message: "the comment is never closed",
            hint: "end it with `\(String(decoding: end, as: UTF8.self))`")
    }

    /// `{{=<% %>=}}`
    private mutating func setDelimiters(_ state: inout State, tagStart: Int) throws {
        let invalid = TemplateSyntaxError(
            offset: tagStart, message: "invalid set-delimiter tag",
            hint: "write it like `{{=<% %>=}}`: start and end delimiter, separated by a space")
        scanner.skipWhitespace()
        let start = scanner.position
        while !scanner.atEnd, scanner.whitespaceLength(at: scanner.position) == 0 { scanner.position += 1 }
        guard !scanner.atEnd else { throw invalid }
        let startDelimiter = Array(scanner.bytes[start..<scanner.position])
        scanner.skipWhitespace()
        let endStart = scanner.position
        while !scanner.atEnd, scanner.current != UInt8(ascii: "="), scanner.whitespaceLength(at: scanner.position) == 0 {
            scanner.position += 1
        }
        guard !scanner.atEnd else { throw invalid }
        let endDelimiter = Array(scanner.bytes[endStart..<scanner.position])
        scanner.skipWhitespace()
        guard scanner.current == UInt8(ascii: "=") else { throw invalid }
        scanner.position += 1
        guard scanner.starts(with: state.endDelimiter, at: scanner.position) else { throw invalid }
        scanner.position += state.endDelimiter.count
        guard !startDelimiter.isEmpty, !endDelimiter.isEmpty else { throw invalid }
        state.startDelimiter = startDelimiter
        state.endDelimiter = endDelimiter
        state.isPartialDefinitionTopLevel = false
    }

    /// `{{% CONTENT_TYPE: HTML }}` or `TEXT`: whether variables are escaped.
    private mutating func readPragma(_ state: State, tagStart: Int) throws -> Bool {
        let isWord = { (byte: UInt8) in TemplateScanner.isNameByte(byte) }
        let hint = "the only pragma is `{{% CONTENT_TYPE: HTML }}` or `{{% CONTENT_TYPE: TEXT }}`"
        scanner.skipWhitespace()
        let variable = scanner.read(while: isWord)
        scanner.skipWhitespace()
        guard scanner.current == UInt8(ascii: ":") else {
            throw TemplateSyntaxError(offset: tagStart, message: "invalid pragma", hint: hint)
        }
        scanner.position += 1
        scanner.skipWhitespace()
        let value = scanner.read(while: isWord)
        scanner.skipWhitespace()
        guard scanner.starts(with: state.endDelimiter, at: scanner.position), !variable.isEmpty, !value.isEmpty else {
            throw TemplateSyntaxError(offset: tagStart, message: "invalid pragma", hint: hint)
        }
        scanner.position += state.endDelimiter.count
        switch (String(decoding: variable, as: UTF8.self), String(decoding: value, as: UTF8.self)) {
        case ("CONTENT_TYPE", "HTML"): return true
        case ("CONTENT_TYPE", "TEXT"): return false
        case (let variable, let value):
            throw TemplateSyntaxError(offset: tagStart, message: "unknown pragma `\(variable): \(value)`", hint: hint)
        }
    }

    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if scanner.atEnd { return true }
        var position = scanner.position
        while position < scanner.bytes.count, scanner.bytes[position] == 0x20 || scanner.bytes[position] == 0x09 { position += 1 }
        let newline = scanner.newlineLength(at: position)
        guard newline > 0 else { return false }
        scanner.position = position + newline
        return true
    }

    public func lineAndColumn(of offset: Int) -> (line: Int, column: Int) { scanner.lineAndColumn(of: offset) }
}
