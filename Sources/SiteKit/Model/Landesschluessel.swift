extension Bundesland {
    /// The Land's two digits that begin every Gemeindeschlüssel in it (AGS):
    /// the map's Kreise are keyed by them, the catalogue's geocoding names them.
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
