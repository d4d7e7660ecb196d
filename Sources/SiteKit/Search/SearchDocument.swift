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
    /// Each piece of text with its weight; `html` text is read without its tags.
    var fields: [Field]
    /// Labelled as the index reads it; the lists below are built with the same
    /// labels, since an array of unlabelled tuples is converted element by element.
    typealias Field = (text: String, weight: Weight, html: Bool)
    /// A Kommune's names, for the search that forgives a typo.
    var names: [String] = []

    /// Every page the search finds, in the order of the index: Kommunen by
    /// Land (in the order of `Bundesland`), then by name; reports and news
    /// newest first; then the free pages. Documents of one kind and one Land
    /// are neighbours, so the filters are ranges of document numbers.
    static func all(_ model: SiteModel) -> [SearchDocument] {
        let felder = Dictionary(uniqueKeysWithValues: model.handlungsfelder.map { ($0.slug, $0.name) })
        let names: @Sendable ([Reference]) -> [String] = { references in references.compactMap { felder[$0.slug] } }
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
            for i in kommunen[run] { docs.append(kommuneDocument(model.kommunen[i], in: model, felder: felder)) }
            return docs
        }.flatMap { $0 }
        for r in model.kaffeerunden {
            var fields: [Field] = [(r.titel, .title, false), (r.reihe, .related, false), ("Kaffeerunde", .related, false)]
            for impuls in r.impulse {
                fields.append((impuls.name, .related, false))
                if let thema = impuls.thema { fields.append((thema, .projekt, false)) }
                if let name = impuls.kommune.flatMap({ fullName($0, in: model) }) { fields.append((name, .related, false)) }
            }
            fields += r.kommunen.compactMap { fullName($0, in: model) }.map { ($0, .related, false) }
            fields += names(r.handlungsfelder).map { ($0, .related, false) }
            fields.append((r.page.body.html, .body, true))
            docs.append(
                SearchDocument(
                    kind: .kaffeerunde, title: r.titel, url: ContentKind.kaffeerunde.pagePath(slug: r.slug), land: nil,
                    meta: GermanFormat.date(r.datum), felder: unique(r.handlungsfelder.map(\.slug)),
                    snippet: Snippet.make(lead: nil, html: r.page.body.html), fields: fields))
        }
        for m in model.meldungen {
            var fields: [Field] = [(m.titel, .title, false), ("Meldung", .related, false)]
            fields += m.kommunen.compactMap { fullName($0, in: model) }.map { ($0, .related, false) }
            fields += names(m.handlungsfelder).map { ($0, .related, false) }
            fields.append((m.page.body.html, .body, true))
            docs.append(
                SearchDocument(
                    kind: .meldung, title: m.titel, url: ContentKind.meldung.pagePath(slug: m.slug), land: nil,
                    meta: GermanFormat.date(m.datum), felder: unique(m.handlungsfelder.map(\.slug)),
                    snippet: Snippet.make(lead: nil, html: m.page.body.html), fields: fields))
        }
        for s in model.seiten {
            docs.append(
                SearchDocument(
                    kind: .seite, title: s.titel, url: ContentKind.seite.pagePath(slug: s.slug), land: nil, meta: "",
                    felder: [], snippet: Snippet.make(lead: nil, html: s.page.body.html),
                    fields: [(s.titel, .title, false), (s.page.body.html, .body, true)]))
        }
        return docs
    }

    /// A Kommune's page. Its fields are appended one by one to an array made
    /// large enough once: there are 10,000 of these in a large network.
    private static func kommuneDocument(_ k: borrowing Kommune, in model: SiteModel, felder: [String: String]) -> SearchDocument {
        let kreis = k.kreis.flatMap { fullName($0, in: model) }
        var fields: [Field] = []
        fields.reserveCapacity(8 + 2 * k.projekte.count + k.handlungsfelder.count + k.kontakt.count + k.foerderung.count)
        fields.append((k.name, .name, false))
        fields.append((k.fullName, .title, false))
        for i in k.projekte.indices { fields.append((k.projekte[i].titel, .projekt, false)) }
        fields.append((k.bundesland.rawValue, .related, false))
        fields.append((k.art.rawValue, .related, false))
        fields.append(("Kommune", .related, false))
        if let kreis { fields.append((kreis, .related, false)) }
        var slugs: [String] = []
        slugs.reserveCapacity(k.handlungsfelder.count + k.projekte.count)
        // By index: a reference or a project copied out of its array retains each of its strings.
        for i in k.handlungsfelder.indices {
            let slug = k.handlungsfelder[i].slug
            if let name = felder[slug] { fields.append((name, .related, false)) }
            if !slugs.contains(slug) { slugs.append(slug) }
        }
        for i in k.projekte.indices {
            let slug = k.projekte[i].handlungsfeld.slug
            if let name = felder[slug] { fields.append((name, .related, false)) }
            if !slugs.contains(slug) { slugs.append(slug) }
        }
        if let leitung = k.leitung { fields.append((leitung.name, .related, false)) }
        for kontakt in k.kontakt { if let name = kontakt.name { fields.append((name, .related, false)) } }
        if let lead = k.kurzbeschreibung { fields.append((lead, .lead, false)) }
        for foerderung in k.foerderung { fields.append((foerderung, .lead, false)) }
        fields.append((k.page.body.html, .body, true))
        return SearchDocument(
            kind: .kommune, title: k.fullName, url: ContentKind.kommune.pagePath(slug: k.slug), land: k.bundesland,
            meta: kreis.map { k.bundesland.rawValue + ", " + $0 } ?? k.bundesland.rawValue, felder: slugs,
            snippet: Snippet.make(lead: k.kurzbeschreibung, html: k.page.body.html), fields: fields, names: [k.name, k.sortName])
    }

    /// The full name of the Kommune `reference` names, read in place (a
    /// copy of the whole Kommune would retain and release each of its fields).
    private static func fullName(_ reference: Reference, in model: SiteModel) -> String? {
        model.kommuneIndex[reference.slug].map { model.kommunen[$0].fullName }
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
