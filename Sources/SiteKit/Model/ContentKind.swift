/// The four kinds of Markdown page, the folder each lives in and where its
/// pages go in the output.
public enum ContentKind: String, CaseIterable, Sendable {
    case kommune, kaffeerunde, meldung, seite

    /// Hashed by its place, not by its name (see `Bundesland`).
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .kommune: hasher.combine(0)
        case .kaffeerunde: hasher.combine(1)
        case .meldung: hasher.combine(2)
        case .seite: hasher.combine(3)
        }
    }

    public var folder: String {
        switch self {
        case .kommune: return "kommunen"
        case .kaffeerunde: return "kaffeerunden"
        case .meldung: return "meldungen"
        case .seite: return "seiten"
        }
    }

    /// The output folder of a page, relative to the site root, with a
    /// trailing slash: `kommunen/bendorf/`; free pages sit at the top.
    public func pagePath(slug: String) -> String {
        self == .seite ? slug + "/" : folder + "/" + slug + "/"
    }

    /// The kind whose pages live in `folder`, e.g. `kommunen`.
    init?<S: StringProtocol>(folder: S) {
        switch folder {
        case "kommunen": self = .kommune
        case "kaffeerunden": self = .kaffeerunde
        case "meldungen": self = .meldung
        case "seiten": self = .seite
        default: return nil
        }
    }

    /// The kind and slug of a content path such as `kommunen/bendorf.md`.
    static func parse(contentPath: String) -> (ContentKind, String)? {
        let utf8 = contentPath.utf8, slash = UInt8(ascii: "/")
        guard contentPath.hasSuffix(".md"), let at = utf8.firstIndex(of: slash),
            let kind = ContentKind(folder: contentPath[..<at])
        else { return nil }
        let name = contentPath[utf8.index(after: at)...].dropLast(3)
        guard !name.utf8.contains(slash) else { return nil }
        return (kind, String(name))
    }
}

/// Site-relative page paths ("" for home, `kommunen/` …) and the relative
/// URLs between them. Every URL the site emits is relative, so it works from
/// any sub-path and from the dev server alike.
public enum SitePath {
    public static let home = ""
    public static let kommunen = "kommunen/"
    public static let kaffeerunden = "kaffeerunden/"
    public static let meldungen = "meldungen/"
    public static let handlungsfelder = "handlungsfelder/"
    public static func handlungsfeld(_ slug: String) -> String { "handlungsfelder/\(slug)/" }
    /// A Bundesland's Kreise and Kommunen. Not below `kommunen/`: a profile
    /// may take any slug there, and `berlin` or `hamburg` would be taken.
    public static func land(_ land: Bundesland) -> String { "laender/\(land.slug)/" }
    /// The members of the network, on one page or, for large networks, one per Land.
    public static let mitglieder = "mitglieder/"
    public static func mitglieder(_ land: Bundesland) -> String { "mitglieder/\(land.slug)/" }
    /// The network in figures: charts with their tables.
    public static let statistik = "statistik/"

    /// Folders the site itself uses; a free page must not take one of these names.
    static let reserved: Set<String> = [
        "kommunen", "kaffeerunden", "meldungen", "handlungsfelder", "medien", "assets", "seiten", "laender", "mitglieder", "daten",
        "statistik", "suche",
    ]

    /// `../../` for `kommunen/bendorf/`, `` for the home page.
    public static func rootPrefix(from page: String) -> String {
        // Every link of every page asks: the folders are counted on the
        // bytes, and the usual depths are made once.
        var page = page
        let depth = page.withUTF8 { bytes in bytes.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 } }
        return depth < prefixes.count ? prefixes[depth] : String(repeating: "../", count: depth)
    }

    private static let prefixes = (0..<8).map { String(repeating: "../", count: $0) }

    /// The URL of `target` as seen from `page`. The home page is `./` from
    /// itself so that the link is never empty.
    public static func relative(from page: String, to target: String) -> String {
        let url = rootPrefix(from: page) + target
        return url.isEmpty ? "./" : url
    }
}
