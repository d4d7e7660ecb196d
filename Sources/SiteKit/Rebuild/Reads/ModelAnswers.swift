/// The model's read interface: the answers to the reads of `ModelReads`
/// for one build and, when the build keeps traces, the digest of each: `answer(_:)` answers a read with
/// the same functions the views call, and `digest(of:)` hashes that very
/// answer (`AnswerDigest`), so what a page showed and what its trace
/// checks cannot drift apart. Summaries are hashed once per build and
/// shared by all answers. The preview server keeps no traces and skips the
/// hashing.
final class ModelAnswers: Sendable {
    let model: SiteModel
    /// Settings, Handlungsfelder, theme and options: when it differs from
    /// the previous build's, no trace is trusted.
    let global: ContentHash.Digest
    /// False when a document had no source digest (a build from memory
    /// without one), or digests were not asked for: then no trace holds.
    let complete: Bool

    private let index: [ContentKind: [String: Int]]
    private let hashes: Hashes?

    // Made once and shared: made per read, the copies cost more than the views.
    let kommunen: [KommuneSummary]
    let kaffeerunden: [EintragSummary]
    let meldungen: [EintragSummary]
    private let seiten: [SeiteSummary]
    /// The Kommunen by Land and Kreis, for the pages of Länder and the
    /// overviews: derived from `kommunen` once, not per page.
    let gliederung: [Bundesland: LandGliederung]
    /// Per Handlungsfeld, its profiles and projects by Land: the pages of a
    /// large field's Länder take theirs without going through the whole field.
    private let felderByLand: [String: [Bundesland: SiteModel.HandlungsfeldRelations]]
    /// Made on first use: a site whose theme shows no map places nothing.
    private let map: Once<NetworkMap>
    private let figures: Once<NetworkFigures>

    /// What traces are checked against.
    private struct Hashes: Sendable {
        /// Per kind, in the model's order: the digest of path and source.
        var documents: [ContentKind: [ContentHash.Digest]] = [:]
        /// Per kind, in the model's order: the digest of each summary.
        var summaries: [ContentKind: [ContentHash.Digest]] = [:]
        var allSummaries: [ContentKind: ContentHash.Digest] = [:]
        var footer = ContentHash.Digest(a: 0, b: 0)
    }

    /// `sources` holds each document's digest by content path; without
    /// `hashing`, nothing is hashed and no trace can be checked.
    init(model: SiteModel, sources: [String: ContentHash.Digest], global: ContentHash.Digest, hashing: Bool = true) {
        self.model = model
        self.global = global
        let lists: [(ContentKind, [TracedDocument])] = [
            (.kommune, model.kommunen), (.kaffeerunde, model.kaffeerunden), (.meldung, model.meldungen), (.seite, model.seiten),
        ]
        var index: [ContentKind: [String: Int]] = [:]
        for (kind, list) in lists {
            index[kind] =
                kind == .kommune
                ? model.kommuneIndex
                : Dictionary(list.enumerated().map { ($1.page.slug, $0) }, uniquingKeysWith: { a, _ in a })
        }
        self.index = index
        // On all cores: a rebuild waits for these before it checks any page.
        kommunen = parallelMap(model.kommunen, KommuneSummary.init)
        kaffeerunden = parallelMap(model.kaffeerunden, EintragSummary.init)
        meldungen = parallelMap(model.meldungen, EintragSummary.init)
        seiten = model.seiten.map(SeiteSummary.init)
        gliederung = LandGliederung.of(kommunen)
        felderByLand = model.felder.mapValues { rel in
            var byLand: [Bundesland: SiteModel.HandlungsfeldRelations] = [:]
            for i in rel.kommunen { byLand[model.kommunen[i].bundesland, default: .init()].kommunen.append(i) }
            for p in rel.projekte { byLand[model.kommunen[p.kommune].bundesland, default: .init()].projekte.append(p) }
            return byLand
        }
        let kommunenList = model.kommunen
        map = Once { NetworkMap(kommunenList) }
        figures = Once { NetworkFigures(model) }
        guard hashing else {
            hashes = nil
            complete = false
            return
        }
        var hashes = Hashes()
        var complete = true
        for (kind, list) in lists {
            let made = parallelMap(list) { document -> (digest: ContentHash.Digest, sourced: Bool) in
                let path = document.page.contentPath
                var hash = ContentHash()
                hash.add(path)
                guard let source = sources[path] else { return (hash.digest, false) }
                hash.add(source)
                return (hash.digest, true)
            }
            complete = complete && made.allSatisfy(\.sourced)
            hashes.documents[kind] = made.map(\.digest)
        }
        let kinds: [(ContentKind, [any SharedSummary])] = [
            (.kommune, kommunen), (.kaffeerunde, kaffeerunden), (.meldung, meldungen), (.seite, seiten),
        ]
        for (kind, list) in kinds {
            hashes.summaries[kind] = parallelMap(list) { AnswerDigest.of($0) }
        }
        // The lists of all summaries and the footer are read by every page:
        // hashed once here, as `digest(of:)` would hash them (a test holds
        // the two to the same digests).
        let summaries = hashes.summaries
        let known = { (summary: any SharedSummary) in Self.known(summary, index: index, summaries: summaries) }
        let everyList: [ContentKind: any Encodable] = [.kommune: kommunen, .kaffeerunde: kaffeerunden, .meldung: meldungen, .seite: seiten]
        for (kind, list) in everyList {
            hashes.allSummaries[kind] = AnswerDigest.of(EncodableAnswer(list), known: known)
        }
        hashes.footer = AnswerDigest.of(Self.footer(model, seiten), known: known)
        self.hashes = hashes
        self.complete = complete
    }

    private static func inFooter(_ seite: Seite) -> Bool {
        seite.menue != nil || SiteModelBuilder.requiredPages.contains(seite.slug)
    }

    // MARK: - The reads

    func kommune(_ slug: String) -> KommuneSummary? { index[.kommune]![slug].map { kommunen[$0] } }

    func seite(_ slug: String) -> SeiteSummary? { index[.seite]![slug].map { seiten[$0] } }

    func erwaehntIn(_ slug: String) -> [EintragSummary] {
        (model.erwaehntIn[slug] ?? []).map { eintrag in
            switch eintrag {
            case .kaffeerunde(let i): return kaffeerunden[i]
            case .meldung(let i): return meldungen[i]
            }
        }
    }

    func mitglieder(_ slug: String) -> [KommuneSummary] { (model.kreisMitglieder[slug] ?? []).map { kommunen[$0] } }

    func feld(_ slug: String) -> FeldSummary { summary(of: model.felder[slug]) }

    func feld(_ slug: String, in land: Bundesland) -> FeldSummary { summary(of: felderByLand[slug]?[land]) }

    /// The Länder with profiles or projects in a Handlungsfeld, in the order of `Bundesland`.
    func laender(ofFeld slug: String) -> [Bundesland] {
        let present = felderByLand[slug] ?? [:]
        return Bundesland.allCases.filter { present[$0] != nil }
    }

    private func summary(of rel: SiteModel.HandlungsfeldRelations?) -> FeldSummary {
        guard let rel else { return FeldSummary() }
        return FeldSummary(
            kommunen: rel.kommunen.map { kommunen[$0] },
            projekte: rel.projekte.map { projekt($0.kommune, $0.projekt) },
            kaffeerunden: rel.kaffeerunden.map { kaffeerunden[$0] },
            meldungen: rel.meldungen.map { meldungen[$0] })
    }

    private func projekt(_ kommune: Int, _ index: Int) -> ProjektSummary {
        let projekt = model.kommunen[kommune].projekte[index]
        return ProjektSummary(kommune: kommunen[kommune], titel: projekt.titel, status: projekt.status, jahr: projekt.jahr)
    }

    /// The list is newest first: the older session is the next position.
    func neighbours(_ slug: String) -> Neighbours {
        guard let i = index[.kaffeerunde]![slug] else { return Neighbours() }
        return Neighbours(older: i + 1 < kaffeerunden.count ? kaffeerunden[i + 1] : nil, newer: i > 0 ? kaffeerunden[i - 1] : nil)
    }

    func footer() -> [SeiteSummary] { Self.footer(model, seiten) }

    var karte: NetworkMap { map.value }

    var statistik: NetworkFigures { figures.value }

    private static func footer(_ model: SiteModel, _ seiten: [SeiteSummary]) -> [SeiteSummary] {
        model.seiten.indices.filter { inFooter(model.seiten[$0]) }.map { seiten[$0] }
    }

    /// Answers a read as the view that made it was answered.
    func answer(_ read: PageTrace.Read) -> any Encodable {
        switch read {
        case .document(let kind, let slug):
            // The document whole: the digest of its path and source.
            return index[kind]![slug].map { hashes?.documents[kind]?[$0] }
        case .summary(.kommune, let slug): return kommune(slug)
        case .summary(.seite, let slug): return seite(slug)
        case .summary(let kind, let slug): return index[kind]![slug].map { (kind == .kaffeerunde ? kaffeerunden : meldungen)[$0] }
        case .summaries(.kommune): return kommunen
        case .summaries(.kaffeerunde): return kaffeerunden
        case .summaries(.meldung): return meldungen
        case .summaries(.seite): return seiten
        case .erwaehntIn(let slug): return erwaehntIn(slug)
        case .mitglieder(let slug): return mitglieder(slug)
        case .feld(let slug): return feld(slug)
        case .feldLand(let slug, let land): return feld(slug, in: land)
        case .neighbours(let slug): return neighbours(slug)
        case .footer: return footer()
        case .karte: return karte
        case .statistik: return statistik
        }
    }

    /// The digest this build's summary of the same document got.
    private func known(_ summary: any SharedSummary) -> ContentHash.Digest? {
        hashes.flatMap { Self.known(summary, index: index, summaries: $0.summaries) }
    }

    private static func known(
        _ summary: any SharedSummary, index: [ContentKind: [String: Int]],
        summaries: [ContentKind: [ContentHash.Digest]]
    ) -> ContentHash.Digest? {
        index[summary.kind]?[summary.slug].flatMap { summaries[summary.kind]?[$0] }
    }

    // MARK: - The digest of each read's answer

    func digest(of read: PageTrace.Read) -> ContentHash.Digest {
        guard let hashes else { return ContentHash.Digest(a: 0, b: 0) }
        switch read {
        case .summaries(let kind): return hashes.allSummaries[kind]!
        case .footer: return hashes.footer
        // A document and a summary are most of a build's reads, and their
        // answers are digests taken already: hashed here as `derivedDigest`
        // hashes them (an optional holding a digest or a known summary),
        // without the coding machinery. A test holds every read of the
        // example site to `derivedDigest`.
        case .document(let kind, let slug):
            var hash = ContentHash()
            if let i = index[kind]?[slug], let source = hashes.documents[kind]?[i] {
                hash.add("{")
                hash.add("a")
                hash.add(Int(truncatingIfNeeded: source.a))
                hash.add("b")
                hash.add(Int(truncatingIfNeeded: source.b))
            } else {
                hash.add(-1)
            }
            return hash.digest
        case .summary(let kind, let slug):
            var hash = ContentHash()
            if let i = index[kind]?[slug], let summary = hashes.summaries[kind]?[i] {
                hash.add(summary)
            } else {
                hash.add(-1)
            }
            return hash.digest
        // A Handlungsfeld's lists are the largest answers: hashed the same way.
        case .feld(let slug): return Self.feldDigest(model.felder[slug], model: model, hashes: hashes)
        case .feldLand(let slug, let land): return Self.feldDigest(felderByLand[slug]?[land], model: model, hashes: hashes)
        default: return derivedDigest(of: read)
        }
    }

    /// A `FeldSummary` as `derivedDigest` hashes it: its lists in order, each
    /// summary by its known digest, a project by its fields (`jahr` only when
    /// it has one).
    private static func feldDigest(_ rel: SiteModel.HandlungsfeldRelations?, model: SiteModel, hashes: Hashes) -> ContentHash.Digest {
        let kommunen = hashes.summaries[.kommune]!, runden = hashes.summaries[.kaffeerunde]!
        let meldungen = hashes.summaries[.meldung]!
        var hash = ContentHash()
        func list(_ key: String, _ digests: [ContentHash.Digest], _ indices: [Int]) {
            hash.add(key)
            hash.add("[")
            for i in indices {
                hash.add(",")
                hash.add(digests[i])
            }
        }
        hash.add("{")
        list("kommunen", kommunen, rel?.kommunen ?? [])
        hash.add("projekte")
        hash.add("[")
        for (kommune, index) in rel?.projekte ?? [] {
            let projekt = model.kommunen[kommune].projekte[index]
            hash.add(",")
            hash.add("{")
            hash.add("kommune")
            hash.add(kommunen[kommune])
            hash.add("titel")
            hash.add(projekt.titel)
            hash.add("status")
            hash.add(projekt.status.rawValue)
            if let jahr = projekt.jahr {
                hash.add("jahr")
                hash.add(jahr)
            }
        }
        list("kaffeerunden", runden, rel?.kaffeerunden ?? [])
        list("meldungen", meldungen, rel?.meldungen ?? [])
        return hash.digest
    }

    /// The digest of a read's answer, always taken from the answer.
    func derivedDigest(of read: PageTrace.Read) -> ContentHash.Digest {
        AnswerDigest.of(EncodableAnswer(answer(read)), known: known)
    }
}

/// An answer of any type, hashed as itself.
private struct EncodableAnswer: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
