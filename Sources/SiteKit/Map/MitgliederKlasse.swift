/// The classes the map shades Kreise by: colour and a pattern each, so
/// that no class is told apart by colour alone.
enum MitgliederKlasse: Int, CaseIterable, Sendable {
    case keine, eins, wenige, mehrere, viele

    init(_ mitglieder: Int) {
        switch mitglieder {
        case 0: self = .keine
        case 1: self = .eins
        case 2...4: self = .wenige
        case 5...9: self = .mehrere
        default: self = .viele
        }
    }

    var text: String {
        switch self {
        case .keine: return "keine Mitglieder"
        case .eins: return "1 Mitglied"
        case .wenige: return "2 bis 4 Mitglieder"
        case .mehrere: return "5 bis 9 Mitglieder"
        case .viele: return "10 und mehr Mitglieder"
        }
    }

    /// The CSS class of a Kreis of this class (`keine` has none: the default fill).
    var cssClass: String { "m\(rawValue)" }
}

extension Bundesland {
    /// The Land's two digits of the AGS, as the Kreise of the map are keyed.
    var schluessel: String {
        switch self {
        case .schleswigHolstein: return "01"
        case .hamburg: return "02"
        case .niedersachsen: return "03"
        case .bremen: return "04"
        case .nordrheinWestfalen: return "05"
        case .hessen: return "06"
        case .rheinlandPfalz: return "07"
        case .badenWuerttemberg: return "08"
        case .bayern: return "09"
        case .saarland: return "10"
        case .berlin: return "11"
        case .brandenburg: return "12"
        case .mecklenburgVorpommern: return "13"
        case .sachsen: return "14"
        case .sachsenAnhalt: return "15"
        case .thueringen: return "16"
        }
    }

    init?(schluessel: String) {
        guard let land = Bundesland.allCases.first(where: { $0.schluessel == schluessel }) else { return nil }
        self = land
    }
}
