/// What pages other than its own may show of a document. A view gets other
/// documents only in these forms, and a trace hashes exactly their fields
/// (`AnswerDigest`, from their `Encodable` conformance, so a field added
/// here is hashed without another line): a change to anything else of a
/// profile (its text, its Steckbrief) re-renders that profile's page alone.

/// A Kommune in lists, links and the Kreis of a profile.
struct KommuneSummary: Sendable, SharedSummary {
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

    var kind: ContentKind { .kommune }
    var isMember: Bool { mitgliedSeit != nil }
    var fullName: String { Kommune.fullName(name: name, art: art) }
}

/// A Kaffeerunde or Meldung in lists and as a neighbour.
struct EintragSummary: Sendable, SharedSummary {
    let kind: ContentKind
    let slug: String
    let titel: String
    let datum: CalendarDate
    /// When an announced session begins; nil for news.
    let beginn: ClockTime?

    init(_ runde: Kaffeerunde) {
        kind = .kaffeerunde
        slug = runde.slug
        titel = runde.titel
        datum = runde.datum
        beginn = runde.beginn
    }

    init(_ meldung: Meldung) {
        kind = .meldung
        slug = meldung.slug
        titel = meldung.titel
        datum = meldung.datum
        beginn = nil
    }
}

/// A Seite in the footer.
struct SeiteSummary: Sendable, SharedSummary {
    let slug: String
    let titel: String

    init(_ seite: Seite) {
        slug = seite.slug
        titel = seite.titel
    }

    var kind: ContentKind { .seite }
}

/// A project of a profile, on its Handlungsfeld's page.
struct ProjektSummary: Sendable, Encodable {
    let kommune: KommuneSummary
    let titel: String
    let status: ProjektStatus
    let jahr: Int?
}

/// Everything a Handlungsfeld's page lists.
struct FeldSummary: Sendable, Encodable {
    var kommunen: [KommuneSummary] = []
    var projekte: [ProjektSummary] = []
    var kaffeerunden: [EintragSummary] = []
    var meldungen: [EintragSummary] = []
}

/// The older and newer neighbour of a Kaffeerunde.
struct Neighbours: Sendable, Encodable {
    var older: EintragSummary?
    var newer: EintragSummary?
}

// What summaries hold is hashed through its encoding.
extension Art: Encodable {}
extension Bundesland: Encodable {}
extension ProjektStatus: Encodable {}
extension ContentKind: Encodable {}
