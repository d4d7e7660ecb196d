import Testing
@testable import SiteKit

@Suite struct RelationTests {
    let site: [String: String?] = [
        "kommunen/eltville.md": "---\nname: Eltville\nart: Stadt\nbundesland: Hessen\nhandlungsfelder: [bildung]\n---\n",
        "kaffeerunden/2021-01.md":
            "---\ntitel: Januar\ndatum: 2021-01-20\nimpulse:\n  - name: A\n    kommune: eltville\nhandlungsfelder: [verwaltung]\n---\n",
        "kaffeerunden/2021-02.md": "---\ntitel: Februar\ndatum: 2021-02-17\nkommunen: [bendorf]\n---\nWie in [Eltville](../kommunen/eltville.md).\n",
        "meldungen/2021-03-01-x.md": "---\ntitel: März\ndatum: 2021-03-01\nkommunen: [eltville]\nhandlungsfelder: [bildung]\n---\n",
        "meldungen/2020-12-01-y.md": "---\ntitel: Dezember\ndatum: 2020-12-01\n---\n[Bendorf](../kommunen/bendorf.md)\n",
    ]

    func model() throws -> SiteModel { try #require(Fixture.render(site).model) }

    @Test func profilesListWhatMentionsThemNewestFirst() throws {
        let m = try model()
        let titles = { (slug: String) in
            (m.erwaehntIn[slug] ?? []).map { eintrag -> String in
                switch eintrag {
                case .kaffeerunde(let i): return m.kaffeerunden[i].titel
                case .meldung(let i): return m.meldungen[i].titel
                }
            }
        }
        // by impulse, by body link, by kommunen
        #expect(titles("eltville") == ["März", "Februar", "Januar"])
        #expect(titles("bendorf") == ["Februar", "Dezember"])
        #expect(titles("mayen-koblenz") == [])
    }

    @Test func landkreisListsItsMembers() throws {
        let m = try model()
        #expect(m.kreisMitglieder["mayen-koblenz"]?.map { m.kommunen[$0].slug } == ["bendorf"])
        let html = try #require(Fixture.page(Fixture.render(site), "kommunen/mayen-koblenz/index.html"))
        #expect(html.contains("Kommunen im Landkreis"))
        #expect(html.contains("href=\"../../kommunen/bendorf/\""))
    }

    @Test func handlungsfeldListsEverything() throws {
        let m = try model()
        let bildung = try #require(m.felder["bildung"])
        #expect(bildung.kommunen.map { m.kommunen[$0].slug } == ["eltville"])
        #expect(bildung.meldungen.map { m.meldungen[$0].titel } == ["März"])
        let verwaltung = try #require(m.felder["verwaltung"])
        #expect(verwaltung.kommunen.map { m.kommunen[$0].slug } == ["bendorf"])
        #expect(verwaltung.projekte.map { m.kommunen[$0.kommune].projekte[$0.projekt].titel } == ["E-Akte"])
        #expect(verwaltung.kaffeerunden.map { m.kaffeerunden[$0].titel } == ["Januar"])
    }

    @Test func reportLinksSpeakersAndNeighbours() throws {
        let result = Fixture.render(site)
        let januar = try #require(Fixture.page(result, "kaffeerunden/2021-01/index.html"))
        #expect(januar.contains("(<a href=\"../../kommunen/eltville/\">Eltville</a>)"))
        #expect(januar.contains("rel=\"next\" href=\"../../kaffeerunden/2021-02/\""))
        let februar = try #require(Fixture.page(result, "kaffeerunden/2021-02/index.html"))
        #expect(februar.contains("rel=\"prev\" href=\"../../kaffeerunden/2021-01/\""))
    }

    @Test func kommunenListTellsMembersApartInText() throws {
        let result = Fixture.render(site)
        let overview = try #require(Fixture.page(result, "kommunen/index.html"))
        #expect(overview.contains("<a href=\"../laender/hessen/\">Hessen</a> <span class=\"meta\">1 Kommune, 0 Mitglieder</span>"))
        let land = try #require(Fixture.page(result, "laender/rheinland-pfalz/index.html"))
        #expect(land.contains("<a href=\"../../kommunen/bendorf/\">Bendorf</a> <span class=\"tag tag-mitglied\">Mitglied</span>"))
        #expect(land.contains("<h2 id=\"kreis-mayen-koblenz\"><a href=\"../../kommunen/mayen-koblenz/\">Landkreis Mayen-Koblenz</a></h2>"))
        let hessen = try #require(Fixture.page(result, "laender/hessen/index.html"))
        #expect(hessen.contains("<a href=\"../../kommunen/eltville/\">Eltville</a></li>"))
    }

    @Test func germanFormatting() {
        #expect(GermanFormat.date(CalendarDate(year: 2021, month: 1, day: 20)) == "20. Januar 2021")
        #expect(GermanFormat.date(CalendarDate(year: 2020, month: 11, day: nil)) == "November 2020")
        #expect(GermanFormat.number(16900) == "16.900")
        #expect(GermanFormat.number(1_234_567) == "1.234.567")
        #expect(GermanFormat.number(999) == "999")
    }
}
