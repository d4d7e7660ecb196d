import SiteTemplates
/// The Handlungsfelder index.
struct HandlungsfelderView: ViewModel {
    struct Feld: ViewModel {
        var url: String
        var name: String
        var beschreibung: String?
        var kommunen: String
        var berichte: String
        static let fields: Fields<Self> = [
            "url": .key(\.url), "name": .key(\.name), "beschreibung": .key(\.beschreibung),
            "kommunen": .key(\.kommunen), "berichte": .key(\.berichte),
        ]
    }

    var felder: [Feld]
    static let fields: Fields<Self> = ["felder": .key(\.felder)]
}

/// A free page (Impressum, Datenschutz …).
struct SeiteView: ViewModel {
    var titel: String
    var body: String
    var toc: [TocEntry]
    static let fields: Fields<Self> = ["titel": .key(\.titel), "body": .key(\.body), "toc": .key(\.toc)]
}

struct HomeView: ViewModel {
    /// A number of the network, linked to its list.
    struct Kennzahl: ViewModel {
        var zahl: String
        var text: String
        var url: String
        static let fields: Fields<Self> = ["zahl": .key(\.zahl), "text": .key(\.text), "url": .key(\.url)]
    }

    var titel: String
    var beschreibung: String?
    var kennzahlen: [Kennzahl]
    /// "Kommune finden": the Länder with their numbers.
    var laender: [KommunenOverviewView.Land]
    /// Announced Kaffeerunden, soonest first, and the calendar of all.
    var termine: [TerminView]
    var kalender: String
    var neueBerichte: [EintragView]
    var neueMeldungen: [EintragView]
    var handlungsfelder: [LinkView]
    var links: [LinkView]
    /// "Über das Netzwerk" and "Mitmachen", where the site has those pages.
    var netzwerk: [LinkView]
    var karte: KarteView
    var statistikURL: String

    static let fields: Fields<Self> = [
        "titel": .key(\.titel), "beschreibung": .key(\.beschreibung), "kennzahlen": .key(\.kennzahlen),
        "laender": .key(\.laender), "termine": .key(\.termine), "kalender": .key(\.kalender),
        "neue_berichte": .key(\.neueBerichte), "neue_meldungen": .key(\.neueMeldungen),
        "handlungsfelder": .key(\.handlungsfelder), "links": .key(\.links), "netzwerk": .key(\.netzwerk),
        "karte": .key(\.karte), "statistik_url": .key(\.statistikURL),
    ]
}

struct NotFoundView: ViewModel {
    var links: [LinkView]
    static let fields: Fields<Self> = ["links": .key(\.links)]
}

extension ViewContext {
    func handlungsfelderPage() -> PagePlan {
        let page = SitePath.handlungsfelder
        let felder = reads.handlungsfelder.map { feld -> HandlungsfelderView.Feld in
            let rel = reads.feld(feld.slug)
            return .init(
                url: SitePath.relative(from: page, to: SitePath.handlungsfeld(feld.slug)), name: feld.name,
                beschreibung: feld.beschreibung, kommunen: Self.count(rel.kommunen.count, "Kommune", "Kommunen"),
                berichte: Self.count(rel.kaffeerunden.count + rel.meldungen.count, "Bericht", "Berichte"))
        }
        return PagePlan(
            path: page, template: "handlungsfelder",
            view: PageView(
                layout: layout(
                    page: page, title: "Handlungsfelder",
                    description: "Die Handlungsfelder der Digitalisierung im Netzwerk."),
                content: HandlungsfelderView(felder: felder)))
    }

    func seitePage(_ s: Seite) -> PagePlan {
        let page = path(.seite, s.slug)
        return PagePlan(
            path: page, template: "seite",
            view: PageView(
                layout: layout(page: page, title: s.titel, description: nil),
                content: SeiteView(titel: s.titel, body: body(from: page, s.page.body), toc: toc(s.page.body))))
    }

    func homePage() -> PagePlan {
        let page = SitePath.home
        let sections: [(String, String)] = [
            (SitePath.kommunen, "Alle Kommunen"), (SitePath.kaffeerunden, "Alle Kaffeerunden"),
            (SitePath.meldungen, "Alle Meldungen"), (SitePath.handlungsfelder, "Alle Handlungsfelder"),
        ]
        let settings = reads.settings
        let kommunen = reads.kommunen, berichte = self.berichte, meldungen = reads.meldungen
        let laender = laenderListe(from: page)
        let zahlen: [(Int, String, String)] = [
            (kommunen.filter(\.isMember).count, "Mitglieder", SitePath.mitglieder), (kommunen.count, "Kommunen", SitePath.kommunen),
            (berichte.count, "Kaffeerunden", SitePath.kaffeerunden), (meldungen.count, "Meldungen", SitePath.meldungen),
        ]
        let kennzahlen = zahlen.map {
            HomeView.Kennzahl(zahl: GermanFormat.number($0.0), text: $0.1, url: SitePath.relative(from: page, to: $0.2))
        }
        let netzwerk = ["ueber-das-netzwerk", "mitmachen"].compactMap { reads.seite($0) }.map {
            LinkView(url: SitePath.relative(from: page, to: path(.seite, $0.slug)), text: $0.titel)
        }
        let view = HomeView(
            titel: settings.titel, beschreibung: settings.beschreibung, kennzahlen: kennzahlen, laender: laender,
            termine: termine(from: page), kalender: kalenderURL(from: page),
            neueBerichte: berichte.prefix(3).map { eintrag(from: page, $0) },
            neueMeldungen: meldungen.prefix(3).map { eintrag(from: page, $0) },
            handlungsfelder: reads.handlungsfelder.map {
                LinkView(url: SitePath.relative(from: page, to: SitePath.handlungsfeld($0.slug)), text: $0.name)
            },
            links: sections.map { LinkView(url: SitePath.relative(from: page, to: $0.0), text: $0.1) },
            netzwerk: netzwerk, karte: karte(from: page), statistikURL: SitePath.relative(from: page, to: SitePath.statistik))
        return PagePlan(
            path: page, template: "home",
            view: PageView(
                layout: layout(
                    page: page, title: settings.titel, description: nil,
                    jsonld: JSONLD.website(settings)),
                content: view))
    }

    /// The 404 page is served for missing paths at any depth, so its
    /// relative links are anchored with `<base href>` at `base_url`, and its
    /// skip link names the page itself (`404.html#_inhalt`): a bare fragment
    /// would resolve against `base_url`, the home page.
    func notFoundPage() -> PagePlan {
        var layout = layout(page: "", title: "Seite nicht gefunden", description: "Diese Seite gibt es nicht (mehr).")
        let settings = reads.settings
        layout.baseHref = settings.baseURL
        layout.skipHref = "404.html#_inhalt"
        layout.title = "Seite nicht gefunden – \(settings.titel)"
        layout.isHome = false
        layout.canonical = settings.baseURL + "404.html"
        let links = [LinkView(url: "./", text: "Startseite")] + layout.nav
        return PagePlan(path: "404.html", template: "404", view: PageView(layout: layout, content: NotFoundView(links: links)))
    }

    static func count(_ n: Int, _ one: String, _ many: String) -> String {
        "\(GermanFormat.number(n)) \(n == 1 ? one : many)"
    }
}
