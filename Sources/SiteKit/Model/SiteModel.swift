import SiteText

/// The validated site: every page with its references resolved and the
/// relations of the content format computed once, so that rendering only
/// has to show them.
public struct SiteModel: Sendable {
    public var settings: SiteSettings
    /// In the order of `handlungsfelder.yaml`.
    public var handlungsfelder: [Handlungsfeld]
    /// In German order of their names (`Kommune.sortName`), then by slug.
    public var kommunen: [Kommune]
    /// Newest first.
    public var kaffeerunden: [Kaffeerunde]
    /// Newest first.
    public var meldungen: [Meldung]
    /// By menu position, then title.
    public var seiten: [Seite]
    public var media: [PassThroughFile]
    /// The build date: a Kaffeerunde on this day or later is an
    /// announcement (`Kaffeerunde.isTermin`). Set by the build from its
    /// options; the views read it only through the announcements it decides,
    /// which are part of every page's global digest.
    public var heute = CalendarDate(year: 1970, month: 1, day: 1)
    /// What the image stage made of the photos pages show; filled after
    /// the model is checked (`ImageStage`).
    public internal(set) var images = ImageTable()

    /// An Eintrag: a Kaffeerunde or a Meldung, the one word for a report or
    /// news item wherever it is listed (`EintragSummary`, `EintragView`),
    /// here as one that mentions a profile (`erwaehntIn`).
    public enum Eintrag: Sendable, Equatable {
        case kaffeerunde(Int)
        case meldung(Int)
    }

    public struct HandlungsfeldRelations: Sendable {
        /// Indices into `kommunen` of profiles with the field among their `handlungsfelder`.
        public var kommunen: [Int] = []
        /// (profile index, project index) of projects in the field.
        public var projekte: [(kommune: Int, projekt: Int)] = []
        public var kaffeerunden: [Int] = []
        public var meldungen: [Int] = []
    }

    public private(set) var kommuneIndex: [String: Int] = [:]
    public private(set) var handlungsfeldIndex: [String: Int] = [:]
    /// Per profile slug: reports and news that mention it, newest first.
    public private(set) var erwaehntIn: [String: [Eintrag]] = [:]
    /// Per Landkreis slug: indices of its member profiles, by name.
    public private(set) var kreisMitglieder: [String: [Int]] = [:]
    /// Per Handlungsfeld slug.
    public private(set) var felder: [String: HandlungsfeldRelations] = [:]

    init(
        settings: SiteSettings, handlungsfelder: [Handlungsfeld], kommunen: [Kommune], kaffeerunden: [Kaffeerunde],
        meldungen: [Meldung], seiten: [Seite], media: [PassThroughFile]
    ) {
        self.settings = settings
        self.handlungsfelder = handlungsfelder
        // Keys once per profile: ICU's comparison per pair would cost more than the build's parsing.
        let keys = kommunen.map { GermanCollation.key($0.sortName) }
        self.kommunen = kommunen.indices.sorted { (keys[$0], kommunen[$0].slug) < (keys[$1], kommunen[$1].slug) }.map { kommunen[$0] }
        // Newest first; the slug breaks ties so the order never depends on the file system.
        self.kaffeerunden = kaffeerunden.sorted { ($1.datum, $0.slug) < ($0.datum, $1.slug) }
        self.meldungen = meldungen.sorted { ($1.datum, $0.slug) < ($0.datum, $1.slug) }
        let titles = seiten.map { GermanCollation.key($0.titel) }
        self.seiten = seiten.indices.sorted {
            (seiten[$0].menue ?? Int.max, titles[$0], seiten[$0].slug) < (seiten[$1].menue ?? Int.max, titles[$1], seiten[$1].slug)
        }.map { seiten[$0] }
        self.media = media.sorted { $0.path < $1.path }
        computeRelations()
    }

    /// The slugs of the Kaffeerunden announced on the build date, soonest first.
    public var termine: [String] { kaffeerunden.reversed().filter { $0.isTermin(heute: heute) }.map(\.slug) }

    public func kommune(_ slug: String) -> Kommune? { kommuneIndex[slug].map { kommunen[$0] } }
    public func handlungsfeld(_ slug: String) -> Handlungsfeld? { handlungsfeldIndex[slug].map { handlungsfelder[$0] } }
    public func seite(_ slug: String) -> Seite? { seiten.first { $0.slug == slug } }

    /// The date of an Eintrag, for sorting and display.
    public func datum(of eintrag: Eintrag) -> CalendarDate {
        switch eintrag {
        case .kaffeerunde(let i): return kaffeerunden[i].datum
        case .meldung(let i): return meldungen[i].datum
        }
    }

    private mutating func computeRelations() {
        kommuneIndex.reserveCapacity(kommunen.count)
        for (i, kommune) in kommunen.enumerated() { kommuneIndex[kommune.slug] = i }
        for (i, feld) in handlungsfelder.enumerated() { handlungsfeldIndex[feld.slug] = i }

        var byFeld = [HandlungsfeldRelations](repeating: HandlungsfeldRelations(), count: handlungsfelder.count)
        for (i, kommune) in kommunen.enumerated() {
            if let kreis = kommune.kreis?.slug { kreisMitglieder[kreis, default: []].append(i) }
            for feld in kommune.handlungsfelder {
                if let f = handlungsfeldIndex[feld.slug] { byFeld[f].kommunen.append(i) }
            }
            for (p, projekt) in kommune.projekte.enumerated() {
                if let f = handlungsfeldIndex[projekt.handlungsfeld.slug] { byFeld[f].projekte.append((i, p)) }
            }
        }

        // Reports and news are already newest first, so appending in that
        // order keeps every list newest first; both are merged by date below.
        var fromReports: [String: [Eintrag]] = [:]
        for (i, runde) in kaffeerunden.enumerated() {
            for slug in Self.mentionedSlugs(runde.impulse.compactMap(\.kommune) + runde.kommunen, body: runde.page.body) {
                fromReports[slug, default: []].append(.kaffeerunde(i))
            }
            for feld in runde.handlungsfelder {
                if let f = handlungsfeldIndex[feld.slug] { byFeld[f].kaffeerunden.append(i) }
            }
        }
        var fromNews: [String: [Eintrag]] = [:]
        for (i, meldung) in meldungen.enumerated() {
            for slug in Self.mentionedSlugs(meldung.kommunen, body: meldung.page.body) {
                fromNews[slug, default: []].append(.meldung(i))
            }
            for feld in meldung.handlungsfelder {
                if let f = handlungsfeldIndex[feld.slug] { byFeld[f].meldungen.append(i) }
            }
        }
        for (f, feld) in handlungsfelder.enumerated() { felder[feld.slug] = byFeld[f] }
        for slug in Set(fromReports.keys).union(fromNews.keys) where kommuneIndex[slug] != nil {
            erwaehntIn[slug] = merge(fromReports[slug] ?? [], fromNews[slug] ?? [])
        }
    }

    /// Merges two newest-first lists; on the same day reports come first.
    private func merge(_ a: [Eintrag], _ b: [Eintrag]) -> [Eintrag] {
        var result: [Eintrag] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && datum(of: a[i]) >= datum(of: b[j])) {
                result.append(a[i])
                i += 1
            } else {
                result.append(b[j])
                j += 1
            }
        }
        return result
    }

    /// Profile slugs named by references or linked from the body, each once.
    private static func mentionedSlugs(_ references: [Reference], body: RenderedBody) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for slug in references.map(\.slug) where seen.insert(slug).inserted { result.append(slug) }
        for link in body.links {
            guard case .page(let path, _) = link.target, let (kind, slug) = ContentKind.parse(contentPath: path),
                kind == .kommune, seen.insert(slug).inserted
            else { continue }
            result.append(slug)
        }
        return result
    }
}
