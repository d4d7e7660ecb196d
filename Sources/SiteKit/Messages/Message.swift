import Foundation
import SiteText

/// A text of the catalogue with its arguments, rendered in either language
/// when it is shown. Diagnostics, their hints and the summary lines are
/// made of these, so that one place holds every text sitegen says.
public struct Message: Hashable, Sendable {
    public var code: MessageCode
    public var arguments: [String: Argument]

    public init(_ code: MessageCode, _ arguments: [String: Argument] = [:]) {
        self.code = code
        self.arguments = arguments
    }

    /// What fills a `{name}` placeholder.
    public enum Argument: Hashable, Sendable, ExpressibleByStringInterpolation {
        /// Written as it is in every language: keys, values, paths, slugs.
        case value(String)
        /// A whole number as written in code: line numbers, years, digits.
        case number(Int)
        /// A large number with the language's thousands separator
        /// (`100,000` / `100.000`).
        case grouped(Int)
        /// A number with two decimals, e.g. seconds (`0.21` / `0,21`).
        case decimal(Double)
        /// `3 files` / `3 Dateien`: the number and the word of a catalogue
        /// entry written `singular¦plural`.
        case count(Int, MessageCode)
        /// A part that is itself translated: its first form, e.g.
        /// `bild` / `the front matter of a Kommune`.
        case phrase(Message)
        /// The second form of a part written `first¦second` in the
        /// catalogue, which says where: `in \`bild\``, `im Kopf eines Profils`.
        case within(Message)
        /// libyaml's English words for a syntax problem; in German from
        /// `YAMLProblems`, so no English sentence stands in a German message.
        case yamlProblem(String)

        public init(stringLiteral value: String) { self = .value(value) }
        public init(stringInterpolation: DefaultStringInterpolation) { self = .value(String(stringInterpolation: stringInterpolation)) }

        func text(in language: MessageLanguage) -> String {
            switch self {
            case .value(let text): return text
            case .number(let n): return String(n)
            case .grouped(let n): return Self.grouped(n, separator: language == .de ? "." : ",")
            case .decimal(let s):
                let hundredths = Int((s * 100).rounded())
                let fraction = String(hundredths % 100)
                return "\(hundredths / 100)\(language == .de ? "," : ".")\(fraction.count == 1 ? "0" + fraction : fraction)"
            case .count(let n, let word):
                return "\(n) \(Message.form(n == 1 ? 0 : 1, of: word.template(in: language)))"
            case .phrase(let message): return message.text(in: language)
            case .within(let message): return message.text(in: language, form: 1)
            case .yamlProblem(let english): return language == .de ? YAMLProblems.german(english) : english
            }
        }

        static func grouped(_ n: Int, separator: Character) -> String {
            let digits = String(n.magnitude)
            var result = n < 0 ? "-" : ""
            for (i, digit) in digits.enumerated() {
                if i > 0 && (digits.count - i) % 3 == 0 { result.append(separator) }
                result.append(digit)
            }
            return result
        }
    }

    /// The catalogue's text for `language` with every `{name}` replaced by
    /// its argument. Arguments are inserted once, never read for
    /// placeholders again, so a value holding `{x}` stays as it is.
    public func text(in language: MessageLanguage) -> String { text(in: language, form: 0) }

    /// `form` picks one of the `¦`-separated forms of the template (the
    /// last one when there are fewer).
    func text(in language: MessageLanguage, form: Int) -> String {
        var template = code.template(in: language)
        // Looked for as bytes: `contains` with a string argument is
        // Foundation's `range(of:)`, and a build with 200,000 warnings
        // spent most of its time there.
        if Self.has(Self.formSeparatorSecondByte, in: template) { template = String(Self.form(form, of: template)) }
        guard Self.has(UInt8(ascii: "{"), in: template) else { return template }
        // On the template's bytes: a build with a hundred thousand
        // diagnostics makes each message twice (to sort and to print).
        var out: [UInt8] = []
        template.withUTF8 { bytes in
            out.reserveCapacity(bytes.count + 32)
            var i = 0
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "{"),
                    let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "}")),
                    let argument = arguments[String(decoding: bytes[(i + 1)..<close], as: UTF8.self)]
                {
                    out += argument.text(in: language).utf8
                    i = close + 1
                } else {
                    out.append(bytes[i])
                    i += 1
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Between the forms of an entry that has two (`file¦files`); a bar
    /// of its own, because `|` is written in Markdown tables.
    static let formSeparator: Character = "¦"
    private static let formSeparatorScalar: Unicode.Scalar = "¦"

    /// Whether `text` has the byte, by memchr: the generic `contains` of a
    /// UTF-8 view walks it byte by byte through an iterator.
    private static func has(_ byte: UInt8, in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false
        } ?? text.utf8.contains(byte)
    }

    /// Form `n` of a template (`first¦second`), the last one when there are
    /// fewer; found by scalars, as splitting by characters cost most of a
    /// build with many diagnostics.
    static func form(_ n: Int, of template: String) -> Substring {
        let scalars = template.unicodeScalars
        var start = scalars.startIndex
        var index = start
        var found = 0
        while index < scalars.endIndex {
            if scalars[index] == formSeparatorScalar {
                if found == n { return Substring(scalars[start..<index]) }
                found += 1
                start = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        return Substring(scalars[start...])
    }
    /// The second byte of its UTF-8 (`C2 A6`), a cheap first test.
    private static let formSeparatorSecondByte: UInt8 = 0xA6

    /// English, the language of the API, the cache and the tests.
    public var english: String { text(in: .en) }

    /// The names between braces in `template`: what a message of the
    /// entry must be given.
    static func placeholders(in template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            let name = rest[afterOpen..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) { names.insert(String(name)) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

extension Message {
    /// "did you mean `x`?"
    public static func didYouMean(_ candidate: String) -> Message {
        Message(.didYouMean, ["candidate": .value(candidate)])
    }

    /// "did you mean …" with the closest of `candidates`, or nil.
    static func suggestion(for word: String, in candidates: some Sequence<String>) -> Message? {
        Suggestion.closest(to: word, in: candidates).map(didYouMean)
    }

    static func suggestion(for word: String, in candidates: Suggestion.Candidates) -> Message? {
        Suggestion.closest(to: word, in: candidates).map(didYouMean)
    }
}
