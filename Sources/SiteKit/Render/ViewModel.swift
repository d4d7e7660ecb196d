import SiteTemplates
/// A template's view of one thing. Each view model lists the keys templates
/// may use, each with the key path of the property it reads: no reflection
/// while rendering, the compiler checks every entry, and the lists are the
/// template interface that docs/templates.md is held to (`TemplateDocsTests`).
protocol ViewModel: FieldsObject {}

/// A link as templates show it.
struct LinkView: ViewModel {
    var url: String
    var text: String
    /// `aria-current="page"` in navigation.
    var current = false
    /// The menu entry of the section a detail page belongs to: `aria-current="true"`.
    var inSection = false

    static let fields: Fields<Self> = [
        "url": .key(\.url), "text": .key(\.text), "current": .key(\.current),
        "in_section": .key(\.inSection),
    ]
}

/// A heading of the page body, for the table of contents.
struct TocEntry: ViewModel {
    var id: String
    var text: String
    var level: Int

    static let fields: Fields<Self> = [
        "id": .key(\.id), "text": .key(\.text), "level": .key(\.level),  // Below a second-level heading: indented in the table of contents.
        "sub": .key(\.level) { $0 > 2 },
    ]
}

struct BildView: ViewModel {
    /// The JPEG or PNG fallback of a photo; an SVG or GIF itself.
    var src: String
    var alt: String
    var credit: String
    /// Decoration only: no caption may present it as content.
    var dekorativ: Bool
    /// The WebP sizes of a photo for `<source srcset>`; nil for SVG and GIF.
    var srcset: String? = nil
    var sizes: String? = nil
    /// Of the fallback, for `<img width height>`.
    var width: Int? = nil
    var height: Int? = nil
    /// The original offered below the image (`bild.download`).
    var download: DownloadView? = nil

    static let fields: Fields<Self> = [
        "src": .key(\.src), "alt": .key(\.alt), "credit": .key(\.credit), "dekorativ": .key(\.dekorativ),
        "srcset": .key(\.srcset), "sizes": .key(\.sizes),
        "width": .key(\.width), "height": .key(\.height),
        "download": .key(\.download),
    ]
}

/// A file offered for download: where it is, the name to save it under,
/// and what the link says of it (`JPEG`, `4,9 MB`).
struct DownloadView: ViewModel {
    var href: String
    var dateiname: String
    var format: String
    var groesse: String

    static let fields: Fields<Self> = [
        "href": .key(\.href), "dateiname": .key(\.dateiname), "format": .key(\.format),
        "groesse": .key(\.groesse),
    ]
}

struct QuelleView: ViewModel {
    var titel: String
    var url: String?
    var datum: String?

    static let fields: Fields<Self> = [
        "titel": .key(\.titel), "url": .key(\.url), "datum": .key(\.datum),
    ]
}

/// A report or news item in a list.
struct EintragView: ViewModel {
    var url: String
    var titel: String
    var datum: String
    /// ISO date for `<time datetime>`.
    var iso: String
    /// `Kaffeerunde` or `Meldung`.
    var art: String

    static let fields: Fields<Self> = [
        "url": .key(\.url), "titel": .key(\.titel), "datum": .key(\.datum), "iso": .key(\.iso),
        "art": .key(\.art),
    ]
}

/// A Kommune in a list.
struct KommuneItemView: ViewModel {
    var url: String
    var name: String
    var art: String
    var mitglied: Bool
    /// "Mitglied seit November 2020" or "kein Mitglied".
    var status: String
    var einwohner: String?

    static let fields: Fields<Self> = [
        "url": .key(\.url), "name": .key(\.name), "art": .key(\.art), "mitglied": .key(\.mitglied),
        "status": .key(\.status), "einwohner": .key(\.einwohner),
    ]
}
