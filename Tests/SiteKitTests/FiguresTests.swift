import Foundation
import Testing
@testable import SiteKit

/// `statistik/` and the small figures: counted from the content, shown as
/// chart and table with the same numbers.
@Suite struct FiguresTests {
    @Test func figuresAreCountedFromTheModel() throws {
        let model = try #require(Build.render(try GoldenTests.exampleSite()).model)
        let f = NetworkFigures(model)
        let members = model.kommunen.filter(\.isMember)
        #expect(f.mitgliederLaender.map(\.werte[0]).reduce(0, +) == members.count)
        #expect(f.mitgliederArt.map(\.werte[0]).reduce(0, +) == members.count)
        #expect(f.mitgliederGroesse.map(\.werte[0]).reduce(0, +) == members.count)
        #expect(f.mitgliederJahre.last?.werte[1] == members.count)
        let projekte: Int = f.projekteFelder.map { $0.werte.reduce(0, +) }.reduce(0, +)
        let inProfiles: Int = model.kommunen.map(\.projekte.count).reduce(0, +)
        #expect(projekte == inProfiles)
        #expect(f.kaffeerunden.map(\.werte[0]).reduce(0, +) == model.kaffeerunden.count)
        let teilnehmende: Int = f.kaffeerunden.map(\.werte[1]).reduce(0, +)
        let berichtet: Int = model.kaffeerunden.compactMap(\.teilnehmende).reduce(0, +)
        #expect(teilnehmende == berichtet)
    }

    /// Years without new members are rows too: the line of time has no gaps.
    @Test func membersOverTimeHasEveryYear() throws {
        var files: [String: String?] = [:]
        for (slug, seit) in [("a", "2018-03"), ("b", "2021-01-15"), ("c", "2021-07")] {
            files["kommunen/\(slug).md"] = "---\nname: \(slug.uppercased())\nart: Gemeinde\nbundesland: Bayern\nmitglied_seit: \(seit)\n---\nText.\n"
        }
        let model = try #require(Fixture.render(files).model)
        let jahre = NetworkFigures(model).mitgliederJahre
        // The fixture's Bendorf is a member since 2020-11.
        #expect(jahre.map(\.label) == ["2018", "2019", "2020", "2021"])
        #expect(jahre.map(\.werte) == [[1, 1], [0, 1], [1, 2], [2, 4]])
    }

    @Test func statistikPageHasEachChartWithItsTable() throws {
        let result = Build.render(try GoldenTests.exampleSite())
        let page = try #require(Fixture.page(result, "statistik/index.html"))
        for id in ["mitglieder-jahre", "mitglieder-laender", "mitglieder-art", "mitglieder-groesse", "projekte-felder", "kaffeerunden"] {
            let start = try #require(page.range(of: "aria-labelledby=\"_\(id)\""), "\(id)")
            let block = page[start.upperBound...].prefix { _ in true }
            let section = block[..<(block.range(of: "</section>")?.lowerBound ?? block.endIndex)]
            #expect(section.contains("<svg class=\"diagramm\"") && section.contains("<table>") && section.contains("<p>"), "\(id)")
        }
        #expect(page.contains("<tr><th scope=\"row\">Rheinland-Pfalz</th><td class=\"zahl\">2</td></tr>"))
        #expect(page.contains("<tr><th scope=\"row\">2021</th><td class=\"zahl\">2</td><td class=\"zahl\">120</td></tr>"))
        let home = try #require(Fixture.page(result, "index.html"))
        #expect(home.contains("<a href=\"statistik/\">"))
        #expect(home.contains("<a href=\"statistik/\">Das Netzwerk in Zahlen</a>"))
        let feld = try #require(Fixture.page(result, "handlungsfelder/verwaltung/index.html"))
        #expect(feld.contains("<h2 id=\"_projekte-stand\">Projekte nach Stand</h2>"))
        #expect(feld.contains("<tr><th scope=\"row\">Umgesetzt</th><td class=\"zahl\">10</td></tr>"))
    }

    @Test func statistikIsAReservedSlug() {
        let errors = Fixture.errors(["seiten/statistik.md": "---\ntitel: Zahlen\n---\nText.\n"])
        #expect(errors.contains { $0.contains("a free page cannot be called `statistik`") }, "\(errors)")
    }
}
