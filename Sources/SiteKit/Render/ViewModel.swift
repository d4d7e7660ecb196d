import Mustache

/// A template's view of one thing. Each view model lists the keys templates
/// may use, with an explicit accessor per key: no reflection while
/// rendering, and the lists document the template interface
/// (see docs/templates.md).
protocol ViewModel: MustacheParent {
    static var fields: [String: (Self) -> Any?] { get }
}

extension ViewModel {
    func child(named name: String) -> Any? { Self.fields[name]?(self) }
}

/// A link as templates show it.
struct LinkView: ViewModel {
    var url: String
    var text: String
    /// `aria-current="page"` in navigation.
    var current = false

    static let fields: [String: (Self) -> Any?] = [
        "url": { $0.url }, "text": { $0.text }, "current": { $0.current },
    ]
}

/// A heading of the page body, for the table of contents.
struct TocEntry: ViewModel {
    var id: String
    var text: String
    var level: Int

    static let fields: [String: (Self) -> Any?] = [
        "id": { $0.id }, "text": { $0.text }, "level": { $0.level }, "sub": { $0.level > 2 },
    ]
}

struct BildView: ViewModel {
    var src: String
    var alt: String
    var credit: String

    static let fields: [String: (Self) -> Any?] = [
        "src": { $0.src }, "alt": { $0.alt }, "credit": { $0.credit },
    ]
}

struct QuelleView: ViewModel {
    var titel: String
    var url: String?
    var datum: String?

    static let fields: [String: (Self) -> Any?] = [
        "titel": { $0.titel }, "url": { $0.url }, "datum": { $0.datum },
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

    static let fields: [String: (Self) -> Any?] = [
        "url": { $0.url }, "titel": { $0.titel }, "datum": { $0.datum }, "iso": { $0.iso }, "art": { $0.art },
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

    static let fields: [String: (Self) -> Any?] = [
        "url": { $0.url }, "name": { $0.name }, "art": { $0.art }, "mitglied": { $0.mitglied },
        "status": { $0.status }, "einwohner": { $0.einwohner },
    ]
}
