/// What pages other than its own may show of a document. A view gets other
/// documents only in these forms, and a trace hashes exactly their fields:
/// a change to anything else of a profile (its text, its Steckbrief)
/// re-renders that profile's page alone.

/// A Kommune in lists, links and the Kreis of a profile.
struct KommuneSummary: Sendable {
    let slug: String
    let name: String
    let art: Art
    let bundesland: Bundesland
    /// The Kreis's slug.
    let kreis: String?
    let einwohner: Int?
    let mitgliedSeit: CalendarDate?

    init(_ k: Kommune) {
        slug = k.slug
        name = k.name
        art = k.art
        bundesland = k.bundesland
        kreis = k.kreis?.slug
        einwohner = k.einwohner
        mitgliedSeit = k.mitgliedSeit
    }

    var isMember: Bool { mitgliedSeit != nil }
    var fullName: String { Kommune.fullName(name: name, art: art) }

    var digest: ContentHash.Digest {
        var hash = ContentHash()
        hash.add(slug)
        hash.add(name)
        hash.add(art.rawValue)
        hash.add(bundesland.rawValue)
        hash.add(kreis ?? "\u{0}")
        hash.add(einwohner ?? -1)
        hash.add(mitgliedSeit?.description ?? "\u{0}")
        return hash.digest
    }
}

/// A Kaffeerunde or Meldung in lists and as a neighbour.
struct EintragSummary: Sendable {
    let kind: ContentKind
    let slug: String
    let titel: String
    let datum: CalendarDate

    init(_ runde: Kaffeerunde) {
        kind = .kaffeerunde
        slug = runde.slug
        titel = runde.titel
        datum = runde.datum
    }

    init(_ meldung: Meldung) {
        kind = .meldung
        slug = meldung.slug
        titel = meldung.titel
        datum = meldung.datum
    }

    var digest: ContentHash.Digest {
        var hash = ContentHash()
        hash.add(kind.rawValue)
        hash.add(slug)
        hash.add(titel)
        hash.add(datum.description)
        return hash.digest
    }
}

/// A Seite in the footer.
struct SeiteSummary: Sendable {
    let slug: String
    let titel: String

    init(_ seite: Seite) {
        slug = seite.slug
        titel = seite.titel
    }

    var digest: ContentHash.Digest {
        var hash = ContentHash()
        hash.add(slug)
        hash.add(titel)
        return hash.digest
    }
}

/// A project of a profile, on its Handlungsfeld's page.
struct ProjektSummary: Sendable {
    let kommune: KommuneSummary
    let titel: String
    let status: ProjektStatus
    let jahr: Int?

    func add(to hash: inout ContentHash, kommune digest: ContentHash.Digest) {
        hash.add(digest)
        hash.add(titel)
        hash.add(status.rawValue)
        hash.add(jahr ?? -1)
    }
}

/// Everything a Handlungsfeld's page lists.
struct FeldSummary: Sendable {
    var kommunen: [KommuneSummary] = []
    var projekte: [ProjektSummary] = []
    var kaffeerunden: [EintragSummary] = []
    var meldungen: [EintragSummary] = []
}
