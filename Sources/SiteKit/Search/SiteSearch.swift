import SiteTemplates

/// The site search as a stage beside rendering: the index is made once
/// from the model when the build plans its files (the shards' names
/// depend on the words), and every file is a job without a trace, made
/// again by every build; the output writer leaves the files whose bytes
/// did not change, so an edit rewrites only the shards it touches.
final class SiteSearch: Sendable {
    static let page = "suche/"
    static let script = "assets/suche.js"

    let index: SearchIndex

    init(_ model: SiteModel) {
        var clock = StageClock()
        index = SearchIndex(model)
        clock.lap("search index (\(index.stats.documents) documents, \(index.stats.termShards) term shards, \(index.stats.bytes) bytes)")
    }

    var jobs: [PageJob] {
        index.files.map { file in PageJob(path: file.path) { (file.bytes, nil) } }
    }
}

/// The search page: the form with its filters, where the script shows the
/// results; without JavaScript, the lists that lead to every page.
struct SucheView: ViewModel {
    struct Option: ViewModel {
        var value: String
        var text: String
        static let fields: Fields<Self> = ["value": .key(\.value), "text": .key(\.text)]
    }

    var arten: [Option]
    var laender: [Option]
    var felder: [Option]
    /// Without JavaScript: the lists of everything, the Länder, the Handlungsfelder.
    var listen: [LinkView]
    var laenderLinks: [LinkView]
    var felderLinks: [LinkView]
    var scriptURL: String
    var indexURL: String

    static let fields: Fields<Self> = [
        "arten": .key(\.arten), "laender": .key(\.laender), "felder": .key(\.felder),
        "listen": .key(\.listen), "laender_links": .key(\.laenderLinks), "felder_links": .key(\.felderLinks),
        "script_url": .key(\.scriptURL), "index_url": .key(\.indexURL),
    ]
}

extension ViewContext {
    func suchePage() -> PagePlan {
        let page = SiteSearch.page
        let url = { (target: String) in SitePath.relative(from: page, to: target) }
        let laender = Bundesland.allCases.filter { land in reads.kommunen.contains { $0.bundesland == land } }
        let felder = reads.handlungsfelder
        let listen = [
            LinkView(url: url(SitePath.mitglieder), text: "Mitglieder von A bis Z"),
            LinkView(url: url(SitePath.kommunen), text: "Alle Kommunen nach Bundesland"),
            LinkView(url: url(SitePath.kaffeerunden), text: "Alle Berichte der Kaffeerunde"),
            LinkView(url: url(SitePath.meldungen), text: "Alle Meldungen"),
            LinkView(url: url(SitePath.handlungsfelder), text: "Alle Handlungsfelder"),
        ]
        let view = SucheView(
            arten: SearchDocument.Kind.allCases.map { .init(value: $0.label.lowercased(), text: $0.label) },
            laender: laender.map { .init(value: $0.slug, text: $0.rawValue) },
            felder: felder.map { .init(value: $0.slug, text: $0.name) },
            listen: listen,
            laenderLinks: laender.map { LinkView(url: url(SitePath.land($0)), text: $0.rawValue) },
            felderLinks: felder.map { LinkView(url: url(SitePath.handlungsfeld($0.slug)), text: $0.name) },
            scriptURL: url(SiteSearch.script), indexURL: "index.json")
        return PagePlan(
            path: page, template: "suche",
            view: PageView(
                layout: layout(page: page, title: "Suche", description: "Kommunen, Berichte, Meldungen und Seiten des Netzwerks durchsuchen."),
                content: view))
    }
}
