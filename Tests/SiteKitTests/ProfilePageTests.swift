import Testing
@testable import SiteKit

/// What a profile shows, and in which order: the story first.
@Suite struct ProfilePageTests {
    func profile(_ extra: String, body: String = "Erster Absatz mit [Link](../kommunen/bendorf.md).\n\nZweiter Absatz.\n") throws -> String {
        let result = Fixture.render(["kommunen/test.md": "---\nname: Test\nart: Gemeinde\nbundesland: Rheinland-Pfalz\n\(extra)---\n\(body)"])
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        return try #require(Fixture.page(result, "kommunen/test/index.html"))
    }

    /// The page's text from `from` on, up to `to`, so that a test looks at one section.
    func section(_ html: String, from: String, to: String) throws -> Substring {
        let start = try #require(html.range(of: from), "no \(from)")
        let end = try #require(html.range(of: to, range: start.upperBound..<html.endIndex), "no \(to) after \(from)")
        return html[start.lowerBound..<end.lowerBound]
    }

    func order(_ html: String, _ parts: [String]) throws {
        let positions = try parts.map { part in try #require(html.range(of: part), "no \(part)").lowerBound }
        #expect(positions == positions.sorted(), "not in the order \(parts)")
    }

    /// A Landkreis whose name already says "Kreis" keeps it; the byte
    /// search agrees with lowering the name and searching it.
    @Test func kreisInANameIsFoundAsLoweringFindsIt() {
        let names = [
            "Rhein-Hunsrück-Kreis", "KREIS Süd", "Landkreis Mayen", "Kaiserslautern", "Bad Kreuznach", "\u{212A}reis Nord", "KREİS",
            "Kre is", "Südliche Weinstraße", "kreis", "Kreisstadt", "Krei", "", "Ökreis", "Märkischer Kreis",
        ]
        for name in names { #expect(Kommune.containsKreis(name) == name.lowercased().contains("kreis"), "\(name)") }
        #expect(Kommune.fullName(name: "Rhein-Hunsrück-Kreis", art: .landkreis) == "Rhein-Hunsrück-Kreis")
        #expect(Kommune.fullName(name: "Mayen-Koblenz", art: .landkreis) == "Landkreis Mayen-Koblenz")
    }

    @Test func theBodysFirstParagraphLeadsAndIsNotRepeated() throws {
        let html = try profile("")
        #expect(html.contains("<p class=\"lead\">Erster Absatz mit <a href=\"../../kommunen/bendorf/\">Link</a>.</p>"))
        #expect(html.components(separatedBy: "Erster Absatz").count == 2)
        #expect(html.contains("<div class=\"text\">\n<p>Zweiter Absatz.</p>"))
        // The rest of the body starts with text, so it gets a heading of its own.
        try order(html, ["<h2 id=\"_steckbrief\">", "<h2 id=\"_text\">Porträt</h2>", "Zweiter Absatz"])
    }

    @Test func kurzbeschreibungLeadsAndTheBodyStaysWhole() throws {
        let html = try profile("kurzbeschreibung: \"Klein, aber <digital>.\"\n")
        #expect(html.contains("<p class=\"lead\">Klein, aber &lt;digital&gt;.</p>"))
        #expect(html.contains("<meta name=\"description\" content=\"Klein, aber &lt;digital&gt;.\">"))
        #expect(html.contains("<p>Erster Absatz mit"))
        #expect(!html.contains("<p class=\"lead\">Erster"))
    }

    @Test func aBodyThatStartsWithAHeadingLeadsWithNothingAndNeedsNoTitle() throws {
        let html = try profile("", body: "## Frage\n\nAntwort.\n")
        #expect(!html.contains("class=\"lead\""))
        #expect(!html.contains("id=\"_text\""))
        let only = try profile("", body: "Nur ein Absatz.\n")
        #expect(only.contains("<p class=\"lead\">Nur ein Absatz.</p>"))
        #expect(!only.contains("<div class=\"text\">"))
        #expect(!only.contains("id=\"_text\""))
    }

    @Test func standIsShownAndDatesTheJSONLD() throws {
        let html = try profile("stand: 2021-03\n")
        #expect(html.contains("<p class=\"stand\">Stand: <time datetime=\"2021-03\">März 2021</time></p>"))
        #expect(html.contains("\"@type\":\"ProfilePage\""))
        #expect(html.contains("\"dateModified\":\"2021-03\""))
        #expect(html.contains("\"mainEntity\":{\"@type\":\"GovernmentOrganization\""))
        try order(html, ["<h1>Test</h1>", "class=\"lead\"", "class=\"stand\"", "id=\"_steckbrief\""])
        #expect(try !profile("").contains("dateModified"))
        #expect(try profile("stand: 2021-03-05\n").contains("Stand: <time datetime=\"2021-03-05\">5. März 2021</time>"))
    }

    @Test func contactsLinkMailAndPhoneAndNamelessOnesShowTheirFunction() throws {
        let html = try profile(
            """
            kontakt:
              - funktion: Digitalisierungsbeauftragte
                name: Erika Muster
                seit: 2019-07
                email: erika.muster@test.example
                telefon: "+49 261 / 000-12 34"
              - funktion: Bürgerbüro

            """)
        let steckbrief = try section(html, from: "id=\"_steckbrief\"", to: "</section>")
        #expect(steckbrief.contains("<dt>Digitalisierungsbeauftragte</dt><dd>Erika Muster, seit Juli 2019"))
        #expect(steckbrief.contains("<a href=\"mailto:erika.muster@test.example\">erika.muster@test.example</a>"))
        #expect(steckbrief.contains("<a href=\"tel:+49261000-1234\">+49 261 / 000-12 34</a>"))
        #expect(steckbrief.contains("<dt>Kontakt</dt><dd>Bürgerbüro</dd>"))
        #expect(!steckbrief.contains("–"))
    }

    func projects(_ n: Int) -> String {
        "projekte:\n"
            + (0..<n).map { i in
                let feld = i % 3 == 0 ? "bildung" : "verwaltung"
                let status = ["umgesetzt", "laufend", "geplant", "umgesetzt"][i % 4]
                return "  - titel: Projekt \(i)\n    handlungsfeld: \(feld)\n    status: \(status)\n" + (i == 1 ? "    jahr: 2021\n" : "")
            }.joined()
    }

    @Test func projectsAreGroupedByFieldWithTaggedStatus() throws {
        let html = try profile(projects(4))
        let projekte = try section(html, from: "<h2 id=\"_projekte\">", to: "</section>")
        #expect(projekte.contains("<p class=\"zaehlung\">2 umgesetzt, 1 laufend, 1 geplant</p>"))
        // In the order of handlungsfelder.yaml: Verwaltung before Bildung.
        try order(
            String(projekte),
            [
                "<h3 id=\"_projekte-verwaltung\"><a href=\"../../handlungsfelder/verwaltung/\">Digitale Verwaltung</a></h3>",
                "<h3 id=\"_projekte-bildung\"><a href=\"../../handlungsfelder/bildung/\">Bildung</a></h3>",
            ])
        #expect(
            projekte.contains(
                "<li>Projekt 1 <span class=\"tag tag-laufend\"><span class=\"visually-hidden\">Status: </span>laufend</span> <span class=\"meta\">(2021)</span></li>"
            ))
        #expect(projekte.contains("<span class=\"visually-hidden\">Status: </span>geplant</span></li>"))
        #expect(!projekte.contains("<details"))
        #expect(!html.contains("role=\"region\"") && !html.contains("tabindex=\"0\""))
    }

    @Test func manyProjectsFoldByFieldTheFirstOpen() throws {
        let html = try profile(projects(9))
        let projekte = try section(html, from: "<h2 id=\"_projekte\">", to: "</section>")
        #expect(projekte.components(separatedBy: "<details").count == 3)
        #expect(projekte.contains("<details open>\n      <summary>6 Projekte: 3 umgesetzt, 2 laufend, 1 geplant</summary>"))
        #expect(projekte.contains("<details>\n      <summary>3 Projekte: 2 umgesetzt, 1 geplant</summary>"))
        #expect(try !profile(projects(8)).contains("<details"))
    }

    @Test func theContentsCoverTheWholePage() throws {
        let html = try profile(projects(2) + "quellen:\n  - titel: Q\n", body: "## Eins\n\nA.\n\n## Zwei\n\nB.\n")
        let toc = try section(html, from: "<nav class=\"toc\"", to: "</nav>")
        let targets = toc.components(separatedBy: "href=\"#").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(targets == ["_steckbrief", "eins", "zwei", "_projekte", "_quellen"])
        // Three entries are enough for a table of contents.
        #expect(try profile(projects(1) + "quellen:\n  - titel: Q\n", body: "").contains("<nav class=\"toc\""))
        #expect(try !profile("quellen:\n  - titel: Q\n", body: "").contains("<nav class=\"toc\""))
    }

    @Test func aLandkreisListsItsKommunenRightAfterTheSteckbrief() throws {
        let result = Fixture.render([
            "kommunen/andernach.md": "---\nname: Andernach\nart: Stadt\nbundesland: Rheinland-Pfalz\nkreis: mayen-koblenz\n---\n",
            "kommunen/mayen-koblenz.md":
                "---\nname: Mayen-Koblenz\nart: Landkreis\nbundesland: Rheinland-Pfalz\n---\nDer Kreis.\n\n## Mehr\n\nText.\n",
        ])
        let html = try #require(Fixture.page(result, "kommunen/mayen-koblenz/index.html"))
        let liste = try section(html, from: "<h2 id=\"_mitglieder\">Kommunen im Landkreis</h2>", to: "</section>")
        #expect(liste.contains("<ul class=\"kommunen-spalten\">"))
        #expect(liste.contains("<li><a href=\"../../kommunen/andernach/\">Andernach</a></li>"))
        #expect(liste.contains("<li><a href=\"../../kommunen/bendorf/\">Bendorf</a> <span class=\"tag tag-mitglied\">Mitglied</span></li>"))
        try order(html, ["id=\"_steckbrief\"", "id=\"_mitglieder\"", "<h2 id=\"mehr\">"])
        #expect(html.contains("<li><a href=\"#_mitglieder\">Kommunen im Landkreis</a></li>"))
    }

    @Test func decorativeImagesHaveEmptyAltAndNoCaption() throws {
        let bild = "bild:\n  datei: deko.png\n  dekorativ: true\n  credit: Stadt Test\n"
        let result = Fixture.render(
            ["kommunen/test.md": "---\nname: Test\nart: Gemeinde\nbundesland: Hessen\n\(bild)---\nText.\n"],
            media: ["medien/deko.png"])
        let html = try #require(Fixture.page(result, "kommunen/test/index.html"))
        // The fixture's photo is 40 × 30 pixels: shown in its own size, never larger.
        #expect(html.contains("<img src=\"../../medien/_bilder/"))
        #expect(html.contains("-40.jpg\" width=\"40\" height=\"30\" alt=\"\" decoding=\"async\"></picture>"))
        #expect(!html.contains("<figure") && !html.contains("<figcaption"))
        #expect(html.contains("<p class=\"bildnachweis\">Bildnachweis: Stadt Test</p>"))
        let described = Fixture.render(
            ["kommunen/test.md": "---\nname: Test\nart: Gemeinde\nbundesland: Hessen\nbild:\n  datei: k.png\n  alt: Karte\n  credit: C\n---\n"],
            media: ["medien/k.png"])
        #expect(try #require(Fixture.page(described, "kommunen/test/index.html")).contains("<figcaption>Bild: C</figcaption>"))
    }
}

/// A Handlungsfeld's page: counts, reports, projects by status, then Kommunen.
@Suite struct HandlungsfeldPageTests {
    @Test func contentFirstThenKommunen() throws {
        let result = Fixture.render([
            "kommunen/eltville.md": "---\nname: Eltville\nart: Stadt\nbundesland: Hessen\nhandlungsfelder: [verwaltung]\nprojekte:\n"
                + "  - titel: E-Rechnung\n    handlungsfeld: verwaltung\n    status: umgesetzt\n    jahr: 2020\n"
                + "  - titel: Portal\n    handlungsfeld: verwaltung\n    status: laufend\n---\n",
            "meldungen/2021-03-01-x.md": "---\ntitel: März\ndatum: 2021-03-01\nhandlungsfelder: [verwaltung]\n---\n",
        ])
        let html = try #require(Fixture.page(result, "handlungsfelder/verwaltung/index.html"))
        #expect(html.contains("<p class=\"zaehlung\">2 Kommunen, 3 Projekte, 1 Bericht</p>"))
        let parts = [
            "class=\"zaehlung\"", "<h2 id=\"_meldungen\">", "<h3 id=\"_projekte-umgesetzt\">Umgesetzt <span class=\"meta\">(1 Projekt)</span></h3>",
            "<h3 id=\"_projekte-laufend\">", "<h3 id=\"_projekte-geplant\">", "<h2 id=\"_kommunen\">",
        ]
        let positions = try parts.map { try #require(html.range(of: $0), "no \($0)").lowerBound }
        #expect(positions == positions.sorted())
        #expect(
            html.contains(
                "<div role=\"row\"><div role=\"rowheader\">E-Rechnung</div><div role=\"cell\" data-label=\"Kommune\">"
                    + "<a href=\"../../kommunen/eltville/\">Eltville</a></div><div role=\"cell\" data-label=\"Jahr\">2020</div></div>"))
        #expect(html.contains("<div role=\"cell\" class=\"leer\" data-label=\"Jahr\">–</div>"))
        #expect(html.contains("<div class=\"karten\" role=\"table\" aria-labelledby=\"_projekte-laufend\">"))
        #expect(html.contains("<div role=\"row\"><div role=\"columnheader\">Projekt</div><div role=\"columnheader\">Kommune</div>"))
        // Cards need display: block, which a native table would not survive
        // (the table before them is the small chart's, projects by status).
        let cards = try #require(html.range(of: "<h3 id=\"_projekte-umgesetzt\">"))
        #expect(!html[cards.lowerBound...].contains("<table"))
        #expect(!html.contains("role=\"region\"") && !html.contains("tabindex=\"0\""))
        let kommunen = try #require(html.range(of: "<h2 id=\"_kommunen\">"))
        #expect(html[kommunen.upperBound...].contains("<ul class=\"kommunen-spalten\">"))
        #expect(
            html[kommunen.upperBound...].contains(
                "<li><a href=\"../../kommunen/bendorf/\">Bendorf</a> <span class=\"tag tag-mitglied\">Mitglied</span></li>"))
        #expect(!html.contains("id=\"_land-"))
    }

    @Test func manyKommunenAreGroupedByBundesland() throws {
        var changes: [String: String?] = [:]
        for i in 0..<51 {
            let land = i < 30 ? "Hessen" : "Bayern"
            changes["kommunen/k\(i).md"] = "---\nname: K\(i)\nart: Gemeinde\nbundesland: \(land)\nhandlungsfelder: [bildung]\n---\n"
        }
        let html = try #require(Fixture.page(Fixture.render(changes), "handlungsfelder/bildung/index.html"))
        let bayern = try #require(html.range(of: "<h3 id=\"_land-bayern\">Bayern</h3>"))
        let hessen = try #require(html.range(of: "<h3 id=\"_land-hessen\">Hessen</h3>"))
        #expect(bayern.lowerBound < hessen.lowerBound)
        #expect(html[bayern.upperBound..<hessen.lowerBound].components(separatedBy: "<li>").count == 22)
        #expect(html[hessen.upperBound...].contains("K29"))
    }
}

/// The profile's JSON-LD is written by hand for speed; it must stay the JSON
/// that the general writer makes from the same members.
@Suite struct ProfileJSONLDTests {
    /// What `JSONLD.kommune` wrote before it was written directly.
    func general(_ k: Kommune, kreis: Kommune?, base: String) -> String {
        func object(_ members: [(String, JSONValue?)]) -> JSONValue {
            .object(members.compactMap { key, value in value.map { (key, $0) } }.sorted { $0.0 < $1.0 })
        }
        let url = JSONValue.string(base + ContentKind.kommune.pagePath(slug: k.slug))
        let area = object([
            ("@type", "AdministrativeArea"), ("name", .string(k.name)),
            ("identifier", k.ags.map { object([("@type", "PropertyValue"), ("propertyID", "AGS"), ("value", .string($0))]) }),
            (
                "geo",
                k.koordinaten.map { object([("@type", "GeoCoordinates"), ("latitude", .number($0.breite)), ("longitude", .number($0.laenge))]) }
            ),
        ])
        let parent = kreis.map {
            object([
                ("@type", "GovernmentOrganization"), ("name", .string($0.fullName)),
                ("url", .string(base + ContentKind.kommune.pagePath(slug: $0.slug))),
            ])
        }
        let organization = object([
            ("@type", "GovernmentOrganization"), ("name", .string(k.fullName)), ("areaServed", area), ("url", url),
            ("sameAs", k.website.map { .string($0) }), ("parentOrganization", parent),
        ])
        return object([
            ("@context", "https://schema.org"), ("@type", "ProfilePage"), ("url", url),
            ("description", k.kurzbeschreibung.map { .string($0) }), ("dateModified", k.stand.map { .string($0.description) }),
            ("mainEntity", organization),
        ]).embeddable
    }

    @Test func everyProfileMatchesTheGeneralWriter() throws {
        let full = """
            ---
            name: "Groß-<Au> \\"Süd\\""
            art: Gemeinde
            bundesland: Rheinland-Pfalz
            kreis: mayen-koblenz
            ags: "07137003"
            koordinaten: [50.4, 7.51]
            website: https://example.org/au?a=1&b=2
            kurzbeschreibung: "Klein & </script> digital."
            stand: 2024-05-01
            ---
            Text.

            """
        let bare = "---\nname: Kahl\nart: Stadt\nbundesland: Hessen\n---\nText.\n"
        let result = Fixture.render(["kommunen/gross-au.md": full, "kommunen/kahl.md": bare])
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        let model = try #require(result.model)
        var checked = 0
        for k in model.kommunen {
            let html = try #require(Fixture.page(result, "kommunen/\(k.slug)/index.html"))
            let kreis = k.kreis.flatMap { ref in model.kommunen.first { $0.slug == ref.slug } }
            let expected = general(k, kreis: kreis, base: model.settings.baseURL)
            #expect(html.contains("<script type=\"application/ld+json\">\(expected)</script>"), "\(k.slug)")
            checked += 1
        }
        #expect(checked >= 3)
    }
}
