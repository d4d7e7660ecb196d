import Mustache
@testable import SiteKit
@testable import SiteTemplates

/// swift-mustache, which rendered the theme before SiteKit had its own
/// engine, as the reference: the same templates and view models must give
/// the same bytes in both.
enum MustacheOracle {
    /// Renders `name` from `templates` with swift-mustache.
    static func render(_ templates: [String: String], _ name: String, _ root: TemplateValue) throws -> String {
        var library = MustacheLibrary()
        for (templateName, text) in templates { try library.register(text, named: templateName) }
        return library.render(any(root) as Any, withTemplate: name) ?? "<no template \(name)>"
    }

    /// The value as swift-mustache saw view models before: Swift values,
    /// arrays, and objects that answer `child(named:)`. One difference is
    /// chosen: a list or object in a variable tag prints nothing (swift-mustache
    /// prints Swift's description of it), so lists and objects are wrapped
    /// to render as "".
    static func any(_ value: TemplateValue) -> Any? {
        switch value {
        case .null: return nil
        case .bool(let value): return value
        case .int(let value): return value
        case .string(let value): return value
        case .objectBox(let object): return Object(object: object)
        case .element(let list, let index): return Object(object: list.object(at: index))
        case .listBox(let list):
            let elements = (0..<list.count).map { list.element($0) }
            // Lists of texts stay [String], so that `sorted` works as it did.
            let texts = elements.compactMap { if case .string(let text) = $0 { text } else { nil } }
            if !elements.isEmpty && texts.count == elements.count { return List(texts) }
            return List(elements.map { any($0) as Any })
        }
    }

    struct Object: MustacheParent, MustacheCustomRenderable {
        var object: any TemplateObject
        var renderText: String { "" }
        var isNull: Bool { false }
        func child(named name: String) -> Any? { MustacheOracle.any(object.value(for: FieldKey(name))) }
    }

    /// An array with swift-mustache's own section and transform behaviour.
    struct List<Element>: MustacheSequence, MustacheTransformable, MustacheCustomRenderable {
        var elements: [Element]
        init(_ elements: [Element]) { self.elements = elements }
        var renderText: String { "" }
        var isNull: Bool { false }
        func makeIterator() -> IndexingIterator<[Element]> { elements.makeIterator() }

        func transform(_ name: String) -> Any? {
            switch elements.transform(name) {
            case let reversed as ReversedCollection<[Element]>: return List(Array(reversed))
            case let sorted as [Element]: return List(sorted)
            case let other: return other
            }
        }
    }
}

/// The engine under test, without a Theme around it.
enum Engine {
    static func render(_ templates: [String: String], _ name: String, _ root: TemplateValue) throws -> String {
        let compiled = try templates.mapValues { try TemplateParser.parse(Array($0.utf8)) }
        var renderer = TemplateRenderer(program: TemplateProgram(compiled), root: root)
        renderer.render(template: name)
        return String(decoding: renderer.output, as: UTF8.self)
    }

    static func render(_ template: String, _ root: TemplateValue, partials: [String: String] = [:]) throws -> String {
        var templates = partials
        templates["main"] = template
        return try render(templates, "main", root)
    }

    /// The syntax error's message and `line:column`.
    static func syntaxError(_ template: String) -> String? {
        do {
            _ = try TemplateParser.parse(Array(template.utf8))
            return nil
        } catch let error as TemplateSyntaxError {
            let (line, column) = TemplateScanner(bytes: Array(template.utf8)).lineAndColumn(of: error.offset)
            return "\(line):\(column): \(error.message)"
        } catch {
            return "\(error)"
        }
    }
}

/// A view model for tests: any keys, any values.
struct TestObject: TemplateObject, TemplateRepresentable {
    var values: [String: TemplateValue]

    init(_ values: [String: TemplateValue]) { self.values = values }

    func value(for key: FieldKey) -> TemplateValue { values[key.name] ?? .null }
    var templateValue: TemplateValue { .object(self) }
}

extension TemplateValue {
    static func obj(_ values: [String: TemplateValue]) -> TemplateValue { .object(TestObject(values)) }
    static func strings(_ texts: [String]) -> TemplateValue { .list(texts) }
    /// A list of objects as view models give them (each element looked into where it lies).
    static func objects(_ objects: [[String: TemplateValue]]) -> TemplateValue { .list(objects.map(TestObject.init)) }
    /// The same objects each boxed on its own, as in a list made by a transform.
    static func boxedObjects(_ objects: [[String: TemplateValue]]) -> TemplateValue { .list(ValueList(values: objects.map { .obj($0) })) }
}
