import Foundation
import Mustache
import Testing
@testable import SiteKit
@testable import SiteTemplates

/// The engine against swift-mustache on real and generated input: the
/// same bytes, or the test names the first templates that differ.
@Suite struct MustacheDifferentialTests {
    @Test func everyThemeTemplateForEveryPageOfTheExampleSite() throws {
        let answers = try #require(Build.plan(try Fixture.exampleSite()).answers)
        let theme: Theme? = try Self.theme()
        let texts = Dictionary(
            uniqueKeysWithValues: Fixture.templates.map {
                (String($0.path.dropLast(".mustache".count)), String(decoding: $0.bytes, as: UTF8.self))
            })
        let pair = try EnginePair(texts)
        var compared = 0, differing: [String] = []
        for plan in SiteRenderer.pages(answers).map({ $0.plan().0 }) {
            let root = TemplateValue.object(plan.view)
            for name in texts.keys.sorted() {
                let expected = pair.oracle(name, root)
                var ours = pair.ours(name, root)
                if name == plan.template, let theme { ours = String(decoding: theme.render(plan), as: UTF8.self) }
                compared += 1
                if ours != expected { differing.append("\(name) for \(plan.path)") }
            }
        }
        #expect(compared > 300)
        #expect(differing.isEmpty, "\(differing.count) differ, e.g. \(differing.prefix(5))")
    }

    @Test func generatedTemplates() throws {
        var generator = TemplateGenerator(seed: 2607)
        var differing: [String] = []
        for _ in 0..<400 {
            let templates = generator.templateSet()
            let pair = try EnginePair(templates)
            let ours = pair.ours("main", TemplateEngineTests.data)
            let expected = pair.oracle("main", TemplateEngineTests.data)
            if ours != expected {
                differing.append("\(templates)\n--- ours:\n\(ours)\n--- swift-mustache:\n\(expected)")
            }
        }
        #expect(differing.isEmpty, "\(differing.count) differ; first:\n\(differing.first ?? "")")
    }

    static func theme() throws -> Theme {
        var diagnostics = Diagnostics()
        return try #require(Theme.load(Fixture.templates, label: "templates", diagnostics: &diagnostics))
    }
}

/// The same templates compiled by both engines, once.
struct EnginePair {
    let oracleLibrary: MustacheLibrary
    let compiled: TemplateProgram

    init(_ templates: [String: String]) throws {
        var library = MustacheLibrary()
        for (name, text) in templates { try library.register(text, named: name) }
        oracleLibrary = library
        compiled = TemplateProgram(try templates.mapValues { try TemplateParser.parse(Array($0.utf8)) })
    }

    func oracle(_ name: String, _ root: TemplateValue) -> String {
        oracleLibrary.render(MustacheOracle.any(root) as Any, withTemplate: name) ?? ""
    }

    func ours(_ name: String, _ root: TemplateValue) -> String {
        var renderer = TemplateRenderer(program: compiled, root: root)
        renderer.render(template: name)
        return String(decoding: renderer.output, as: UTF8.self)
    }
}

/// Random but reproducible templates over `TemplateEngineTests.data`: text,
/// indentation and newlines around sections, inverted sections, variables
/// with dotted names and transforms, comments, partials and a parent
/// template with blocks.
struct TemplateGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func templateSet() -> [String: String] {
        var set = ["p2": pieces(depth: 2, partials: false)]
        set["p1"] = pieces(depth: 1, partials: false) + (chance(2) ? "{{>p2}}" : "\n  {{>p2}}\n")
        set["parent"] = parent()
        set["main"] = chance(3) ? parentCall() : pieces(depth: 0, partials: true)
        return set
    }

    static let texts = ["Hallo", " ", "a & b", "<p>", "ü", "{ x }", "}", "-", "\t", "x"]
    static let variables = [
        ".", "name", "html", "blank", "zero", "n", "yes", "no", "extra", "title", "x", "missing",
        "tags", "child", "child.title", "child.deep.x", ".name", "child.missing", "count(tags)",
        "first(tags)", "last(tags)", "uppercased(name)", "reversed(name)", "plusone(n)",
        "empty(items)", "index()", "odd(n)", "capitalized(html)", "first()", "last()",
    ]
    static let sections = [
        "#yes", "#no", "#items", "#boxed", "#last(boxed)", "#reversed(items)", "#tags", "#child", "#name", "#n", "#zero", "#blank", "#none",
        "#missing",
        "#first(items)", "#reversed(tags)", "#child.deep", "#.extra", "#first()", "#odd(n)", "#sorted(tags)",
        "^no", "^missing", "^none", "^yes", "^empty(items)", "^.extra", "^blank", "^last()",
    ]

    mutating func pieces(depth: Int, partials: Bool) -> String {
        var text = ""
        for _ in 0..<(1 + next(6)) {
            switch next(10) {
            case 0, 1: text += pick(Self.texts)
            case 2: text += "\n" + pick(["", "  ", "\t", "    "])
            case 3:
                let name = pick(Self.variables)
                text += pick(["{{\(name)}}", "{{{\(name)}}}", "{{& \(name)}}"])
            case 4, 5,
                6 where depth < 3:
                text += section(depth: depth, partials: partials)
            case 7: text += chance(2) ? "{{! Kommentar }}" : "\n  {{! allein }}\n"
            case 8 where partials: text += chance(2) ? "{{>p1}}" : "\n" + pick(["", "  ", "\t"]) + "{{>p1}}\n"
            default: text += pick(Self.texts)
            }
        }
        return text
    }

    mutating func section(depth: Int, partials: Bool) -> String {
        let tag = pick(Self.sections)
        let name = String(tag.dropFirst())
        let body = pieces(depth: depth + 1, partials: partials)
        if chance(2) { return "{{\(tag)}}\(body){{/\(name)}}" }
        let indent = pick(["", "  ", "\t"])
        return "\n\(indent){{\(tag)}}\n\(body)\n\(indent){{/\(name)}}\n"
    }

    mutating func parent() -> String {
        var text = pieces(depth: 2, partials: false)
        for block in ["b1", "b2"] {
            let body = pieces(depth: 2, partials: false)
            text += chance(2) ? "{{$\(block)}}\(body){{/\(block)}}" : "\n  {{$\(block)}}\n  \(body)\n  {{/\(block)}}\n"
            text += pieces(depth: 2, partials: false)
        }
        return text
    }

    mutating func parentCall() -> String {
        var text = chance(2) ? "{{<parent}}" : "  {{<parent}}\n"
        for block in ["b1", "b2"] where chance(2) {
            let body = pieces(depth: 1, partials: true)
            text += chance(2) ? "{{$\(block)}}\(body){{/\(block)}}" : "\n{{$\(block)}}\n  \(body)\n{{/\(block)}}\n"
        }
        return text + (chance(2) ? "{{/parent}}" : "\n{{/parent}}\n") + pieces(depth: 1, partials: true)
    }

    private mutating func next(_ bound: Int) -> Int {
        // SplitMix64: reproducible on every platform.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }

    private mutating func chance(_ oneIn: Int) -> Bool { next(oneIn) == 0 }
    private mutating func pick<T>(_ options: [T]) -> T { options[next(options.count)] }
}
