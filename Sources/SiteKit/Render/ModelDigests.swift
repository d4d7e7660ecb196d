/// The answers to the reads of `ModelReads` for one build, with the digest
/// of each, computed once and shared by all pages. Checking a trace costs
/// a dictionary lookup and some array indexing per read.
final class ModelDigests: Sendable {
    let model: SiteModel
    /// Settings, Handlungsfelder, theme and options: when it differs from
    /// the previous build's, no trace is trusted.
    let global: ContentHash.Digest
    /// False when a document had no source digest (a build from memory
    /// without one): then no trace holds.
    let complete: Bool

    /// Per kind, in the model's order: the digest of path and source.
    private let documents: [ContentKind: [ContentHash.Digest]]
    private let index: [ContentKind: [String: Int]]

    let kommunen: [KommuneSummary]
    let kaffeerunden: [EintragSummary]
    let meldungen: [EintragSummary]
    private let seiten: [SeiteSummary]
    /// Per kind, in the model's order: the digest of each summary.
    private let summaryDigests: [ContentKind: [ContentHash.Digest]]
    private let allSummaries: [ContentKind: ContentHash.Digest]
    private let footerDigest: ContentHash.Digest

    /// `sources` holds each document's digest by content path.
    init(model: SiteModel, sources: [String: ContentHash.Digest], global: ContentHash.Digest) {
        self.model = model
        self.global = global
        let lists: [(ContentKind, [TracedDocument])] = [
            (.kommune, model.kommunen), (.kaffeerunde, model.kaffeerunden), (.meldung, model.meldungen), (.seite, model.seiten),
        ]
        var documents: [ContentKind: [ContentHash.Digest]] = [:]
        var index: [ContentKind: [String: Int]] = [:]
        var complete = true
        for (kind, list) in lists {
            documents[kind] = list.map { document in
                let path = document.page.contentPath
                var hash = ContentHash()
                hash.add(path)
                if let source = sources[path] { hash.add(source) } else { complete = false }
                return hash.digest
            }
            index[kind] = kind == .kommune ? model.kommuneIndex
                : Dictionary(list.enumerated().map { ($1.page.slug, $0) }, uniquingKeysWith: { a, _ in a })
        }
        self.documents = documents
        self.index = index
        self.complete = complete

        kommunen = model.kommunen.map(KommuneSummary.init)
        kaffeerunden = model.kaffeerunden.map(EintragSummary.init)
        meldungen = model.meldungen.map(EintragSummary.init)
        seiten = model.seiten.map(SeiteSummary.init)
        let summaryDigests: [ContentKind: [ContentHash.Digest]] = [
            .kommune: kommunen.map(\.digest), .kaffeerunde: kaffeerunden.map(\.digest),
            .meldung: meldungen.map(\.digest), .seite: seiten.map(\.digest),
        ]
        self.summaryDigests = summaryDigests
        allSummaries = summaryDigests.mapValues { digests in
            var hash = ContentHash()
            hash.add(digests.count)
            for digest in digests { hash.add(digest) }
            return hash.digest
        }
        var footer = ContentHash()
        for i in model.seiten.indices where Self.inFooter(model.seiten[i]) { footer.add(summaryDigests[.seite]![i]) }
        footerDigest = footer.digest
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
            projekte: rel.projekte.map { entry in
                let projekt = model.kommunen[entry.kommune].projekte[entry.projekt]
                return ProjektSummary(kommune: kommunen[entry.kommune], titel: projekt.titel, status: projekt.status, jahr: projekt.jahr)
            },
            kaffeerunden: rel.kaffeerunden.map { kaffeerunden[$0] },
            meldungen: rel.meldungen.map { meldungen[$0] })
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
        var hash = ContentHash()
        func summary(_ kind: ContentKind, _ i: Int?) {
            guard let i else { return hash.add(-1) }
            hash.add(summaryDigests[kind]![i])
        }
        switch read {
        case .document(let kind, let slug):
            guard let i = index[kind]![slug] else { hash.add(-1); break }
            hash.add(documents[kind]![i])
        case .summary(let kind, let slug):
            summary(kind, index[kind]![slug])
        case .summaries(let kind):
            return allSummaries[kind]!
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
                let projekt = model.kommunen[entry.kommune].projekte[entry.projekt]
                ProjektSummary(kommune: kommunen[entry.kommune], titel: projekt.titel, status: projekt.status, jahr: projekt.jahr)
                    .add(to: &hash, kommune: summaryDigests[.kommune]![entry.kommune])
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
            return footerDigest
        }
        return hash.digest
    }
}
