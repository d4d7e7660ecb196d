/// One Markdown file of any kind, as every page kind has it.
public struct PageSource: Sendable {
    public var slug: String
    /// e.g. `kommunen/bendorf.md`
    public var contentPath: String
    public var location: SourceLocation
    public var entwurf: Bool
    public var body: RenderedBody
    /// False when a required value was missing or invalid: the page still
    /// takes part in the site-wide checks, so one run reports everything,
    /// but the build will not write anything.
    public var complete = true
}

public enum Art: String, CaseIterable, Sendable {
    case gemeinde = "Gemeinde"
    case ortsgemeinde = "Ortsgemeinde"
    case stadt = "Stadt"
    case kreisfreieStadt = "Kreisfreie Stadt"
    case verbandsgemeinde = "Verbandsgemeinde"
    case verbandsfreieGemeinde = "Verbandsfreie Gemeinde"
    case samtgemeinde = "Samtgemeinde"
    case amt = "Amt"
    case landkreis = "Landkreis"
}

public enum Bundesland: String, CaseIterable, Sendable {
    case badenWuerttemberg = "Baden-Württemberg"
    case bayern = "Bayern"
    case berlin = "Berlin"
    case brandenburg = "Brandenburg"
    case bremen = "Bremen"
    case hamburg = "Hamburg"
    case hessen = "Hessen"
    case mecklenburgVorpommern = "Mecklenburg-Vorpommern"
    case niedersachsen = "Niedersachsen"
    case nordrheinWestfalen = "Nordrhein-Westfalen"
    case rheinlandPfalz = "Rheinland-Pfalz"
    case saarland = "Saarland"
    case sachsen = "Sachsen"
    case sachsenAnhalt = "Sachsen-Anhalt"
    case schleswigHolstein = "Schleswig-Holstein"
    case thueringen = "Thüringen"

    /// `rheinland-pfalz`, `baden-wuerttemberg`: the folder of its page.
    public var slug: String { Slug.make(from: rawValue) }

    /// Hashed by its place in the list: a type with raw values would
    /// otherwise hash its name (`Baden-Württemberg`) for every lookup of
    /// the many tables keyed by Land.
    public func hash(into hasher: inout Hasher) {
        let place: Int
        switch self {
        case .badenWuerttemberg: place = 0
        case .bayern: place = 1
        case .berlin: place = 2
        case .brandenburg: place = 3
        case .bremen: place = 4
        case .hamburg: place = 5
        case .hessen: place = 6
        case .mecklenburgVorpommern: place = 7
        case .niedersachsen: place = 8
        case .nordrheinWestfalen: place = 9
        case .rheinlandPfalz: place = 10
        case .saarland: place = 11
        case .sachsen: place = 12
        case .sachsenAnhalt: place = 13
        case .schleswigHolstein: place = 14
        case .thueringen: place = 15
        }
        hasher.combine(place)
    }
}

public enum ProjektStatus: String, CaseIterable, Sendable {
    case geplant, laufend, umgesetzt
}

/// A class: pages are passed around by the thousand (model, checks,
/// views, caches), and copying one is then one reference count, not one per field.
public final class Kommune: Sendable {
    public struct Leitung: Sendable {
        public var amt: String
        public var name: String
    }
    public struct Kontakt: Sendable {
        public var funktion: String
        public var name: String?
        public var seit: CalendarDate?
        public var email: String?
        public var telefon: String?
    }
    public struct Projekt: Sendable {
        public var titel: String
        public var handlungsfeld: Reference
        public var status: ProjektStatus
        public var jahr: Int?
    }

    public let page: PageSource
    public let name: String
    public let art: Art
    public let bundesland: Bundesland
    public let kreis: Reference?
    public let ags: String?
    public let einwohner: Int?
    public let einwohnerStand: String?
    public let mitgliedSeit: CalendarDate?
    /// The lead of the profile; without it, the body's first paragraph leads.
    public let kurzbeschreibung: String?
    /// When the profile was last checked as a whole.
    public let stand: CalendarDate?
    public let leitung: Leitung?
    public let kontakt: [Kontakt]
    public let website: String?
    public let koordinaten: (breite: Double, laenge: Double)?
    public let handlungsfelder: [Reference]
    public let projekte: [Projekt]
    public let foerderung: [String]
    public let quellen: [Quelle]
    public let bild: Bild?
    /// "Landkreis Mayen-Koblenz", but "Rhein-Sieg-Kreis" and "Kreis Mettmann"
    /// as they are: names that already say Kreis keep their form. Made once:
    /// every page that names the Kommune asks for it.
    public let fullName: String
    /// What lists sort by: a Landkreis by its proper name, so that
    /// "Kreis Mooshorst" and "Landkreis Schönach" file under M and S.
    public let sortName: String
    /// Names the Kommune had before (a merger, a renamed file): not shown,
    /// but a reference by one of them gets this profile as its hint.
    public let fruehereNamen: [String]

    init(
        page: PageSource, name: String, art: Art, bundesland: Bundesland, kreis: Reference?, ags: String?,
        einwohner: Int?, einwohnerStand: String?, mitgliedSeit: CalendarDate?,
        kurzbeschreibung: String?, stand: CalendarDate?, leitung: Leitung?,
        kontakt: [Kontakt], website: String?, koordinaten: (breite: Double, laenge: Double)?,
        handlungsfelder: [Reference], projekte: [Projekt], foerderung: [String], quellen: [Quelle], bild: Bild?,
        fruehereNamen: [String] = []
    ) {
        self.page = page
        self.name = name
        self.art = art
        self.bundesland = bundesland
        self.kreis = kreis
        self.ags = ags
        self.einwohner = einwohner
        self.einwohnerStand = einwohnerStand
        self.mitgliedSeit = mitgliedSeit
        self.kurzbeschreibung = kurzbeschreibung
        self.stand = stand
        self.leitung = leitung
        self.kontakt = kontakt
        self.website = website
        self.koordinaten = koordinaten
        self.handlungsfelder = handlungsfelder
        self.projekte = projekte
        self.foerderung = foerderung
        self.quellen = quellen
        self.bild = bild
        fullName = Self.fullName(name: name, art: art)
        sortName = Self.sortName(name: name, art: art)
        self.fruehereNamen = fruehereNamen
    }

    public var slug: String { page.slug }
    public var isMember: Bool { mitgliedSeit != nil }

    static func sortName(name: String, art: Art) -> String {
        guard art == .landkreis else { return name }
        for prefix in ["Landkreis ", "Kreis ", "Regionalverband ", "Region "] where name.hasPrefix(prefix) {
            return String(name.dropFirst(prefix.count))
        }
        return name
    }

    static func fullName(name: String, art: Art) -> String {
        guard art == .landkreis else { return "\(art.rawValue) \(name)" }
        return containsKreis(name) ? name : "Landkreis \(name)"
    }

    /// Whether `name` has "kreis" in it, in any case, as `lowercased()`
    /// and Foundation's `contains` say. Names are asked for on every page
    /// that shows a Kreis, so they are searched on their bytes: lowering
    /// turns no other character into one of these ASCII letters but the
    /// Kelvin sign (U+212A, lead byte E2) and İ (U+0130, lead byte C4,
    /// "i" and a combining dot); names with those lead bytes are lowered.
    static func containsKreis(_ name: String) -> Bool {
        let ascii = name.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard !bytes.contains(where: { $0 == 0xE2 || $0 == 0xC4 }) else { return nil }
            let word = Array("kreis".utf8)
            guard bytes.count >= word.count else { return false }
            return (0...(bytes.count - word.count)).contains { start in
                (0..<word.count).allSatisfy { bytes[start + $0] | 0x20 == word[$0] }
            }
        }
        if let ascii, let found = ascii { return found }
        return name.lowercased().contains("kreis")
    }
}

public final class Kaffeerunde: Sendable {
    public struct Impuls: Sendable {
        public var name: String
        public var funktion: String?
        public var kommune: Reference?
        public var thema: String?
    }

    public let page: PageSource
    public let titel: String
    public let datum: CalendarDate
    public let reihe: String
    public let teilnehmende: Int?
    public let impulse: [Impuls]
    public let handlungsfelder: [Reference]
    public let kommunen: [Reference]
    public let bild: Bild?
    public let quellen: [Quelle]
    /// When the session begins and ends, in German time; announcements
    /// name them, and the calendar uses them.
    public let beginn: ClockTime?
    public let ende: ClockTime?
    /// Where to register for an announced session.
    public let anmeldung: String?

    init(
        page: PageSource, titel: String, datum: CalendarDate, reihe: String, teilnehmende: Int?,
        impulse: [Impuls], handlungsfelder: [Reference], kommunen: [Reference], bild: Bild?, quellen: [Quelle],
        beginn: ClockTime? = nil, ende: ClockTime? = nil, anmeldung: String? = nil
    ) {
        self.page = page
        self.titel = titel
        self.datum = datum
        self.reihe = reihe
        self.teilnehmende = teilnehmende
        self.impulse = impulse
        self.handlungsfelder = handlungsfelder
        self.kommunen = kommunen
        self.bild = bild
        self.quellen = quellen
        self.beginn = beginn
        self.ende = ende
        self.anmeldung = anmeldung
    }

    public var slug: String { page.slug }

    /// An announcement ("Termin") rather than a report: the session takes
    /// place on the build date or later. A session of today is still
    /// announced; the next day's build turns it into a report.
    public func isTermin(heute: CalendarDate) -> Bool { datum >= heute }
}

public final class Meldung: Sendable {
    public let page: PageSource
    public let titel: String
    public let datum: CalendarDate
    public let kommunen: [Reference]
    public let handlungsfelder: [Reference]
    public let bild: Bild?
    public let quellen: [Quelle]

    init(
        page: PageSource, titel: String, datum: CalendarDate, kommunen: [Reference],
        handlungsfelder: [Reference], bild: Bild?, quellen: [Quelle]
    ) {
        self.page = page
        self.titel = titel
        self.datum = datum
        self.kommunen = kommunen
        self.handlungsfelder = handlungsfelder
        self.bild = bild
        self.quellen = quellen
    }

    public var slug: String { page.slug }
}

public final class Seite: Sendable {
    public let page: PageSource
    public let titel: String
    public let menue: Int?

    init(page: PageSource, titel: String, menue: Int?) {
        self.page = page
        self.titel = titel
        self.menue = menue
    }

    public var slug: String { page.slug }
}

public struct Handlungsfeld: Sendable {
    public var slug: String
    public var name: String
    public var beschreibung: String?
    public var location: SourceLocation
}

public struct SiteSettings: Sendable {
    public struct Herausgeber: Sendable {
        public var name: String
        public var anschrift: String?
        public var email: String?
        public var telefon: String?
    }

    public var titel: String
    public var beschreibung: String?
    /// Always ends with `/`.
    public var baseURL: String
    public var sprache: String
    public var herausgeber: Herausgeber?
    public var markdownHTML: Bool
    /// `daten.lizenz`: the licence of the files in `daten/`.
    public var datenLizenz: DatenLizenz = .dlByDe
    /// `daten.contributor_id`: the publisher's IRI in GovData's list of
    /// contributors (`http://dcat-ap.de/def/contributors/…`), for the catalogue.
    public var datenContributorID: String? = nil
}
