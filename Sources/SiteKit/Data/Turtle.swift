/// A small writer of RDF in Turtle: prefixes, then one block per subject
/// with its predicates and objects in the order given, so the same graph
/// always gives the same bytes (a diff of two catalogues shows what
/// changed). Subjects and objects are IRIs or literals; no blank nodes.
struct Turtle {
    enum Term: Equatable {
        /// A full IRI, written `<…>`.
        case iri(String)
        /// A prefixed name such as `dcat:Dataset`, written as it is.
        case name(String)
        /// A string with a language tag (`"…"@de`), or a plain string when nil.
        case text(String, language: String?)
        /// A literal of an XML Schema type, e.g. `"2021-02-25"^^xsd:date`.
        case typed(String, datatype: String)

        static func text(_ value: String) -> Term { .text(value, language: nil) }
    }

    private(set) var text = ""

    init(prefixes: [(String, String)]) {
        for (prefix, iri) in prefixes { text += "@prefix \(prefix): \(Self.iri(iri)) .\n" }
    }

    /// One subject with its statements; a predicate without objects is left out.
    mutating func subject(_ subject: Term, _ statements: [(String, [Term])]) {
        let present = statements.filter { !$0.1.isEmpty }
        guard !present.isEmpty else { return }
        text += "\n" + Self.write(subject)
        for (i, (predicate, objects)) in present.enumerated() {
            text += (i == 0 ? " " : "\n    ") + predicate + " "
            text += objects.map(Self.write).joined(separator: objects.count > 2 ? ",\n        " : ", ")
            text += i == present.count - 1 ? " .\n" : " ;"
        }
    }

    var bytes: [UInt8] { Array(text.utf8) }

    static func write(_ term: Term) -> String {
        switch term {
        case .iri(let value): return iri(value)
        case .name(let value): return value
        case .text(let value, let language): return string(value) + (language.map { "@" + $0 } ?? "")
        case .typed(let value, let datatype): return string(value) + "^^" + datatype
        }
    }

    /// `<…>`; the characters an IRI reference may not hold are written as `\u` escapes.
    static func iri(_ value: String) -> String {
        var out = "<"
        for scalar in value.unicodeScalars {
            switch scalar {
            case "<", ">", "\"", "{", "}", "|", "^", "`", "\\", " ", "\u{00}"..."\u{1F}": out += uchar(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + ">"
    }

    /// A quoted string: quote, backslash and line breaks escaped.
    static func string(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{00}"..."\u{1F}", "\u{7F}": out += uchar(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func uchar(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
