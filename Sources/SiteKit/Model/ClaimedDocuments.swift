/// Documents that exist but are not published under their slug: files that
/// failed to decode (a tab in the YAML, Latin-1, no closing `---`) and files
/// whose name is not a slug. Each of them has its own error; references
/// and links to them are not reported again, so that one broken file gives
/// one error, not one more for every page that names it.
///
/// A file named `Weißenthurm.md` stands for `weissenthurm`, the slug its
/// error tells the editor to rename it to: `kommunen: [weissenthurm]` and
/// `../kommunen/weissenthurm.md` are right once it is renamed, so they are
/// not reported now. A reference by any other name (`vg-weissenthurm`) is
/// reported, with that slug as its hint: it would still be wrong after the
/// rename.
struct ClaimedDocuments: Sendable {
    /// Slugs of profiles that failed to decode or whose file is misnamed.
    private(set) var kommunen: Set<String> = []
    /// Slugs of Handlungsfelder whose entry in handlungsfelder.yaml has an error.
    var felder: Set<String>
    /// handlungsfelder.yaml could not be read at all: no reference to a
    /// Handlungsfeld is checked.
    var allFelder: Bool
    /// The path a misnamed file should have → its path
    /// (`kommunen/weissenthurm.md` → `kommunen/Weißenthurm.md`).
    private(set) var paths: [String: String] = [:]
    /// Misnamed files by kind: the slug each should have and its name as
    /// written, which hints look up as well.
    private(set) var misnamed: [ContentKind: [(slug: String, written: String)]] = [:]
    /// Slugs of documents that failed to decode, by kind.
    private(set) var unreadable: [ContentKind: [String]] = [:]

    init(felder: Set<String> = [], allFelder: Bool = false) {
        self.felder = felder
        self.allFelder = allFelder
    }

    /// A document of `kind` at `path` whose name `written` is not a slug.
    /// Nothing is claimed when a file with the right name exists as well:
    /// references then mean that one.
    mutating func misnamed(kind: ContentKind, written: String, path: String, existing: Set<String>) {
        let slug = Slug.make(from: written)
        let rightPath = "\(kind.folder)/\(slug).md"
        guard !slug.isEmpty, !existing.contains(rightPath) else { return }
        paths[rightPath] = path
        misnamed[kind, default: []].append((slug, written))
        if kind == .kommune { kommunen.insert(slug) }
    }

    /// A document of `kind` that failed to decode.
    mutating func unreadable(kind: ContentKind, slug: String) {
        let claimed = Slug.isValid(slug) ? slug : Slug.make(from: slug)
        unreadable[kind, default: []].append(claimed)
        if kind == .kommune { kommunen.insert(claimed) }
    }
}

/// What a reference or link can name: a page of one kind or a Handlungsfeld.
enum DocumentKind: Hashable, Sendable {
    case page(ContentKind)
    case handlungsfeld

    static let kommune = DocumentKind.page(.kommune)
}

/// The published documents, for the names hints look up.
struct SiteDocuments: Sendable {
    var kommunen: [Kommune]
    var kaffeerunden: [Kaffeerunde]
    var meldungen: [Meldung]
    var seiten: [Seite]
    var felder: [Handlungsfeld]
    /// Drafts left out of the build: a reference by a draft's name gets its
    /// slug as the hint (and then the error that it is a draft), not
    /// "create" a second file.
    var drafts: [PageDecoder.Decoded]

    /// Slug and name (or title, and a profile's former names) of every
    /// document of `kind`, with the
    /// documents `claims` holds.
    func names(_ kind: DocumentKind, claims: ClaimedDocuments) -> DocumentNames {
        var entries: [(slug: String, names: [String])]
        switch kind {
        case .handlungsfeld: return DocumentNames(felder.map { ($0.slug, [$0.name]) } + claims.felder.map { ($0, []) })
        case .page(.kommune): entries = kommunen.map { ($0.slug, [$0.name] + $0.fruehereNamen) }
        case .page(.kaffeerunde): entries = kaffeerunden.map { ($0.slug, [$0.titel]) }
        case .page(.meldung): entries = meldungen.map { ($0.slug, [$0.titel]) }
        case .page(.seite): entries = seiten.map { ($0.slug, [$0.titel]) }
        }
        guard case .page(let contentKind) = kind else { return DocumentNames(entries) }
        for draft in drafts {
            switch (draft, contentKind) {
            case (.kommune(let k), .kommune): entries.append((k.slug, [k.name] + k.fruehereNamen))
            case (.kaffeerunde(let r), .kaffeerunde): entries.append((r.slug, [r.titel]))
            case (.meldung(let m), .meldung): entries.append((m.slug, [m.titel]))
            case (.seite(let s), .seite): entries.append((s.slug, [s.titel]))
            default: break
            }
        }
        // A misnamed file's slug as written is no slug; it is known by the
        // one it should have.
        let misnamed = claims.misnamed[contentKind] ?? []
        if !misnamed.isEmpty {
            let rightSlug = Dictionary(misnamed.map { ($0.written, $0.slug) }, uniquingKeysWith: { a, _ in a })
            entries = entries.map { (rightSlug[$0.slug] ?? $0.slug, $0.names) }
            entries += misnamed.map { ($0.slug, [$0.written]) }
        }
        entries += (claims.unreadable[contentKind] ?? []).map { ($0, []) }
        return DocumentNames(entries)
    }

    /// The slugs of `kind`, for suggestions by spelling.
    func slugs(_ kind: DocumentKind, claims: ClaimedDocuments) -> [String] {
        switch kind {
        case .handlungsfeld: return felder.map(\.slug) + claims.felder
        case .page(.kommune): return kommunen.map(\.slug).filter(Slug.isValid) + claims.kommunen
        case .page(let contentKind):
            let published: [String]
            switch contentKind {
            case .kaffeerunde: published = kaffeerunden.map(\.slug)
            case .meldung: published = meldungen.map(\.slug)
            default: published = seiten.map(\.slug)
            }
            return published.filter(Slug.isValid) + (claims.misnamed[contentKind] ?? []).map(\.slug)
                + (claims.unreadable[contentKind] ?? [])
        }
    }
}
