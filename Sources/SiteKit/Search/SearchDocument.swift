/// One page as the search sees it, made from the model (never from the
/// rendered HTML): what is shown in a result, what the filters test, and
/// the text of each field with the weight its words get.
struct SearchDocument: Sendable {
    /// The filter "Art" of the search page, in the order of its choices.
    enum Kind: Int, CaseIterable, Sendable {
        case kommune, kaffeerunde, meldung, seite

        var label: String {
            switch self {
            case .kommune: return "Kommune"
            case .kaffeerunde: return "Kaffeerunde"
            case .meldung: return "Meldung"
            case .seite: return "Seite"
            }
        }
    }

    /// How much a word counts by where it stands: a Kommune's name and a
    /// report's title above a project's title, that above the body.
    enum Weight: Int {
        case name = 24
        case title = 20
        case projekt = 8
        case related = 4
        case lead = 3
        case body = 1
    }

    /// Body words count at most this often per page: a long text does not
    /// outrank a page that has the word in its title.
    static let bodyCap = 4

    var kind: Kind
    var title: String
    /// Relative to the site's root, e.g. `kommunen/bendorf/`.
    var url: String
    var land: Bundesland?
    /// Art and Land of a Kommune, the date of a report or news item.
    var meta: String
    /// Slugs of its Handlungsfelder, each once.
    var felder: [String]
    /// The start of its text, shown under the title.
    var snippet: String
    /// Where its words are read (`forEachField`).
    var text: Text
    /// A piece of text with its weight; `html` text is read without its tags.
    typealias Field = (text: String, weight: Weight, html: Bool)

    /// A page's words are read from its model object as they are counted,
    /// not first copied into the document: a copy of each field's string is
    /// a retain now and a release later, some twenty per page.
    enum Text: Sendable {
        /// A profile, with the full name of its Kreis.
        case kommune(Kommune, kreis: String?)
        case kaffeerunde(Kaffeerunde)
        case meldung(Meldung)
        case seite(Seite)
        /// Fields given as they are.
        case fields([Field])
    }
    /// A Kommune's names, for the search that forgives a typo.
    var names: [String] = []

    /// Every page the search finds, in the order of the index: Kommunen by
    /// Land (in the order of `Bundesland`), then by name; reports and news
    /// newest first; then the free pages. Documents of one kind and one Land
    /// are neighbours, so the filters are ranges of document numbers.
    static func all(_ model: SiteModel, names: SearchNames) -> [SearchDocument] {
        var docs: [SearchDocument] = []
        docs.reserveCapacity(model.kommunen.count + model.kaffeerunden.count + model.meldungen.count + model.seiten.count)
        let landOrder = Dictionary(uniqueKeysWithValues: Bundesland.allCases.enumerated().map { ($1, $0) })
        // By Land, then in the model's order: a bucket per Land, filled in order, instead of a sort.
        var byLand = [[Int]](repeating: [], count: landOrder.count)
        for i in model.kommunen.indices { byLand[landOrder[model.kommunen[i].bundesland]!].append(i) }
        let kommunen = byLand.flatMap { $0 }
        // The profiles are most of the documents: made on all cores, in runs that keep their order.
        let runs = max(1, min(16, kommunen.count / 256))
        let bounds = (0..<runs).map { i in (kommunen.count * i / runs)..<(kommunen.count * (i + 1) / runs) }
        docs += parallelMap(bounds) { run in
            var docs: [SearchDocument] = []
            docs.reserveCapacity(run.count)
            for i in kommunen[run] { docs.append(kommuneDocument(model.kommunen[i], names: names)) }
            return docs
        }.flatMap { $0 }
        for r in model.kaffeerunden {
            docs.append(
                SearchDocument(
                    kind: .kaffeerunde, title: r.titel, url: ContentKind.kaffeerunde.pagePath(slug: r.slug), land: nil,
                    meta: GermanFormat.date(r.datum), felder: unique(r.handlungsfelder.map(\.slug)),
                    snippet: Snippet.make(lead: nil, body: r.page.body), text: .kaffeerunde(r)))
        }
        for m in model.meldungen {
            docs.append(
                SearchDocument(
                    kind: .meldung, title: m.titel, url: ContentKind.meldung.pagePath(slug: m.slug), land: nil,
                    meta: GermanFormat.date(m.datum), felder: unique(m.handlungsfelder.map(\.slug)),
                    snippet: Snippet.make(lead: nil, body: m.page.body), text: .meldung(m)))
        }
        for s in model.seiten {
            docs.append(
                SearchDocument(
                    kind: .seite, title: s.titel, url: ContentKind.seite.pagePath(slug: s.slug), land: nil, meta: "",
                    felder: [], snippet: Snippet.make(lead: nil, body: s.page.body), text: .seite(s)))
        }
        return docs
    }

    /// A Kommune's page: what a result shows; its words are read later (`forEachField`).
    private static func kommuneDocument(_ k: Kommune, names: SearchNames) -> SearchDocument {
        let kreis = k.kreis.flatMap { names.kommune($0) }
        var slugs: [String] = []
        slugs.reserveCapacity(k.handlungsfelder.count + k.projekte.count)
        // By index: a reference or a project copied out of its array retains each of its strings.
        for i in k.handlungsfelder.indices where !slugs.contains(k.handlungsfelder[i].slug) { slugs.append(k.handlungsfelder[i].slug) }
        for i in k.projekte.indices where !slugs.contains(k.projekte[i].handlungsfeld.slug) { slugs.append(k.projekte[i].handlungsfeld.slug) }
        return SearchDocument(
            kind: .kommune, title: k.fullName, url: ContentKind.kommune.pagePath(slug: k.slug), land: k.bundesland,
            meta: kreis.map { k.bundesland.rawValue + ", " + $0 } ?? k.bundesland.rawValue, felder: slugs,
            snippet: Snippet.make(lead: k.kurzbeschreibung, body: k.page.body), text: .kommune(k, kreis: kreis),
            // The sort name is the name for most: its words would only be found again.
            names: k.sortName == k.name ? [k.name] : [k.name, k.sortName])
    }

    /// Calls `field` with the UTF-8 bytes of each piece of the page's text
    /// and its weight: a Kommune's name and a report's title first, the body
    /// last. `names` gives the names of the Handlungsfelder and Kommunen it
    /// refers to.
    func forEachField(_ names: SearchNames, _ field: (UnsafeBufferPointer<UInt8>, Weight, _ html: Bool) -> Void) {
        func text(_ text: String, _ weight: Weight) { SearchText.withBytes(text) { field($0, weight, false) } }
        func feld(_ slug: String) { if let name = names.felder[slug] { text(name, .related) } }
        func kommune(_ reference: Reference) { if let name = names.kommune(reference) { text(name, .related) } }
        func body(_ page: PageSource) { page.body.withHTMLBytes { field($0, .body, true) } }
        switch self.text {
        case .kommune(let k, let kreis):
            text(k.name, .name)
            text(k.fullName, .title)
            // By index: a project or a reference copied out of its array retains each of its strings.
            for i in k.projekte.indices { text(k.projekte[i].titel, .projekt) }
            text(k.bundesland.rawValue, .related)
            text(k.art.rawValue, .related)
            text("Kommune", .related)
            if let kreis { text(kreis, .related) }
            for i in k.handlungsfelder.indices { feld(k.handlungsfelder[i].slug) }
            for i in k.projekte.indices { feld(k.projekte[i].handlungsfeld.slug) }
            if let leitung = k.leitung { text(leitung.name, .related) }
            for i in k.kontakt.indices { if let name = k.kontakt[i].name { text(name, .related) } }
            if let lead = k.kurzbeschreibung { text(lead, .lead) }
            for i in k.foerderung.indices { text(k.foerderung[i], .lead) }
            body(k.page)
        case .kaffeerunde(let r):
            text(r.titel, .title)
            text(r.reihe, .related)
            text("Kaffeerunde", .related)
            for impuls in r.impulse {
                text(impuls.name, .related)
                if let thema = impuls.thema { text(thema, .projekt) }
                if let reference = impuls.kommune { kommune(reference) }
            }
            for reference in r.kommunen { kommune(reference) }
            for reference in r.handlungsfelder { feld(reference.slug) }
            body(r.page)
        case .meldung(let m):
            text(m.titel, .title)
            text("Meldung", .related)
            for reference in m.kommunen { kommune(reference) }
            for reference in m.handlungsfelder { feld(reference.slug) }
            body(m.page)
        case .seite(let s):
            text(s.titel, .title)
            body(s.page)
        case .fields(let fields):
            for f in fields { SearchText.withBytes(f.text) { field($0, f.weight, f.html) } }
        }
    }

    /// Each slug once, in order. A page has a handful: a search of the
    /// ones kept beats hashing each into a set.
    private static func unique(_ slugs: [String]) -> [String] {
        var kept: [String] = []
        kept.reserveCapacity(slugs.count)
        for slug in slugs where !kept.contains(slug) { kept.append(slug) }
        return kept
    }
}

/// What the fields of pages name by reference: the Handlungsfelder by their
/// slugs, the Kommunen by theirs. A class, so that every field's lookup
/// shares it: an optional copy of the model retains each of its many parts.
final class SearchNames: Sendable {
    /// A Handlungsfeld's name by its slug.
    let felder: [String: String]
    private let kommuneIndex: [String: Int]
    private let kommunen: [Kommune]

    init(_ model: SiteModel?) {
        felder = Dictionary(uniqueKeysWithValues: (model?.handlungsfelder ?? []).map { ($0.slug, $0.name) })
        kommuneIndex = model?.kommuneIndex ?? [:]
        kommunen = model?.kommunen ?? []
    }

    /// The full name of the Kommune `reference` names.
    func kommune(_ reference: Reference) -> String? { kommuneIndex[reference.slug].map { kommunen[$0].fullName } }
}
