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
}

public enum ProjektStatus: String, CaseIterable, Sendable {
    case geplant, laufend, umgesetzt
}

public struct Kommune: Sendable {
    public struct Leitung: Sendable { public var amt: String; public var name: String }
    public struct Kontakt: Sendable { public var funktion: String; public var name: String?; public var seit: CalendarDate? }
    public struct Projekt: Sendable {
        public var titel: String
        public var handlungsfeld: Reference
        public var status: ProjektStatus
        public var jahr: Int?
    }

    public var page: PageSource
    public var name: String
    public var art: Art
    public var bundesland: Bundesland
    public var kreis: Reference?
    public var ags: String?
    public var einwohner: Int?
    public var einwohnerStand: String?
    public var mitgliedSeit: CalendarDate?
    public var leitung: Leitung?
    public var kontakt: [Kontakt]
    public var website: String?
    public var koordinaten: (breite: Double, laenge: Double)?
    public var handlungsfelder: [Reference]
    public var projekte: [Projekt]
    public var foerderung: [String]
    public var quellen: [Quelle]
    public var bild: Bild?

    public var slug: String { page.slug }
    public var isMember: Bool { mitgliedSeit != nil }

    /// "Landkreis Mayen-Koblenz", but "Rhein-Sieg-Kreis" and "Kreis Mettmann"
    /// as they are: names that already say Kreis keep their form.
    public var fullName: String {
        guard art == .landkreis else { return "\(art.rawValue) \(name)" }
        return name.lowercased().contains("kreis") ? name : "Landkreis \(name)"
    }
}

public struct Kaffeerunde: Sendable {
    public struct Impuls: Sendable {
        public var name: String
        public var funktion: String?
        public var kommune: Reference?
        public var thema: String?
    }

    public var page: PageSource
    public var titel: String
    public var datum: CalendarDate
    public var reihe: String
    public var teilnehmende: Int?
    public var impulse: [Impuls]
    public var handlungsfelder: [Reference]
    public var kommunen: [Reference]
    public var bild: Bild?
    public var quellen: [Quelle]

    public var slug: String { page.slug }
}

public struct Meldung: Sendable {
    public var page: PageSource
    public var titel: String
    public var datum: CalendarDate
    public var kommunen: [Reference]
    public var handlungsfelder: [Reference]
    public var bild: Bild?
    public var quellen: [Quelle]

    public var slug: String { page.slug }
}

public struct Seite: Sendable {
    public var page: PageSource
    public var titel: String
    public var menue: Int?

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
}
