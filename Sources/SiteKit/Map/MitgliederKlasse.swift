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
