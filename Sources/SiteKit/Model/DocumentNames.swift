/// The documents of one kind by the ways an editor names them: their slug,
/// their name or title, a profile's former names (`fruehere_namen`), and
/// the name a file was saved under when that is not a slug. A reference that names nothing (`Verbandsgemeinde Vallendar`,
/// `stadt-andernach`, `Digitale Verwaltung`) is looked up here before a
/// hint proposes anything, so that a hint names the document that exists
/// (`vallendar`) instead of a new file beside it.
///
/// Made only when a reference fails: a site without such errors never
/// builds it.
struct DocumentNames {
    /// Folded name → slugs, whole names.
    private var whole: [String: Set<String>] = [:]
    /// Folded name without its kind of Kommune (`Stadt`, `Landkreis` …) → slugs.
    private var cores: [String: Set<String>] = [:]

    /// `documents` holds each document's slug and the other names it goes by.
    init(_ documents: some Sequence<(slug: String, names: [String])>) {
        for (slug, names) in documents {
            for name in [slug] + names {
                let folded = Slug.make(from: name)
                guard !folded.isEmpty else { continue }
                whole[folded, default: []].insert(slug)
                let core = Self.core(of: folded)
                if !core.isEmpty { cores[core, default: []].insert(slug) }
            }
        }
    }

    /// The slug of the document `written` names, or nil. A name that is the
    /// whole name of a document wins over one that matches only without
    /// the kind (`Stadt Vallendar` is the Stadt if there is one, else the
    /// Verbandsgemeinde); among equals, the first slug in order.
    func slug(named written: String) -> String? {
        let folded = Slug.make(from: written)
        guard !folded.isEmpty else { return nil }
        if let found = whole[folded]?.min() { return found }
        let core = Self.core(of: folded)
        guard !core.isEmpty else { return nil }
        return cores[core]?.min()
    }

    /// What names the kind of a Kommune rather than the Kommune, at the
    /// start of a folded name: `Verbandsgemeinde Vallendar`, `Stadt
    /// Andernach`, `Landkreis Mayen-Koblenz` and `Kreis Mayen-Koblenz` all
    /// name the same place as `Vallendar`, `Andernach`, `Mayen-Koblenz`.
    /// Longer words first, so `verbandsfreie-gemeinde-` is not read as
    /// `gemeinde-` of something.
    static let kindPrefixes: [String] = [
        "verbandsfreie-gemeinde-", "kreisfreie-stadt-", "grosse-kreisstadt-", "landeshauptstadt-",
        "verbandsgemeinde-", "ortsgemeinde-", "samtgemeinde-", "hansestadt-", "kreisstadt-", "landkreis-",
        "gemeinde-", "markt-", "stadt-", "kreis-", "amt-", "vg-",
    ]

    /// `folded` without the words of `kindPrefixes` at its start (as many
    /// as there are: `landkreis-kreis-x` is `x`). A name that is nothing
    /// but such words stays as it is.
    static func core(of folded: String) -> String {
        // Compared as bytes: a file naming ten thousand missing Kommunen
        // asks this for each of them.
        var rest = Substring(folded)
        while let prefix = kindPrefixes.first(where: { rest.utf8.count > $0.utf8.count && rest.utf8.starts(with: $0.utf8) }) {
            rest = Substring(rest.utf8.dropFirst(prefix.utf8.count))
        }
        return String(rest)
    }
}
