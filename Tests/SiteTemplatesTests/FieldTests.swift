import Testing
@testable import SiteTemplates

/// Key tables made of key paths: a stored property is read at its offset,
/// a computed one through its key path, and both give what the property
/// holds, rendered as the engine renders any value.
@Suite struct FieldTests {
    struct Item: FieldsObject {
        var name: String
        static let fields: Fields<Self> = ["name": .key(\.name)]
    }

    /// Properties of every kind of value, in an order that puts some at
    /// offsets other than the first, and one of each computed.
    struct View: FieldsObject {
        var flag = true
        var count = 7
        var title = "Bendorf"
        var missing: String? = nil
        var present: String? = "da"
        var items = [Item(name: "eins"), Item(name: "zwei")]
        var words = ["a", "b"]
        var child: Item? = Item(name: "Kind")
        var shout: String { title.uppercased() }
        var big: Bool { count > 5 }

        static let fields: Fields<Self> = [
            "flag": .key(\.flag), "count": .key(\.count), "title": .key(\.title), "missing": .key(\.missing),
            "present": .key(\.present), "items": .key(\.items), "words": .key(\.words), "child": .key(\.child),
            "shout": .key(\.shout), "big": .key(\.big), "doubled": .key(\.count) { $0 * 2 },
            "hello": .key(\.title) { "Hallo " + $0 },
        ]
    }

    func render(_ template: String, _ view: View = View()) throws -> String {
        try Engine.render(["main": template], "main", .object(view))
    }

    @Test func storedPropertiesAreReadWhereTheyLie() throws {
        #expect(try render("{{flag}} {{count}} {{title}} [{{missing}}] {{present}}") == "true 7 Bendorf [] da")
        var other = View()
        other.title = "Hennef"
        other.count = 12
        other.present = nil
        #expect(try render("{{count}} {{title}} [{{present}}]", other) == "12 Hennef []")
    }

    @Test func computedPropertiesAreReadThroughTheirKeyPaths() throws {
        #expect(try render("{{shout}} {{#big}}groß{{/big}}") == "BENDORF groß")
        var small = View()
        small.count = 2
        #expect(try render("{{#big}}groß{{/big}}{{^big}}klein{{/big}}", small) == "klein")
    }

    /// `.key(\.root) { … }`: a value made from one stored property.
    @Test func valuesMadeFromAStoredProperty() throws {
        var view = View()
        #expect(try render("{{doubled}} {{hello}}", view) == "14 Hallo Bendorf")
        view.count = 21
        view.title = "Hennef"
        #expect(try render("{{doubled}} {{hello}}", view) == "42 Hallo Hennef")
    }

    @Test func listsAndObjectsAreSections() throws {
        #expect(try render("{{#items}}<{{name}}>{{/items}} {{#words}}{{.}}{{/words}} {{#child}}{{name}}{{/child}}") == "<eins><zwei> ab Kind")
        var none = View()
        none.child = nil
        none.items = []
        #expect(try render("{{#child}}x{{/child}}{{^items}}leer{{/items}}", none) == "leer")
    }

    /// A list of view models hands out its objects as places in the list
    /// (no box per object), as `TemplateValue.list` does for such lists.
    @Test func aListOfViewModelsIsLookedIntoWhereItLies() throws {
        guard case .listBox(let list) = View.fields.value(FieldKey("items"), of: View()) else {
            Issue.record("items is not a list")
            return
        }
        guard case .element(_, 1) = list.element(1) else {
            Issue.record("the list boxes its objects one by one")
            return
        }
        guard case .string("zwei") = list.value(at: 1, for: FieldKey("name")) else {
            Issue.record("the second object's name is not read")
            return
        }
    }

    @Test func aKeyNotInTheTableIsNull() {
        guard case .null = View.fields.value(FieldKey("nirgends"), of: View()) else {
            Issue.record("an unknown key has a value")
            return
        }
        #expect(
            View.fields.names == [
                "big", "child", "count", "doubled", "flag", "hello", "items", "missing", "present", "shout", "title", "words",
            ])
    }
}
