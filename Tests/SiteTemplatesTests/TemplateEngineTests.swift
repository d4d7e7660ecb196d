import Testing
@testable import SiteKit
@testable import SiteTemplates

/// Each Mustache feature on its own. `expect(...)` checks the engine's
/// output and that swift-mustache gives the same.
@Suite struct TemplateEngineTests {
    static var data: TemplateValue {
        .obj([
            "name": .string("Bendorf"), "html": .string("<b>\"Rat\" & 'Tat'</b>"), "blank": .string(""),
            "zero": .int(0), "n": .int(3), "yes": .bool(true), "no": .bool(false),
            "tags": .strings(["b", "a", "c"]), "none": .strings([]),
            "items": .objects([["name": .string("eins")], ["name": .string("zwei"), "extra": .string("!")]]),
            "boxed": .boxedObjects([["name": .string("drei")], ["extra": .string("?")]]),
            "child": .obj(["title": .string("Kind"), "deep": .obj(["x": .string("tief")])]),
        ])
    }

    func expect(
        _ template: String, _ expected: String, partials: [String: String] = [:],
        data: TemplateValue = Self.data, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        var templates = partials
        templates["main"] = template
        let ours = try Engine.render(templates, "main", data)
        let oracle = try MustacheOracle.render(templates, "main", data)
        #expect(ours == expected, sourceLocation: sourceLocation)
        #expect(oracle == expected, "swift-mustache differs", sourceLocation: sourceLocation)
    }

    // MARK: variables

    @Test func variablesAreHTMLEscaped() throws {
        try expect("{{html}}", "&lt;b&gt;&quot;Rat&quot; &amp; &#39;Tat&#39;&lt;/b&gt;")
    }

    @Test func tripleMustacheAndAmpersandAreRaw() throws {
        try expect("{{{html}}}|{{& html}}", "<b>\"Rat\" & 'Tat'</b>|<b>\"Rat\" & 'Tat'</b>")
    }

    @Test func numbersAndBooleansPrintAsInSwift() throws {
        try expect("{{zero}} {{n}} {{yes}} {{no}}", "0 3 true false")
    }

    @Test func missingKeysPrintNothing() throws {
        try expect("[{{nope}}][{{child.nope}}][{{nope.title}}]", "[][][]")
    }

    @Test func whitespaceInsideTagsIsIgnored() throws {
        try expect("{{ name }}{{# yes }}!{{/ yes }}", "Bendorf!")
    }

    // MARK: sections

    @Test func booleanSections() throws {
        try expect("{{#yes}}ja{{/yes}}{{#no}}nein{{/no}}", "ja")
    }

    @Test func listSectionsRepeatWithEachElementOnTop() throws {
        try expect("{{#items}}<{{name}}>{{/items}}", "<eins><zwei>")
        try expect("{{#tags}}{{.}},{{/tags}}", "b,a,c,")
        try expect("{{#none}}never{{/none}}", "")
    }

    @Test func objectSectionsPushTheObject() throws {
        try expect("{{#child}}{{title}} in {{name}}{{/child}}", "Kind in Bendorf")
    }

    @Test func emptyTextAndZeroAreTruthyLikeInSwiftMustache() throws {
        try expect("{{#blank}}[{{.}}]{{/blank}}{{#zero}}<{{.}}>{{/zero}}", "[]<0>")
        try expect("{{^blank}}leer{{/blank}}{{^zero}}null{{/zero}}", "")
    }

    @Test func invertedSections() throws {
        try expect("{{^no}}a{{/no}}{{^nope}}b{{/nope}}{{^none}}c{{/none}}{{^items}}d{{/items}}{{^yes}}e{{/yes}}", "abc")
    }

    @Test func sectionsNest() throws {
        try expect("{{#items}}{{#extra}}{{name}}{{.}}{{/extra}}{{/items}}", "zwei!")
    }

    // MARK: names

    @Test func dottedNamesClimbOnlyForTheFirstKey() throws {
        try expect("{{child.deep.x}}", "tief")
        try expect("{{#child}}{{#deep}}{{x}}/{{title}}/{{name}}{{/deep}}{{/child}}", "tief/Kind/Bendorf")
        try expect("{{#child}}[{{deep.title}}]{{/child}}", "[]")
    }

    @Test func leadingDotLooksOnlyAtTheCurrentObject() throws {
        try expect("{{#items}}[{{.extra}}|{{extra}}]{{/items}}", "[|][!|!]")
        try expect("{{#child}}[{{.name}}]{{/child}}", "[]")
        try expect("{{#items}}{{#.extra}}{{.}}{{/.extra}}{{^.extra}}-{{/.extra}}{{/items}}", "-!")
    }

    @Test func dotIsTheCurrentValue() throws {
        try expect("{{#name}}{{.}}{{/name}}", "Bendorf")
    }

    // MARK: comments and standalone lines

    @Test func commentsPrintNothing() throws {
        try expect("a{{! ein Kommentar }}b\n{{! ganz\n allein }}\nc", "ab\nc")
    }

    @Test func standaloneTagLinesDisappear() throws {
        try expect("<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n</ul>\n", "<ul>\n  <li>eins</li>\n  <li>zwei</li>\n</ul>\n")
        try expect("a\n  {{^yes}}  \nb\n  {{/yes}}\nc", "a\nc")
    }

    @Test func tagsWithTextOnTheirLineKeepTheLine() throws {
        try expect("  {{#yes}}ja{{/yes}}\n", "  ja\n")
        try expect(" x {{#yes}}\n{{/yes}}", " x \n")
    }

    // MARK: partials

    @Test func partialsSeeTheCurrentContext() throws {
        try expect("{{#items}}{{>item}}{{/items}}", "(eins)(zwei)", partials: ["item": "({{name}})"])
    }

    @Test func standalonePartialsIndentEveryLine() throws {
        try expect(
            "<div>\n  {{>two}}\n</div>\n", "<div>\n  <p>eins</p>\n  <p>zwei</p>\n</div>\n",
            partials: ["two": "<p>eins</p>\n<p>zwei</p>\n"])
    }

    @Test func sectionPassesInsideIndentedPartialsStartUnindented() throws {
        // swift-mustache indents a line only after a newline of the same
        // template call, and each pass of a list section is its own call.
        try expect(
            "<div>\n  {{>list}}\n</div>\n", "<div>\n  <p>eins</p>\n<p>zwei</p>\n</div>\n",
            partials: ["list": "{{#items}}\n<p>{{name}}</p>\n{{/items}}\n"])
    }

    @Test func aStandaloneEmptyPartialLeavesItsIndentation() throws {
        // swift-mustache writes the indentation before it knows the partial is empty.
        try expect("a\n  {{>nothing}}\nb\n", "a\n  b\n", partials: ["nothing": "{{#no}}x{{/no}}"])
    }

    @Test func missingPartialsRenderNothing() throws {
        try expect("a{{>gibtsnicht}}b", "ab")
    }

    @Test func dynamicPartialNames() throws {
        try expect("{{>*which}}", "B", partials: ["b": "B"], data: .obj(["which": .string("b")]))
    }

    // MARK: inheritance

    static let layout = "<title>{{$title}}Standard{{/title}}</title>\n<main>\n  {{$main}}\nleer\n  {{/main}}\n</main>\n"

    @Test func blocksDefaultWithoutOverrides() throws {
        try expect("{{<layout}}{{/layout}}", "<title>Standard</title>\n<main>\n  leer\n</main>\n", partials: ["layout": Self.layout])
    }

    @Test func overridesReplaceBlocksAndAreIndented() throws {
        try expect(
            "{{<layout}}\n{{$main}}\n<p>{{name}}</p>\n<p>zwei</p>\n{{/main}}\n{{/layout}}\n",
            "<title>Standard</title>\n<main>\n  <p>Bendorf</p>\n  <p>zwei</p>\n</main>\n", partials: ["layout": Self.layout])
        try expect(
            "{{<layout}}{{$title}}{{name}}{{/title}}{{/layout}}",
            "<title>Bendorf</title>\n<main>\n  leer\n</main>\n", partials: ["layout": Self.layout])
    }

    @Test func textBetweenOverridesIsIgnored() throws {
        try expect(
            "{{<layout}}Text{{$title}}T{{/title}} mehr {{/layout}}", "<title>T</title>\n<main>\n  leer\n</main>\n",
            partials: ["layout": Self.layout])
    }

    @Test func theOutermostOverrideWins() throws {
        let base = "[{{$a}}base{{/a}}]"
        let middle = "{{<base}}{{$a}}middle{{/a}}{{/base}}"
        try expect("{{<middle}}{{$a}}page{{/a}}{{/middle}}", "[page]", partials: ["base": base, "middle": middle])
        try expect("{{<middle}}{{/middle}}", "[middle]", partials: ["base": base, "middle": middle])
    }

    // MARK: transforms

    @Test func listTransforms() throws {
        try expect(
            "{{count(tags)}} {{first(tags)}} {{last(tags)}} {{#reversed(tags)}}{{.}}{{/reversed(tags)}} "
                + "{{#sorted(tags)}}{{.}}{{/sorted(tags)}} {{empty(none)}}", "3 b c cab abc true")
        try expect("{{#first(items)}}{{name}}{{/first(items)}}{{^empty(items)}}!{{/empty(items)}}", "eins!")
    }

    @Test func textTransforms() throws {
        try expect(
            "{{uppercased(name)}} {{lowercased(name)}} {{reversed(name)}} {{capitalized(child.title)}} {{empty(blank)}}",
            "BENDORF bendorf frodneB Kind true")
    }

    @Test func numberTransforms() throws {
        try expect("{{plusone(n)}} {{minusone(n)}} {{even(n)}} {{odd(n)}} {{equalzero(zero)}}", "4 2 false true true")
    }

    @Test func positionInAList() throws {
        try expect("{{#tags}}{{index()}}{{#first()}}^{{/first()}}{{.}}{{^last()}},{{/last()}}{{/tags}}", "0^b,1a,2c")
        try expect("{{#tags}}{{plusone(index())}}{{/tags}}", "123")
    }

    @Test func transformsOnTheWrongKindGiveNothing() throws {
        try expect("[{{count(name)}}][{{uppercased(n)}}]{{^count(yes)}}x{{/count(yes)}}", "[][]x")
    }

    // MARK: delimiters and pragmas

    @Test func setDelimiters() throws {
        try expect("{{=<% %>=}}<%name%> {{name}} <%={{ }}=%>{{n}}", "Bendorf {{name}} 3")
    }

    @Test func textContentTypeTurnsEscapingOff() throws {
        try expect("{{html}}\n{{%CONTENT_TYPE: TEXT}}\n{{html}}", "&lt;b&gt;&quot;Rat&quot; &amp; &#39;Tat&#39;&lt;/b&gt;\n<b>\"Rat\" & 'Tat'</b>")
    }

    // MARK: differences from swift-mustache, by choice

    @Test func listsAndObjectsPrintNothing() throws {
        // swift-mustache prints Swift's description of the value, e.g. `["b", "a", "c"]`.
        #expect(try Engine.render("[{{tags}}][{{child}}]", Self.data) == "[][]")
    }
}
