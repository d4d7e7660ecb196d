import SiteTemplates
/// A template's view of one thing. Each view model lists the keys templates
/// may use, with an explicit accessor per key: no reflection while
/// rendering, and the lists document the template interface
/// (see docs/templates.md).
protocol ViewModel: TemplateObject, TemplateRepresentable {
    static var fields: Fields<Self> { get }
}

extension ViewModel {
    func value(for key: FieldKey) -> TemplateValue { Self.fields.value(key, of: self) }
    var templateValue: TemplateValue { .object(self) }
}

/// A link as templates show it.
struct LinkView: ViewModel {
    var url: String
    var text: String
    /// `aria-current="page"` in navigation.
    var current = false
    /// The menu entry of the section a detail page belongs to: `aria-current="true"`.
    var inSection = false

    static let fields: Fields<Self> = [
        "url": { .string($0.url) }, "text": { .string($0.text) }, "current": { .bool($0.current) },
        "in_section": { .bool($0.inSection) },
    ]
}

/// A heading of the page body, for the table of contents.
struct TocEntry: ViewModel {
    var id: String
    var text: String
    var level: Int

    static let fields: Fields<Self> = [
        "id": { .string($0.id) }, "text": { .string($0.text) }, "level": { .int($0.level) }, "sub": { .bool($0.level > 2) },
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
        "src": { .string($0.src) }, "alt": { .string($0.alt) }, "credit": { .string($0.credit) }, "dekorativ": { .bool($0.dekorativ) },
        "srcset": { .string($0.srcset) }, "sizes": { .string($0.sizes) },
        "width": { $0.width.map { .int($0) } ?? .null }, "height": { $0.height.map { .int($0) } ?? .null },
        "download": { .object($0.download) },
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
        "href": { .string($0.href) }, "dateiname": { .string($0.dateiname) }, "format": { .string($0.format) },
        "groesse": { .string($0.groesse) },
    ]
}

struct QuelleView: ViewModel {
    var titel: String
    var url: String?
    var datum: String?

    static let fields: Fields<Self> = [
        "titel": { .string($0.titel) }, "url": { .string($0.url) }, "datum": { .string($0.datum) },
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
        "url": { .string($0.url) }, "titel": { .string($0.titel) }, "datum": { .string($0.datum) }, "iso": { .string($0.iso) },
        "art": { .string($0.art) },
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
        "url": { .string($0.url) }, "name": { .string($0.name) }, "art": { .string($0.art) }, "mitglied": { .bool($0.mitglied) },
        "status": { .string($0.status) }, "einwohner": { .string($0.einwohner) },
    ]
}
