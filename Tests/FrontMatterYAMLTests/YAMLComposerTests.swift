import Foundation
import Testing
import Yams
import FrontMatterYAML
@testable import SiteKit

/// The YAML composer against Yams, whose composer it replaces for speed:
/// for the same text, the same tree with the same places and quoting
/// styles, and the same errors at the same places.
struct YAMLComposerTests {
    static let samples: [String] = [
        "name: Bendorf\nart: Stadt\neinwohner: 17000\n",
        "ags: \"07137003\"\nags2: '0713'\nleer:\nnull_: ~\n",
        "handlungsfelder: [verwaltung, bildung]\nkreis: mayen-koblenz\n",
        "leitung:\n  amt: Bürgermeister\n  name: Christoph Mohr\nkontakt: {mail: info@example.org, telefon: \"0261 1234\"}\n",
        "projekte:\n  - titel: Digitales Rathaus\n    status: laufend\n  - titel: Glasfaser\n    jahr: 2023\n",
        "text: |\n  Zeile eins\n  Zeile zwei\nfalte: >\n  ein\n  Satz\n",
        "größe: \"ÄÖÜ ß – 😀\"\nnächster: schön\n",
        "# ein Kommentar\nname: X # noch einer\n",
        "anker: &a [1, 2]\nwieder: *a\nskalar: &s wert\nnochmal: *s\n",
        "? [a, b]\n: komplex\n",
        "tag: !!str 5\nzahl: !!int \"7\"\n",
        "---\nname: Mit Markern\n...\n",
        "",
        "# nur ein Kommentar\n",
        "- eins\n- zwei\n",
        "einfach",
        // Errors
        "leitung: {amt: X, name: Y\n",
        "name: a\n  falsch: eingerückt\n",
        "name:\n\t- tab\n",
        "a: 1\na: 2\n",
        "b: 1\na: 1\nb: 2\na: 2\nc: 3\n",
        "außen:\n  x: 1\n  x: 2\n",
        "wert: *fehlt\n",
        "a: 1\n---\nb: 2\n",
        "titel: \"nicht geschlossen\n",
        "titel: 'a' b\n",
        "liste: [a, b\nname: x\n",
        "key: @reserviert\n",
        "titel: mit \u{0B} Steuerzeichen\n",
    ]

    @Test(arguments: samples)
    func sameAsYams(_ yaml: String) {
        #expect(Self.ours(yaml) == Self.yams(yaml))
    }

    /// Every front matter and YAML file of the example site.
    @Test func exampleSite() throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("content")
        let files = try FileManager.default.subpathsOfDirectory(atPath: content.path)
        var compared = 0
        for path in files.sorted() where path.hasSuffix(".md") || path.hasSuffix(".yaml") {
            let text = try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8)
            let yaml = path.hasSuffix(".yaml") ? text : (try? FrontMatterSplit.split(text))?.yaml ?? ""
            #expect(Self.ours(yaml) == Self.yams(yaml), "\(path)")
            compared += 1
        }
        #expect(compared >= 15)
    }

    @Test func aControlCharacterIsLocated() {
        #expect(throws: YAMLComposer.Failure.unreadable("control characters are not allowed (U+000B)", .init(line: 2, column: 12))) {
            try YAMLComposer.compose("name: X\ntitel: äb c\u{0B}d\n")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let yaml = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(throws: YAMLComposer.Failure.self) { try YAMLComposer.compose(yaml) }
    }

    // MARK: - Both trees as text

    static func ours(_ yaml: String) -> String {
        do {
            return try YAMLComposer.compose(yaml).map(describe) ?? "no document"
        } catch {
            switch error {
            case .syntax(let what, let mark): return "syntax \(what) at \(mark.line):\(mark.column)"
            case .duplicateKeys(let keys, let mark): return "duplicates \(keys) at \(mark.line):\(mark.column)"
            // Yams gives no place here; the text before the code point must match.
            case .unreadable(let problem, _): return "unreadable \(problem.prefix { $0 != "(" }.trimmingCharacters(in: .whitespaces))"
            }
        }
    }

    static func yams(_ yaml: String) -> String {
        do {
            return try Yams.compose(yaml: yaml, .basic, .default, .utf8).map(describe) ?? "no document"
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                .composer(let context, let problem, let mark, _):
                let what = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
                return "syntax \(what) at \(mark.line):\(mark.column)"
            case .duplicatedKeysInMapping(let duplicates, let context):
                return "duplicates \(duplicates) at \(context.mark.line):\(context.mark.column)"
            case .reader(let problem, _, _, _):
                return "unreadable \(problem)"
            default:
                return "unreadable \(error)"
            }
        } catch {
            return "unreadable \(error)"
        }
    }

    private static func describe(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let scalar):
            return "\(scalar.mark.line):\(scalar.mark.column) s\(scalar.style.rawValue) \(scalar.string.debugDescription)"
        case .mapping(let pairs, let mark):
            return "\(mark.line):\(mark.column) {" + pairs.map { describe($0.key) + " = " + describe($0.value) }.joined(separator: ", ") + "}"
        case .sequence(let items, let mark):
            return "\(mark.line):\(mark.column) [" + items.map(describe).joined(separator: ", ") + "]"
        }
    }

    private static func describe(_ node: Node) -> String {
        let mark = node.mark.map { "\($0.line):\($0.column)" } ?? "?"
        switch node {
        case .scalar(let scalar):
            return "\(mark) s\(scalar.style.rawValue) \(scalar.string.debugDescription)"
        case .mapping(let mapping):
            return "\(mark) {" + mapping.map { describe($0.key) + " = " + describe($0.value) }.joined(separator: ", ") + "}"
        case .sequence(let sequence):
            return "\(mark) [" + sequence.map(describe).joined(separator: ", ") + "]"
        case .alias:
            return "\(mark) alias"
        }
    }
}
