/// The answers to the reads of `ModelReads` for one build and, when the
/// build keeps traces, the digest of each, computed once and shared by all
/// pages. Checking a trace costs a dictionary lookup and some array
/// indexing per read. The preview server keeps no traces and skips the
/// hashing.
final class ModelDigests: Sendable {
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

    /// What traces are checked against.
    private struct Hashes {
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
            index[kind] = kind == .kommune ? model.kommuneIndex
                : Dictionary(list.enumerated().map { ($1.page.slug, $0) }, uniquingKeysWith: { a, _ in a })
        }
        self.index = index
        // On all cores: a rebuild waits for these before it checks any page.
        kommunen = parallelMap(model.kommunen, KommuneSummary.init)
        kaffeerunden = parallelMap(model.kaffeerunden, EintragSummary.init)
        meldungen = parallelMap(model.meldungen, EintragSummary.init)
        seiten = model.seiten.map(SeiteSummary.init)
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
        hashes.summaries = [
            .kommune: parallelMap(kommunen) { $0.digest }, .kaffeerunde: parallelMap(kaffeerunden) { $0.digest },
            .meldung: parallelMap(meldungen) { $0.digest }, .seite: seiten.map(\.digest),
        ]
        hashes.allSummaries = hashes.summaries.mapValues { digests in
            var hash = ContentHash()
            hash.add(digests.count)
            for digest in digests { hash.add(digest) }
            return hash.digest
        }
        var footer = ContentHash()
        for i in model.seiten.indices where Self.inFooter(model.seiten[i]) { footer.add(hashes.summaries[.seite]![i]) }
        hashes.footer = footer.digest
        self.hashes = hashes
        self.complete = complete
    }

    private static func inFooter(_ seite: Seite) -> Bool {
        seite.menue != nil || SiteModelBuilder.requiredPages.contains(seite.slug)
    }

    // MARK: - The reads

    func kommune(_ slug: String) -> KommuneSummary? { index[.kommune]![slug].map { kommunen[$0] } }

    func seite(_ slug: String) -> SeiteSummary? { index[.seite]![slug].map { seiten[$0] } }

    func mentions(_ slug: String) -> [EintragSummary] {
        (model.mentions[slug] ?? []).map { mention in
            switch mention {
            case .kaffeerunde(let i): return kaffeerunden[i]
            case .meldung(let i): return meldungen[i]
            }
        }
    }

    func mitglieder(_ slug: String) -> [KommuneSummary] { (model.kreisMitglieder[slug] ?? []).map { kommunen[$0] } }

    func feld(_ slug: String) -> FeldSummary {
        guard let rel = model.felder[slug] else { return FeldSummary() }
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
    func neighbours(_ slug: String) -> (older: EintragSummary?, newer: EintragSummary?) {
        guard let (older, newer) = neighbourPositions(slug) else { return (nil, nil) }
        return (older.map { kaffeerunden[$0] }, newer.map { kaffeerunden[$0] })
    }

    private func neighbourPositions(_ slug: String) -> (older: Int?, newer: Int?)? {
        guard let i = index[.kaffeerunde]![slug] else { return nil }
        return (i + 1 < kaffeerunden.count ? i + 1 : nil, i > 0 ? i - 1 : nil)
    }

    func footer() -> [SeiteSummary] { model.seiten.indices.filter { Self.inFooter(model.seiten[$0]) }.map { seiten[$0] } }

    // MARK: - The digest of each read's answer

    /// Hashes, by their positions, the same things in the same order that
    /// the read above returns.
    func digest(of read: PageTrace.Read) -> ContentHash.Digest {
        guard let hashes else { return ContentHash.Digest(a: 0, b: 0) }
        var hash = ContentHash()
        func summary(_ kind: ContentKind, _ i: Int?) {
            guard let i else { return hash.add(-1) }
            hash.add(hashes.summaries[kind]![i])
        }
        switch read {
        case .document(let kind, let slug):
            guard let i = index[kind]![slug] else { hash.add(-1); break }
            hash.add(hashes.documents[kind]![i])
        case .summary(let kind, let slug):
            summary(kind, index[kind]![slug])
        case .summaries(let kind):
            return hashes.allSummaries[kind]!
        case .mentions(let slug):
            for mention in model.mentions[slug] ?? [] {
                switch mention {
                case .kaffeerunde(let i): summary(.kaffeerunde, i)
                case .meldung(let i): summary(.meldung, i)
                }
            }
        case .mitglieder(let slug):
            for i in model.kreisMitglieder[slug] ?? [] { summary(.kommune, i) }
        case .feld(let slug):
            let rel = model.felder[slug] ?? SiteModel.HandlungsfeldRelations()
            hash.add(rel.kommunen.count)
            for i in rel.kommunen { summary(.kommune, i) }
            hash.add(rel.projekte.count)
            for entry in rel.projekte {
                projekt(entry.kommune, entry.projekt).add(to: &hash, kommune: hashes.summaries[.kommune]![entry.kommune])
            }
            hash.add(rel.kaffeerunden.count)
            for i in rel.kaffeerunden { summary(.kaffeerunde, i) }
            hash.add(rel.meldungen.count)
            for i in rel.meldungen { summary(.meldung, i) }
        case .neighbours(let slug):
            let positions = neighbourPositions(slug)
            summary(.kaffeerunde, positions?.older)
            summary(.kaffeerunde, positions?.newer)
        case .footer:
            return hashes.footer
        }
        return hash.digest
    }
}
