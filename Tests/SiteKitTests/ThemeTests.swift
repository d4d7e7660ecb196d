import Testing
@testable import SiteKit
import SiteText

@Suite struct ThemeTests {
    @Test func templateSyntaxErrorIsLocated() {
        var input = Fixture.input()
        input.templates = input.templates.map {
            $0.path == "seite.mustache" ? InputFile(path: $0.path, text: "<h1>{{titel}}</h1>\n{{#toc}}\n<p>\n") : $0
        }
        let errors = Build.render(input).diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors.map(\.formatted))")
        #expect(errors.first?.location.path == "templates/seite.mustache")
        #expect(errors.first?.location.line == 3 || errors.first?.location.line == 4)
    }

    @Test func templateSyntaxErrorHasPositionMessageAndHint() {
        var input = Fixture.input()
        input.templates = input.templates.map {
            $0.path == "toc.mustache" ? InputFile(path: $0.path, text: "{{^empty(toc)}}\n<ol>\n  {{#toc}}{{/empty(toc)}}\n") : $0
        }
        #expect(
            Build.render(input).diagnostics.map(\.formatted) == [
                "templates/toc.mustache:3:11: error: template syntax: `{{/empty(toc)}}` does not close `{{…toc}}` from line 3"
                    + " (close sections in reverse order of opening; this one needs `{{/toc}}`)"
            ])
    }

    @Test func missingPartialOrParentIsLocatedAtItsTag() {
        var input = Fixture.input()
        input.templates = input.templates.map {
            $0.path == "seite.mustache" ? InputFile(path: $0.path, text: "{{<layuot}}\n{{/layuot}}\n") : $0
        }
        input.templates = input.templates.map {
            $0.path == "kommune.mustache" ? InputFile(path: $0.path, text: "<p>\n  {{>bilder}}\n</p>\n") : $0
        }
        #expect(
            Build.render(input).diagnostics.map(\.formatted) == [
                "templates/kommune.mustache:2:3: error: `{{>bilder}}`: the theme has no template `bilder` (did you mean `bild`?)",
                "templates/seite.mustache:1:1: error: `{{<layuot}}`: the theme has no template `layuot` (did you mean `layout`?)",
            ])
    }

    /// A theme made before the layout's keys were renamed builds the same
    /// pages, with a warning at each old key that names the new one.
    @Test func renamedLayoutKeysStillWorkWithAWarning() throws {
        let input = Fixture.input()
        let current = try #require(Build.render(input).files)
        var old = input
        old.templates = old.templates.map { file in
            guard file.path == "layout.mustache" else { return file }
            let text = String(decoding: file.bytes, as: UTF8.self)
                .replacingOccurrences(of: "{{seitentitel}}", with: "{{title}}")
                .replacingOccurrences(of: "{{website_titel}}", with: "{{ site_title }}")
            return InputFile(path: file.path, text: text)
        }
        let result = Build.render(old)
        let warnings = result.diagnostics.filter { $0.severity == .warning }.map(\.formatted)
        #expect(!warnings.isEmpty)
        #expect(warnings.allSatisfy { $0.hasPrefix("templates/layout.mustache:") })
        #expect(
            warnings.contains {
                $0.hasSuffix("warning: the key `title` is renamed to `seitentitel`; the old name still works for now (write `seitentitel` instead)")
            })
        #expect(warnings.contains { $0.contains("`site_title` is renamed to `website_titel`") })
        // Each warning points at its tag.
        let layout = String(decoding: try #require(old.templates.first { $0.path == "layout.mustache" }).bytes, as: UTF8.self)
        let lines = layout.split(separator: "\n", omittingEmptySubsequences: false)
        for warning in warnings {
            let parts = warning.split(separator: ":")
            let (line, column) = (try #require(Int(parts[1])), try #require(Int(parts[2])))
            #expect(lines[line - 1].dropFirst(column - 1).hasPrefix("{{"), "\(warning)")
        }
        let files = try #require(result.files)
        #expect(files.map(\.path) == current.map(\.path))
        #expect(zip(files, current).allSatisfy { $0.bytes == $1.bytes })
        // Keys of nested objects and the document's own `titel` are not flagged.
        #expect(RenamedKeys.uses(in: Array("{{titel}} {{a.title}} {{.title}} {{#x}}{{/x}}".utf8)).isEmpty)
        #expect(RenamedKeys.uses(in: Array("{{{title}}} {{#site_title}}{{/site_title}}".utf8)).map(\.offset) == [0, 12, 27])
    }

    @Test func everyPageKindNeedsItsTemplate() {
        var input = Fixture.input()
        input.templates.removeAll { $0.path == "kaffeerunde.mustache" }
        let result = Build.render(input)
        #expect(
            result.diagnostics.map(\.formatted) == [
                "templates/kaffeerunde.mustache:1:1: error: the theme has no template `kaffeerunde` (every page kind needs its template; copy it from the default theme)"
            ])
        #expect(result.files == nil)
    }

    @Test func escapingMatchesMustache() {
        let escaping = HTMLEscaping()
        #expect(escaping.escapeText("Bürger & <Rat> \"X\" 'Y'") == "Bürger &amp; &lt;Rat&gt; &quot;X&quot; &#39;Y&#39;")
        #expect(escaping.escapeText("Straße") == "Straße")
    }

    /// Eight bytes are tested at once: every special byte at every place of
    /// a chunk, next to any other byte, is escaped as one byte at a time would be.
    @Test func escapingAgreesWithByteByByte() {
        func reference(_ text: String) -> String {
            var out = ""
            for character in text.unicodeScalars {
                switch character {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default: out.unicodeScalars.append(character)
                }
            }
            return out
        }
        let pieces: [String] = ["&", "<", ">", "\"", "'", "a", "ß", "€", "%", "=", "\u{7F}", "\u{0}", "F", "@", "`", "~", "?", ";", "'&"]
        var generator = SystemRandomNumberGenerator()
        var tried = 0
        for length in 0...40 {
            for _ in 0..<60 {
                let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
                #expect(HTMLEscaping.escape(text) == reference(text), "\(text.debugDescription)")
                var out: [UInt8] = [65]
                HTMLEscaping.append(text, to: &out)
                #expect(out == [65] + Array(reference(text).utf8))
                tried += 1
            }
        }
        // Each special byte alone at each place of two chunks, in plain text.
        for special in ["&", "<", ">", "\"", "'"] {
            for place in 0..<17 {
                let text = String(repeating: "x", count: place) + special + String(repeating: "y", count: 16 - place)
                #expect(HTMLEscaping.escape(text) == reference(text))
            }
        }
        #expect(tried > 2000)
    }

    @Test func valuesAreEscapedInPages() throws {
        let result = Fixture.render(["seiten/ueber.md": "---\ntitel: \"Wir & <ihr>\"\n---\n"])
        let html = try #require(Fixture.page(result, "ueber/index.html"))
        #expect(html.contains("<h1>Wir &amp; &lt;ihr&gt;</h1>"))
    }
}
