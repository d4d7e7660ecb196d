import Testing
@testable import SiteKit

@Suite struct LinkTests {
    func news(_ body: String) -> [String: String?] {
        ["meldungen/m.md": "---\ntitel: M\ndatum: 2021-01-20\n---\n\(body)\n"]
    }

    @Test func classifiesTargets() {
        #expect(LinkTarget.classify("../kommunen/bendorf.md#fazit", from: ["meldungen"]) == .page(path: "kommunen/bendorf.md", fragment: "fazit"))
        #expect(LinkTarget.classify("bendorf.md", from: ["kommunen"]) == .page(path: "kommunen/bendorf.md", fragment: nil))
        #expect(LinkTarget.classify("../medien/karte%20neu.png", from: ["kommunen"]) == .media(path: "medien/karte neu.png", suffix: ""))
        #expect(LinkTarget.classify("#fazit", from: ["kommunen"]) == .anchor("fazit"))
        // Umlauts are cut on their bytes; a slash that a combining accent joins is no slash (as a character).
        #expect(
            LinkTarget.classify("../kommunen/./köln.md?x=1#Straße", from: ["meldungen"]) == .page(path: "kommunen/köln.md", fragment: "Straße"))
        #expect(LinkTarget.classify("a/\u{301}b.md", from: ["kommunen"]) == .page(path: "kommunen/a/\u{301}b.md", fragment: nil))
        #expect(LinkTarget.classify("x/\u{301}/../b.md", from: ["kommunen"]) == .page(path: "kommunen/b.md", fragment: nil))
        #expect(LinkTarget.classify("https://www.bendorf.de", from: ["kommunen"]) == .external)
        #expect(LinkTarget.classify("mailto:info@example.org", from: ["kommunen"]) == .external)
        guard case .invalid = LinkTarget.classify("/kommunen/bendorf/", from: ["kommunen"]) else {
            Issue.record("root path accepted")
            return
        }
        guard case .invalid = LinkTarget.classify("../../etc/passwd", from: ["kommunen"]) else {
            Issue.record("escape accepted")
            return
        }
    }

    @Test func rewritesLinksRelativeToThePage() throws {
        let result = Fixture.render(news("[B](../kommunen/bendorf.md#oeffentlichkeit-buerger) und [I](../seiten/impressum.md)"))
        let html = try #require(Fixture.page(result, "meldungen/m/index.html"))
        #expect(html.contains("<a href=\"../../kommunen/bendorf/#oeffentlichkeit-buerger\">B</a>"))
        #expect(html.contains("<a href=\"../../impressum/\">I</a>"))
        let page = Fixture.render(["seiten/ueber.md": "---\ntitel: Über\n---\n[B](../kommunen/bendorf.md)\n"])
        #expect(try #require(Fixture.page(page, "ueber/index.html")).contains("<a href=\"../kommunen/bendorf/\">B</a>"))
    }

    @Test func headingIdsFollowTheContentFormat() throws {
        let html = try #require(Fixture.page(Fixture.render(), "kommunen/bendorf/index.html"))
        #expect(html.contains("<h2 id=\"was-tut-sich-im-bereich-bildung-und-jugend\">"))
        #expect(html.contains("<h2 id=\"oeffentlichkeit-buerger\">"))
    }

    @Test func danglingLinksAndAnchors() {
        #expect(
            Fixture.errors(news("Text\n\nSiehe [B](../kommunen/bendorff.md).")) == [
                "content/meldungen/m.md:7:7: link to ../kommunen/bendorff.md: no such file"
            ])
        let result = Fixture.render(news("[B](../kommunen/bendorf.md#oeffentlichkeit-und-buerger)"))
        #expect(result.diagnostics.first?.message == "../kommunen/bendorf.md has no heading `oeffentlichkeit-und-buerger`")
        #expect(result.diagnostics.first?.hint == "did you mean `oeffentlichkeit-buerger`?")
        #expect(Fixture.errors(news("## Teil\n\n[oben](#tiel)")) == ["content/meldungen/m.md:7:1: this page has no heading `tiel`"])
        #expect(
            Fixture.errors(news("[K](../medien/karte.pdf)")) == [
                "content/meldungen/m.md:5:1: link to medien/karte.pdf: no such file in content/medien/"
            ])
        #expect(Fixture.errors(news("[K](../medien/karte.pdf)"), media: ["medien/karte.pdf"]).isEmpty)
        #expect(Fixture.errors(news("[K](/kommunen/bendorf/)")).count == 1)
    }

    @Test func mediaLinksKeepTheirFragmentAndQuery() throws {
        #expect(LinkTarget.classify("../medien/doc.pdf#page=2", from: ["meldungen"]) == .media(path: "medien/doc.pdf", suffix: "#page=2"))
        let result = Fixture.render(
            news("[S. 2](../medien/doc.pdf#page=2), [neu](../medien/karte%20neu.png?v=2#oben)"),
            media: ["medien/doc.pdf", "medien/karte neu.png"])
        #expect(result.errorCount == 0)
        let html = try #require(Fixture.page(result, "meldungen/m/index.html"))
        #expect(html.contains("<a href=\"../../medien/doc.pdf#page=2\">S. 2</a>"))
        // A photo's link leads to its copy without metadata, suffix and all.
        let stripped = try #require(result.model?.images.linked["medien/karte neu.png"])
        #expect(html.contains("<a href=\"../../\(stripped)?v=2#oben\">neu</a>"), "\(html)")
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(
            Fixture.errors(news("Über Öffentlichkeit: [x](../kommunen/gibtsnicht.md)")) == [
                "content/meldungen/m.md:5:22: link to ../kommunen/gibtsnicht.md: no such file"
            ])
    }

    @Test func rawHTMLIsOmittedUnlessAllowed() throws {
        let body = news("<b>fett</b> <script>alert(1)</script>")
        let page = try #require(Fixture.page(Fixture.render(body), "meldungen/m/index.html"))
        #expect(!page.contains("<b>fett</b>"))
        var allowed = body
        allowed["site.yaml"] = Fixture.siteYAML + "\nmarkdown:\n  html: true\n"
        let html = try #require(Fixture.page(Fixture.render(allowed), "meldungen/m/index.html"))
        #expect(html.contains("<b>fett</b>"))
        #expect(!html.contains("<script>alert"), "the GFM tag filter must stop script")
    }

    @Test func gfmExtensions() throws {
        let html = try #require(
            Fixture.page(
                Fixture.render(
                    news("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~alt~~ www.example.org\n\n- [x] fertig\n- [ ] offen\n\nText[^1]\n\n[^1]: Fußnote")),
                "meldungen/m/index.html"))
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>alt</del>"))
        #expect(html.contains("<a href=\"http://www.example.org\">"))
        #expect(html.contains("aria-label=\"erledigt\""))
        #expect(html.contains("aria-label=\"offen\""))
        #expect(html.contains("class=\"footnotes\""))
        #expect(html.contains("aria-label=\"Zurück zum Text\""))
    }

    /// The replacement behind the German labels: earliest match first, the
    /// first pattern where two start at one place, no match inside a
    /// replacement, text between matches kept whole (also non-ASCII).
    @Test func replacingBytesKeepsTheTextBetweenMatches() {
        #expect("äa<b>a".replacingBytes([("a", "x"), ("<b>", "[b]")]) == "äx[b]x")
        #expect("abab".replacingBytes([("ab", "1"), ("a", "2")]) == "11")
        #expect("aab".replacingBytes([("a", "aa")]) == "aaaab")
        #expect("keiner".replacingBytes([("x", "y")]) == "keiner")
        #expect("".replacingBytes([("x", "y")]) == "")
        #expect("ende a".replacingBytes([("a", "ä")]) == "ende ä")
    }

    /// Every internal link of every page leads to a page of the site, and
    /// every fragment to an id on it.
    @Test func everyInternalLinkResolves() throws {
        let result = Fixture.render(news("[B](../kommunen/bendorf.md#oeffentlichkeit-buerger) [K](../kommunen/mayen-koblenz.md)"))
        let files = try #require(result.files)
        let pages = Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        var checked = 0
        for (path, html) in pages where path.hasSuffix(".html") && path != "404.html" {
            for href in LinkScan.hrefs(in: html) {
                guard let target = LinkScan.resolve(href, from: path) else { continue }
                if target.file.hasPrefix("assets/") { continue }
                #expect(pages[target.file] != nil, "\(path): \(href) leads nowhere")
                if let fragment = target.fragment, let page = pages[target.file] {
                    #expect(page.contains("id=\"\(fragment)\""), "\(path): \(href) has no target id")
                }
                checked += 1
            }
        }
        #expect(checked > 50)
    }
}

/// Reads hrefs out of rendered pages and resolves them like a browser would.
enum LinkScan {
    static func hrefs(in html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }

    static func resolve(_ href: String, from page: String) -> (file: String, fragment: String?)? {
        if href.contains("://") || href.hasPrefix("mailto:") { return nil }
        var parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let fragment = parts.count > 1 ? parts[1] : nil
        var path = page.split(separator: "/").dropLast().map(String.init)
        if parts[0].isEmpty { return (page, fragment) }
        for piece in parts[0].split(separator: "/", omittingEmptySubsequences: false) {
            if piece == ".." { _ = path.popLast() } else if piece != "." && !piece.isEmpty { path.append(String(piece)) }
        }
        parts[0] = path.joined(separator: "/")
        let file =
            href.split(separator: "#").first.map { $0.hasSuffix("/") || $0 == "." || $0.hasSuffix("./") } ?? false || parts[0].isEmpty
            ? (parts[0].isEmpty ? "index.html" : parts[0] + "/index.html") : parts[0]
        return (file, fragment)
    }
}
