import Foundation
import SiteText
import Testing
@testable import SiteKit

/// The way to every profile: German order, Land pages, members, breadcrumbs.
@Suite struct NavigationTests {
    /// DIN 5007-1: umlauts as their base letter, ß as ss, case only breaks ties;
    /// spaces and hyphens before letters, so "Bad Ems" before "Baden".
    @Test func listsReadInGermanOrder() {
        let names = [
            "Österhorst", "Zell", "Bühlrath", "St. Goar", "Bad Ems", "Bärenau", "Straße", "Baden", "Böttbach",
            "Neu-Anspach", "Weißenthurm", "Oberdorf", "ahr", "Weiskirchen", "Ahrweiler", "Sankt Augustin", "Ärzen", "Neuanspach",
        ]
        #expect(
            GermanCollation.sorted(names) { $0 } == [
                "ahr", "Ahrweiler", "Ärzen", "Bad Ems", "Baden", "Bärenau", "Böttbach", "Bühlrath", "Neu-Anspach", "Neuanspach",
                "Oberdorf", "Österhorst", "Sankt Augustin", "St. Goar", "Straße", "Weiskirchen", "Weißenthurm", "Zell",
            ])
        #expect(GermanCollation.initial("Österhorst") == "O" && GermanCollation.initial("ärzen") == "A")
        #expect(GermanCollation.initial("1. Test") == "#")
    }

    /// Profiles in the model, and so in every list, follow German order;
    /// a Landkreis files under its proper name.
    @Test func kreiseSortByTheirProperName() throws {
        var files: [String: String?] = [:]
        for (slug, name, art) in [
            ("schoenach", "Landkreis Schönach", "Landkreis"), ("mooshorst", "Kreis Mooshorst", "Landkreis"),
            ("isar-oder", "Isar-Oder-Kreis", "Landkreis"), ("oesterhorst", "Österhorst", "Gemeinde"),
            ("westmuehle", "Westmühle", "Gemeinde"), ("baerenau", "Bärenau", "Gemeinde"), ("buehl", "Bühlrath", "Gemeinde"),
            ("ahrtal", "Landkreis Ahrtal", "Landkreis"), ("eifel", "Eifelkreis", "Landkreis"), ("zell", "Kreis Zell", "Landkreis"),
        ] {
            files["kommunen/\(slug).md"] = "---\nname: \(name)\nart: \(art)\nbundesland: Bayern\n---\n"
        }
        let model = try #require(Fixture.render(files).model)
        #expect(
            model.kommunen.filter { $0.bundesland == .bayern }.map(\.name) == [
                "Landkreis Ahrtal", "Bärenau", "Bühlrath", "Eifelkreis", "Isar-Oder-Kreis", "Kreis Mooshorst", "Österhorst",
                "Landkreis Schönach", "Westmühle", "Kreis Zell",
            ])
        let land = try #require(Fixture.page(Fixture.render(files), "laender/bayern/index.html"))
        let kreise = land.ranges(of: "<h2 id=\"kreis-").map { land[$0.upperBound...].prefix { $0 != "\"" } }
        #expect(kreise == ["ahrtal", "eifel", "isar-oder", "mooshorst", "schoenach", "zell"])
        let letters = land.ranges(of: "<li><a href=\"#kreis-").map { land[$0.upperBound...].prefix { $0 != "<" } }
        #expect(
            letters == [
                "ahrtal\">A", "eifel\">E", "isar-oder\">I", "mooshorst\">M", "schoenach\">S", "zell\">Z",
                "ahrtal\">Landkreis Ahrtal", "eifel\">Eifelkreis", "isar-oder\">Isar-Oder-Kreis",
                "mooshorst\">Kreis Mooshorst", "schoenach\">Landkreis Schönach", "zell\">Kreis Zell",
            ])
    }

    @Test func profileHasBreadcrumbsAndItsSectionMarked() throws {
        let html = try #require(Fixture.page(Fixture.render(), "kommunen/bendorf/index.html"))
        #expect(
            html.contains(
                """
                <nav class="wrap breadcrumbs" aria-label="Sie sind hier">
                  <ol>
                    <li><a href="../../">Start</a></li>
                    <li><a href="../../kommunen/">Kommunen</a></li>
                    <li><a href="../../laender/rheinland-pfalz/">Rheinland-Pfalz</a></li>
                    <li><a href="../../kommunen/mayen-koblenz/">Landkreis Mayen-Koblenz</a></li>
                    <li><a href="./" aria-current="page">Bendorf</a></li>
                  </ol>
                </nav>
                """))
        #expect(html.contains("<a href=\"../../kommunen/\" aria-current=\"true\">Kommunen</a>"))
        let jsonld = try #require(html.ranges(of: "<script type=\"application/ld+json\">").last.map { html[$0.upperBound...].prefix { $0 != "<" } })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(jsonld.utf8)) as? [String: Any])
        let items = try #require(object["itemListElement"] as? [[String: Any]])
        #expect(object["@type"] as? String == "BreadcrumbList")
        #expect(items.map { $0["name"] as? String } == ["Start", "Kommunen", "Rheinland-Pfalz", "Landkreis Mayen-Koblenz", "Bendorf"])
        #expect(items.last?["item"] as? String == "https://example.org/netz/kommunen/bendorf/")
        let home = try #require(Fixture.page(Fixture.render(), "index.html"))
        #expect(!home.contains("breadcrumbs"))
    }

    /// Served at any depth, the 404 page anchors its links at `base_url`;
    /// its skip link must then name the page, or it leads to the home page.
    @Test func notFoundPageSkipLinkStaysOnThePage() throws {
        let html = try #require(Fixture.page(Fixture.render(), "404.html"))
        #expect(html.contains("<base href=\"https://example.org/netz/\">"))
        #expect(html.contains("<a class=\"skip-link\" href=\"404.html#_inhalt\">"))
        #expect(html.contains("<main id=\"_inhalt\""))
        let profile = try #require(Fixture.page(Fixture.render(), "kommunen/bendorf/index.html"))
        #expect(profile.contains("<a class=\"skip-link\" href=\"#_inhalt\">"))
    }

    @Test func membersArePagedByLandOnlyWhenMany() throws {
        let small = Fixture.render()
        let page = try #require(Fixture.page(small, "mitglieder/index.html"))
        #expect(page.contains("<h2 id=\"rheinland-pfalz\">Rheinland-Pfalz</h2>") && page.contains("Bendorf"))
        #expect(Fixture.page(small, "mitglieder/rheinland-pfalz/index.html") == nil)

        var files: [String: String?] = [:]
        for i in 0...ViewContext.mitgliederOnOnePage {
            let land = i % 2 == 0 ? "Hessen" : "Saarland"
            files["kommunen/k\(i).md"] = "---\nname: K \(i)\nart: Gemeinde\nbundesland: \(land)\nmitglied_seit: 2021-01\n---\n"
        }
        let big = Fixture.render(files)
        let overview = try #require(Fixture.page(big, "mitglieder/index.html"))
        #expect(overview.contains("<h2 id=\"hessen\"><a href=\"../mitglieder/hessen/\">Hessen</a></h2>"))
        #expect(!overview.contains("K 10<"))
        let hessen = try #require(Fixture.page(big, "mitglieder/hessen/index.html"))
        #expect(hessen.contains(">K 10</a>") && !hessen.contains(">K 11</a>"))
        let land = try #require(Fixture.page(big, "laender/hessen/index.html"))
        #expect(land.contains("<a href=\"../../mitglieder/hessen/\">Nur die Mitglieder in Hessen</a>"))
    }

    /// A long list of news shows its newest year and links the others to
    /// pages of their own; a short one stays whole.
    @Test func longListsGetAPagePerYear() throws {
        var files: [String: String?] = [:]
        for i in 0...ViewContext.chronikOnOnePage {
            let year = 2020 + i % 3
            files["meldungen/\(year)-01-\(String(format: "%03d", i)).md"] = "---\ntitel: M\(i)\ndatum: \(year)-01-20\n---\n"
        }
        let result = Fixture.render(files)
        let list = try #require(Fixture.page(result, "meldungen/index.html"))
        #expect(list.contains("<h2 id=\"jahr-2022\">2022</h2>") && list.contains(">M2</a>"))
        #expect(list.contains("<h2 id=\"jahr-2021\"><a href=\"../meldungen/2021/\">2021</a></h2>\n  <p class=\"meta\">167 Meldungen</p>"))
        #expect(!list.contains(">M1</a>"))
        let year = try #require(Fixture.page(result, "meldungen/2021/index.html"))
        #expect(year.contains("<h1>Meldungen 2021</h1>") && year.contains(">M1</a>") && !year.contains(">M2</a>"))
        #expect(Fixture.page(Fixture.render(), "meldungen/2021/index.html") == nil)

        let named = Fixture.render(["meldungen/2021.md": "---\ntitel: M\ndatum: 2021-01-20\n---\n"])
        #expect(
            named.diagnostics.map(\.formatted) == [
                "content/meldungen/2021.md:1:1: error: `2021` cannot be the name of a page in meldungen/: the site uses /meldungen/2021/ for that year's list (put the date and a word in the name, e.g. meldungen/2021-01-20-thema.md)"
            ])
    }

    /// A field with more projects than fit on a page lists its Länder; each
    /// Land's projects and Kommunen are on a page of their own.
    @Test func largeHandlungsfeldGetsAPagePerLand() throws {
        var files: [String: String?] = [:]
        for i in 0...HandlungsfeldView.projekteOnOnePage {
            let land = i % 3 == 0 ? "Saarland" : "Hessen"
            files["kommunen/k\(i).md"] = """
                ---\nname: K \(i)\nart: Gemeinde\nbundesland: \(land)\nprojekte:\n  - titel: Projekt \(i)\n    handlungsfeld: bildung\n    status: laufend\n---\n
                """
        }
        let result = Fixture.render(files)
        let feld = try #require(Fixture.page(result, "handlungsfelder/bildung/index.html"))
        #expect(
            feld.contains(
                "<li><a href=\"../../handlungsfelder/bildung/saarland/\">Saarland</a> <span class=\"meta\">101 Projekte, 0 Kommunen</span></li>"))
        #expect(!feld.contains("Projekt 1<"))
        let saar = try #require(Fixture.page(result, "handlungsfelder/bildung/saarland/index.html"))
        #expect(saar.contains("<h1>Bildung in Saarland</h1>") && saar.contains(">Projekt 3<") && !saar.contains(">Projekt 1<"))
        #expect(saar.contains("<li><a href=\"../../../handlungsfelder/bildung/\">Bildung</a></li>"))
        #expect(Fixture.page(Fixture.render(), "handlungsfelder/verwaltung/rheinland-pfalz/index.html") == nil)
    }

    @Test func freePagesCannotTakeTheNavigationFolders() throws {
        for slug in ["laender", "mitglieder", "daten"] {
            let result = Fixture.render(["seiten/\(slug).md": "---\ntitel: X\n---\n"])
            #expect(
                result.diagnostics.map(\.formatted).contains { $0.hasPrefix("content/seiten/\(slug).md:1:1: error") },
                "\(result.diagnostics.map(\.formatted))")
        }
    }

    /// Every profile within three link steps of the home page, on a site of
    /// many Kreise and Länder.
    @Test func everyProfileWithinThreeClicksOfHome() throws {
        var files: [String: String?] = [:]
        let laender = ["Bayern", "Hessen", "Rheinland-Pfalz", "Sachsen"]
        for k in 0..<12 {
            let land = laender[k % laender.count]
            files["kommunen/kreis-\(k).md"] = "---\nname: Kreis \(k)\nart: Landkreis\nbundesland: \(land)\n---\n"
            for g in 0..<25 {
                files["kommunen/g-\(k)-\(g).md"] = "---\nname: Gemeinde \(g)\nart: Gemeinde\nbundesland: \(land)\nkreis: kreis-\(k)\n---\n"
            }
        }
        files["kommunen/stadt.md"] = "---\nname: Stadt\nart: Kreisfreie Stadt\nbundesland: Sachsen\n---\n"
        let result = Fixture.render(files)
        let pages = Dictionary(uniqueKeysWithValues: try #require(result.files).map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        let depth = LinkWalk.depths(from: "index.html", pages: pages)
        let profiles = pages.keys.filter { $0.hasPrefix("kommunen/") && $0 != "kommunen/index.html" }
        #expect(profiles.count == 12 * 26 + 1 + 2)
        let far = profiles.filter { (depth[$0] ?? .max) > 3 }.sorted()
        #expect(far.isEmpty, "\(far.prefix(5))")
    }
}

/// Follows the links of rendered pages, as a reader clicking would.
enum LinkWalk {
    /// Link steps from `start` to each page reachable from it.
    static func depths(from start: String, pages: [String: String]) -> [String: Int] {
        var depth = [start: 0]
        var queue = [start], next = 0
        while next < queue.count {
            let page = queue[next]
            next += 1
            for target in links(in: pages[page] ?? "", from: page) where depth[target] == nil && pages[target] != nil {
                depth[target] = depth[page]! + 1
                queue.append(target)
            }
        }
        return depth
    }

    /// The pages `html` links to, as output paths (`kommunen/bendorf/index.html`).
    static func links(in html: String, from page: String) -> [String] {
        html.ranges(of: "href=\"").compactMap { range -> String? in
            let href = html[range.upperBound...].prefix { $0 != "\"" && $0 != "#" }
            guard !href.isEmpty, !href.contains(":"), !href.hasPrefix("/") else { return nil }
            var parts = page.split(separator: "/").dropLast().map(String.init)
            for part in href.split(separator: "/", omittingEmptySubsequences: false) {
                switch part {
                case "..": if !parts.isEmpty { parts.removeLast() }
                case ".", "": continue
                default: parts.append(String(part))
                }
            }
            let path = parts.joined(separator: "/")
            return path.hasSuffix(".html") || path.hasSuffix(".xml") ? path : (path.isEmpty ? "" : path + "/") + "index.html"
        }
    }
}

@Suite struct ProfileLeadTests {
    /// The first paragraph becomes the lead, cut at its bytes (names with umlauts before and after).
    @Test func splitsTheFirstParagraphOff() {
        let (lead, rest) = ViewContext.splitLead("<p>Größe und Weißenthurm</p>\n<h2 id=\"a\">Ä</h2>\n<p>Zwei</p>\n")
        #expect(lead == "Größe und Weißenthurm" && rest == "<h2 id=\"a\">Ä</h2>\n<p>Zwei</p>\n")
        #expect(ViewContext.splitLead("<h2>Ä</h2><p>x</p>") == (nil, "<h2>Ä</h2><p>x</p>"))
        #expect(ViewContext.splitLead("<p>offen") == (nil, "<p>offen"))
    }

    /// Written by hand for speed, the trail must stay the JSON that `JSONValue` writes.
    @Test func breadcrumbJSONMatchesTheGeneralWriter() {
        let pages = [("https://example.org/", "Start"), ("https://example.org/a/", "Ä \"quoted\" </script>")]
        let general = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("BreadcrumbList")),
            (
                "itemListElement",
                .array(
                    pages.enumerated().map { i, page in
                        .object([("@type", .string("ListItem")), ("item", .string(page.0)), ("name", .string(page.1)), ("position", .integer(i + 1))])
                    })
            ),
        ]).embeddable
        #expect(JSONLD.breadcrumbs(pages) == general)
    }
}
