import Foundation
import Testing
@testable import SiteKit

/// `markdown.html: true`: raw HTML reaches the page only through the
/// allow-list, and every removal is a warning at the line it was written.
@Suite struct RawHTMLTests {
    static let htmlSite = Fixture.siteYAML + "\nmarkdown:\n  html: true\n"

    /// A Meldung whose body starts on line 5 of its file.
    func news(_ body: String, html: Bool = true) -> [String: String?] {
        var files: [String: String?] = ["meldungen/m.md": "---\ntitel: M\ndatum: 2021-01-20\n---\n\(body)\n"]
        if html { files["site.yaml"] = Self.htmlSite }
        return files
    }

    func body(_ result: Build.Result) -> String? {
        result.model?.meldungen.first?.page.body.html
    }

    /// `path:line:col: message` of every warning.
    func warnings(_ result: Build.Result) -> [String] {
        result.diagnostics.filter { $0.severity == .warning }.map {
            "\($0.location.path):\($0.location.line):\($0.location.column): \($0.message)"
        }
    }

    /// What a browser could run or load from `html`, read as a browser reads it.
    static func executable(in html: String) -> [String] {
        var found: [String] = []
        func walk(_ nodes: [HTMLTree.Node]) {
            for case .element(let element) in nodes {
                if element.namespace != .html || !HTMLSanitizer.elements.keys.contains(element.name) {
                    found.append("<\(element.name)>")
                }
                for attribute in element.attributes {
                    let name = attribute.name
                    if name.hasPrefix("on")
                        || [
                            "srcset", "formaction", "action", "style", "background", "poster", "data",
                            "http-equiv", "xlink:href",
                        ].contains(name)
                    {
                        found.append("\(name) on <\(element.name)>")
                    }
                    if ["href", "src", "cite"].contains(name), let scheme = LinkTarget.scheme(of: attribute.value),
                        !["http", "https", "mailto", "tel"].contains(scheme)
                    {
                        found.append("\(name)=\(attribute.value)")
                    }
                }
                walk(element.children)
            }
        }
        walk(HTMLTree.parseFragment(html)?.nodes ?? [])
        return found
    }

    static let vectors = [
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">a</a>",
        "<base href=\"https://evil.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
        "<form action=\"https://evil.example/\"><input name=q></form>",
        "<a href=\"JaVaScRiPt:alert(1)\">b</a>",
        "<a href=\"java&#x09;script:alert(1)\">c</a>",
        "<a href=\"  javascript:alert(1)\">d</a>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>e</text></a></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<img src=\"ok.png\" alt=\"f\" srcset=\"x 1x, javascript:alert(1) 2x\">",
        "<a formaction=\"javascript:alert(1)\">g</a>",
        "<button formaction=\"javascript:alert(1)\">g</button>",
        "<div style=\"background:url(javascript:alert(1))\">h</div>",
        "<a href=\"&#106;avascript&colon;alert(1)\">i</a>",
        "<object data=\"evil.swf\"></object><embed src=\"evil.swf\">",
        "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\" alt=\"j\">",
        "<details open ontoggle=alert(1)><summary>k</summary></details>",
        "<p><a href=\"vbscript:msgbox(1)\">l</a></p>",
        "<script>alert(1)</script>",
        "Text <iframe src=\"https://evil.example/\"></iframe> und <style>*{}</style>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<a href=\"/\" onmouseover=\"alert(1)\" title=\"ok\">m</a>",
    ]

    @Test(arguments: vectors)
    func xssVectorLosesEverythingExecutable(_ vector: String) throws {
        let result = Fixture.render(news("Vorher.\n\n" + vector))
        #expect(result.errorCount == 0, "\(result.diagnostics)")
        let html = try #require(body(result))
        #expect(Self.executable(in: html) == [], "\(html)")
        for bad in ["javascript:", "vbscript:", "url(", "data:"] {
            #expect(!html.lowercased().contains(bad), "\(bad) survived: \(html)")
        }
        // Markup only: attribute values are always quoted, and may quote anything as text.
        let markup = html.lowercased().replacingOccurrences(of: "\"[^\"]*\"", with: "\"\"", options: .regularExpression)
        for bad in [
            "onerror", "onload", "ontoggle", "onmouseover", "<base", "<meta", "<form", "<svg", "<math", "srcset",
            "formaction", "<object", "<embed", "<script", "<iframe", "<style", "<noscript",
        ] {
            #expect(!markup.contains(bad), "\(bad) survived: \(html)")
        }
        // The vector is on the body's third line, file line 7.
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        #expect(!warnings.isEmpty && warnings.allSatisfy { $0.location.line == 7 }, "\(warnings)")
        #expect(html.hasPrefix("<p>Vorher.</p>\n"))
    }

    @Test func removalsAreWarningsAtTheirLineAndColumn() {
        let result = Fixture.render(
            news(
                "Ein Bild: <img src=\"a.png\" alt=\"A\" onerror=\"alert(1)\">\n\n<div>\n<p onclick=\"x()\">Text</p>\n<script>alert(1)</script>\n</div>\n\nEin <a href=\"javascript:alert(1)\">Link</a>."
            ))
        #expect(
            warnings(result) == [
                "content/meldungen/m.md:5:36: raw HTML: attribute `onerror` removed from `<img>`: it is not allowed on the site",
                "content/meldungen/m.md:8:4: raw HTML: attribute `onclick` removed from `<p>`: it is not allowed on the site",
                "content/meldungen/m.md:9:1: raw HTML `<script>` removed with its content: it is not allowed on the site",
                "content/meldungen/m.md:12:8: raw HTML: `href` removed from `<a>`: `javascript:alert(1)` is not a web, mail or phone address",
            ])
        #expect(
            result.diagnostics.allSatisfy {
                $0.hint == "use Markdown instead; docs/content-format.md (HTML im Text) lists the HTML that is published"
            })
        #expect(body(result) == "<p>Ein Bild: <img src=\"a.png\" alt=\"A\" /></p>\n<div>\n<p>Text</p>\n\n</div>\n<p>Ein <a>Link</a>.</p>\n")
    }

    @Test func elementsAreRemovedWithOrWithoutTheirText() {
        let result = Fixture.render(
            news("<font color=red>rot</font> und <iframe src=\"https://example.org\">x</iframe>\n\n<svg><circle r=\"1\"/></svg>"))
        #expect(
            warnings(result) == [
                "content/meldungen/m.md:5:1: raw HTML `<font>` removed (its text is kept): it is not allowed on the site",
                "content/meldungen/m.md:5:32: raw HTML `<iframe>` removed with its content: it is not allowed on the site",
                "content/meldungen/m.md:7:1: raw HTML `<svg>` removed with its content: it is not allowed on the site",
            ])
        #expect(body(result) == "<p>rot und </p>\n<p></p>\n")
        #expect(
            warnings(Fixture.render(news("<link rel=\"stylesheet\" href=\"https://evil.example/a.css\">"))) == [
                "content/meldungen/m.md:5:1: raw HTML `<link>` removed: it is not allowed on the site"
            ])
    }

    /// What cmark-gfm writes itself passes the allow-list unchanged in
    /// meaning, so a body with raw HTML keeps its tables, task lists and
    /// footnotes.
    @Test func cmarkOutputSurvivesTheSanitiser() throws {
        let markdown =
            "<b>fett</b>\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n- [x] fertig\n- [ ] offen\n\nText[^1] mit `code` und [Link](https://example.org \"T\").\n\n```swift\nlet a = \"<b>\"\n```\n\n[^1]: Fußnote"
        let result = Fixture.render(news(markdown))
        #expect(warnings(result) == [])
        let html = try #require(body(result))
        for part in [
            "<b>fett</b>", "<th style=\"text-align: center\">a</th>", "<td style=\"text-align: right\">2</td>",
            "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"erledigt\" />",
            "<input type=\"checkbox\" disabled=\"\" aria-label=\"offen\" />",
            "<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref=\"\">1</a></sup>",
            "<section class=\"footnotes\" data-footnotes=\"\">", "<h2 class=\"visually-hidden\">Fußnoten</h2>",
            "aria-label=\"Zurück zum Text\"", "<a href=\"https://example.org\" title=\"T\">Link</a>",
            "<pre><code class=\"language-swift\">let a = &quot;&lt;b&gt;&quot;\n</code></pre>",
        ] {
            #expect(html.contains(part), "missing \(part) in \(html)")
        }
    }

    @Test func bodiesWithoutRawHTMLAreNotTouched() {
        let markdown = "Text mit [Link](https://example.org) und **fett**.\n\n| a |\n|---|\n| 1 |"
        let allowed = body(Fixture.render(news(markdown)))
        let plain = body(Fixture.render(news(markdown, html: false)))
        #expect(allowed != nil && allowed == plain)
    }

    /// The HTML parser's work grows with the square of the nesting: text
    /// nested that deep is not parsed, and its raw HTML is left out.
    @Test func deepNestingIsAWarningNotAHang() {
        let deep = String(repeating: "<div>", count: 100_000) + "<img src=x onerror=alert(1)>" + String(repeating: "</div>", count: 100_000)
        let result = Fixture.render(news("Text.\n\n" + deep))
        #expect(
            warnings(result) == [
                "content/meldungen/m.md:7:1: raw HTML nested more than 1000 elements deep; all raw HTML of this text was left out"
            ])
        #expect(body(result) == "<p>Text.</p>\n<!-- raw HTML omitted -->\n")
        let nested = String(repeating: "<span>", count: 300) + "x" + String(repeating: "</span>", count: 300)
        #expect(
            warnings(Fixture.render(news(nested))) == [
                // At the 199th <span>, inside the paragraph: the 200th element.
                "content/meldungen/m.md:5:\(198 * 6 + 1): raw HTML nested more than 200 elements deep; the deeper part was removed"
            ])
    }

    /// Each removal's place is counted on from the one before: 20,000
    /// removals on one line took minutes when each was counted from the
    /// line's start.
    @Test(.timeLimit(.minutes(1))) func manyRemovalsOnOneLineAreCountedOnce() {
        let line = (0..<20_000).map { "a <i onclick=x>\($0)</i>" }.joined(separator: " ")
        let result = Fixture.render(news("<div>\n<b onclick=x>1</b>\n<b onclick=x>2</b>\n</div>\n\n" + line))
        let places = result.diagnostics.map { "\($0.location.line):\($0.location.column)" }
        #expect(places.count == 20_002)
        #expect(places.prefix(3) == ["6:4", "7:4", "10:6"])
        #expect(places.last == "10:\(line.count - "onclick=x>19999</i>".count + 1)")
    }

    @Test func nestingIsEstimatedFromTheTags() {
        func estimate(_ html: String) -> Int {
            var text = html
            return text.withUTF8 { HTMLTree.nestingEstimate($0) }
        }
        #expect(estimate("<div><p>a</p><p>b<br><img src=\"a>b\"></p></div>") == 2)
        #expect(estimate("<svg><path d=\"M0\"/><rect/></svg>") == 1)
        #expect(estimate(String(repeating: "<div/>", count: 5)) == 5)
        #expect(estimate("a < b and </x> <") == 0)
        // A quote inside an unquoted value opens nothing, as in a browser.
        #expect(estimate("<b title=it's>" + String(repeating: "<div>", count: 3)) == 4)
        #expect(estimate("<b title = 'a>b'><i>") == 2)
    }

    @Test func sanitisedOutputIsDeterministic() {
        let markdown = "<p title=\"a\" onclick=\"b\" class=\"c\">x</p> <img src=x onerror=y>"
        #expect(body(Fixture.render(news(markdown))) == body(Fixture.render(news(markdown))))
    }

    /// A link whose scheme runs code or is not a web, mail or phone address
    /// is an error at its place, with or without raw HTML.
    @Test func scriptLinksAreErrors() {
        let message = "uses the scheme `javascript:`; the site links only to web pages, e-mail addresses and phone numbers"
        for html in [false, true] {
            #expect(
                Fixture.errors(news("Text [x](javascript:alert(1))", html: html)) == [
                    "content/meldungen/m.md:5:6: link `javascript:alert(1)` \(message)"
                ])
            #expect(
                Fixture.errors(news("[x](JaVaScRiPt:alert(1))", html: html)) == [
                    "content/meldungen/m.md:5:1: link `JaVaScRiPt:alert(1)` \(message)"
                ])
            #expect(
                Fixture.errors(news("[x](java&#x09;script:alert(1))", html: html)) == [
                    "content/meldungen/m.md:5:1: link `java\tscript:alert(1)` \(message)"
                ])
            #expect(
                Fixture.errors(news("[x](&#32;javascript:alert(1))", html: html)) == [
                    "content/meldungen/m.md:5:1: link ` javascript:alert(1)` \(message)"
                ])
        }
        #expect(
            Fixture.errors(news("![Bild](data:image/png;base64,AAAA)", html: false)) == [
                "content/meldungen/m.md:5:1: link `data:image/png;base64,AAAA` uses the scheme `data:`; the site links only to web pages, e-mail addresses and phone numbers"
            ])
        #expect(Fixture.errors(news("[x](vbscript:msgbox) [y](ftp://example.org/a)", html: false)).count == 2)
        let hint = Fixture.render(news("[x](javascript:alert(1))", html: false)).diagnostics.first?.hint
        #expect(hint == "write https://…, mailto:… or tel:…, or link to a content file by its relative path")
        #expect(Fixture.errors(news("[a](https://example.org) [b](mailto:a@example.org) [c](tel:+49261123) [d](HTTP://example.org)")) == [])
    }

    @Test func schemesAreReadAsABrowserReadsThem() {
        #expect(LinkTarget.scheme(of: "javascript:x") == "javascript")
        #expect(LinkTarget.scheme(of: " \u{01}JaVa\tScr\nipt:x") == "javascript")
        #expect(LinkTarget.scheme(of: "../medien/a:b.pdf") == nil)
        #expect(LinkTarget.scheme(of: "bendorf.md") == nil)
        #expect(LinkTarget.scheme(of: "1http:x") == nil)
        #expect(LinkTarget.scheme(of: "java script:x") == nil)
        #expect(LinkTarget.scheme(of: "tel:+49") == "tel")
    }
}
