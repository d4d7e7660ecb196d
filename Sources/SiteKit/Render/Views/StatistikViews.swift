import SiteTemplates
import SiteText

/// One figure: heading, a sentence saying what it shows, the chart, and
/// the table with the same numbers beside it.
struct DiagrammView: ViewModel {
    struct Reihe: ViewModel {
        var swatch: String
        var text: String
        static let fields: Fields<Self> = ["swatch": .key(\.swatch), "text": .key(\.text)]
    }

    struct Zeile: ViewModel {
        var label: String
        var werte: [String]
        static let fields: Fields<Self> = ["label": .key(\.label), "werte": .key(\.werte) { $0.map(TextCell.init) }]
    }

    /// A cell of the table.
    struct TextCell: ViewModel {
        var text: String
        static let fields: Fields<Self> = ["text": .key(\.text)]
    }

    var id: String
    var titel: String
    var zusammenfassung: String
    var svg: String
    /// The stacked series, when there are several.
    var reihen: [Reihe]
    var kopf: String
    var spalten: [String]
    var zeilen: [Zeile]
    static let fields: Fields<Self> = [
        "id": .key(\.id), "titel": .key(\.titel), "zusammenfassung": .key(\.zusammenfassung),
        "svg": .key(\.svg), "reihen": .key(\.reihen), "kopf": .key(\.kopf),
        // The column heads as cells, as a row's values are.
        "spalten": .key(\.spalten) { $0.map(TextCell.init) }, "zeilen": .key(\.zeilen),
    ]

    /// `balken`: how many of the first columns the bars stack; the others are only in the table.
    init(
        id: String, titel: String, zusammenfassung: String, kopf: String, spalten: [String], zeilen: [NetworkFigures.Zeile],
        balken: [Int] = [0]
    ) {
        self.id = id
        self.titel = titel
        self.zusammenfassung = zusammenfassung
        self.kopf = kopf
        self.spalten = spalten
        self.zeilen = zeilen.map { Zeile(label: $0.label, werte: $0.werte.map(GermanFormat.number)) }
        let rows = zeilen.map { z in BarChart.Row(label: z.label, werte: balken.map { z.werte[$0] }) }
        svg = BarChart.svg(rows: rows, series: balken.count, label: "Balkendiagramm: \(titel)")
        reihen = balken.count > 1 ? balken.enumerated().map { Reihe(swatch: BarChart.swatch($0.offset), text: spalten[$0.element]) } : []
    }
}

/// `statistik/`: the network in figures.
struct StatistikView: ViewModel {
    var diagramme: [DiagrammView]
    var muster: String
    static let fields: Fields<Self> = ["diagramme": .key(\.diagramme), "muster": .key(\.muster)]
}

extension ViewContext {
    func statistikPage() -> PagePlan {
        let page = SitePath.statistik
        let f = reads.statistik
        let sum = { (rows: [NetworkFigures.Zeile], column: Int) in rows.reduce(0) { $0 + $1.werte[column] } }
        let top = { (rows: [NetworkFigures.Zeile]) in rows.max { ($0.werte[0], $1.label) < ($1.werte[0], $0.label) }?.label ?? "–" }
        let stati = ProjektStatus.allCases.map { $0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst() }
        var diagramme: [DiagrammView] = []
        if let last = f.mitgliederJahre.last, let first = f.mitgliederJahre.first {
            diagramme.append(
                .init(
                    id: "mitglieder-jahre", titel: "Mitglieder im Lauf der Zeit",
                    zusammenfassung:
                        "Von \(first.label) bis \(last.label) ist das Netzwerk auf \(Self.count(last.werte[1], "Mitglied", "Mitglieder")) gewachsen.",
                    kopf: "Jahr", spalten: ["Neue Mitglieder", "Mitglieder insgesamt"], zeilen: f.mitgliederJahre, balken: [1]))
        }
        if !f.mitgliederLaender.isEmpty {
            diagramme.append(
                .init(
                    id: "mitglieder-laender", titel: "Mitglieder nach Bundesland",
                    zusammenfassung:
                        "Die meisten Mitglieder hat \(top(f.mitgliederLaender)); Mitglieder gibt es in \(Self.count(f.mitgliederLaender.count, "Bundesland", "Bundesländern")).",
                    kopf: "Bundesland", spalten: ["Mitglieder"], zeilen: f.mitgliederLaender))
            diagramme.append(
                .init(
                    id: "mitglieder-art", titel: "Mitglieder nach Art der Kommune",
                    zusammenfassung: "Am häufigsten unter den Mitgliedern ist die Art „\(top(f.mitgliederArt))“.",
                    kopf: "Art", spalten: ["Mitglieder"], zeilen: f.mitgliederArt))
            diagramme.append(
                .init(
                    id: "mitglieder-groesse", titel: "Mitglieder nach Einwohnerzahl",
                    zusammenfassung: "Die meisten Mitglieder haben \(top(f.mitgliederGroesse)) Einwohner.",
                    kopf: "Einwohner", spalten: ["Mitglieder"], zeilen: f.mitgliederGroesse))
        }
        if !f.projekteFelder.isEmpty {
            let total = f.projekteFelder.reduce(0) { $0 + $1.werte.reduce(0, +) }
            diagramme.append(
                .init(
                    id: "projekte-felder", titel: "Projekte nach Handlungsfeld und Stand",
                    zusammenfassung:
                        "\(Self.count(total, "Projekt", "Projekte")) der Kommunen, davon \(GermanFormat.number(sum(f.projekteFelder, 2))) umgesetzt, \(GermanFormat.number(sum(f.projekteFelder, 1))) laufend und \(GermanFormat.number(sum(f.projekteFelder, 0))) geplant.",
                    kopf: "Handlungsfeld", spalten: stati, zeilen: f.projekteFelder, balken: [0, 1, 2]))
        }
        if !f.kaffeerunden.isEmpty {
            diagramme.append(
                .init(
                    id: "kaffeerunden", titel: "Kaffeerunden je Jahr",
                    zusammenfassung:
                        "\(Self.count(sum(f.kaffeerunden, 0), "Kaffeerunde", "Kaffeerunden")) mit zusammen \(GermanFormat.number(sum(f.kaffeerunden, 1))) Teilnehmenden (soweit der Bericht ihre Zahl nennt).",
                    kopf: "Jahr", spalten: ["Kaffeerunden", "Teilnehmende"], zeilen: f.kaffeerunden))
        }
        return PagePlan(
            path: page, template: "statistik",
            view: PageView(
                layout: layout(
                    page: page, title: "Das Netzwerk in Zahlen",
                    description: "Mitglieder, Projekte und Kaffeerunden des Netzwerks in Diagrammen und Tabellen."),
                content: StatistikView(diagramme: diagramme, muster: BarChart.patterns)))
    }

    /// A Handlungsfeld's projects by status, for its page.
    func projekteNachStand(_ projekte: [ProjektSummary], feld: String) -> DiagrammView? {
        guard !projekte.isEmpty else { return nil }
        let stati = ProjektStatus.allCases
        let zeilen = stati.map { s in
            NetworkFigures.Zeile(label: s.rawValue.prefix(1).uppercased() + s.rawValue.dropFirst(), werte: [projekte.filter { $0.status == s }.count])
        }
        return DiagrammView(
            id: "projekte-stand", titel: "Projekte nach Stand",
            zusammenfassung:
                "\(Self.count(projekte.count, "Projekt", "Projekte")) im Handlungsfeld \(feld), davon \(GermanFormat.number(zeilen[2].werte[0])) umgesetzt.",
            kopf: "Stand", spalten: ["Projekte"], zeilen: zeilen)
    }
}
