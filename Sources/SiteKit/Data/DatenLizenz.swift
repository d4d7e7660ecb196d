/// The licence of the open data (`daten.lizenz` in `site.yaml`), named as
/// in the DCAT-AP.de licence vocabulary (`http://dcat-ap.de/def/licenses/…`),
/// so that a later catalogue can use the same value.
public enum DatenLizenz: String, CaseIterable, Sendable {
    case dlByDe = "dl-by-de/2.0"
    case dlZeroDe = "dl-zero-de/2.0"
    case ccBy = "cc-by/4.0"
    case ccBySa = "cc-by-sa/4.0"
    case ccZero = "cc-zero"
    case odbl = "odbl"

    public var title: String {
        switch self {
        case .dlByDe: return "Datenlizenz Deutschland – Namensnennung – Version 2.0"
        case .dlZeroDe: return "Datenlizenz Deutschland – Zero – Version 2.0"
        case .ccBy: return "Creative Commons Namensnennung 4.0 International (CC BY 4.0)"
        case .ccBySa: return "Creative Commons Namensnennung – Weitergabe unter gleichen Bedingungen 4.0 International (CC BY-SA 4.0)"
        case .ccZero: return "Creative Commons Zero 1.0 Universell (CC0 1.0)"
        case .odbl: return "Open Data Commons Open Database License 1.0 (ODbL)"
        }
    }

    public var url: String {
        switch self {
        case .dlByDe: return "https://www.govdata.de/dl-de/by-2-0"
        case .dlZeroDe: return "https://www.govdata.de/dl-de/zero-2-0"
        case .ccBy: return "https://creativecommons.org/licenses/by/4.0/"
        case .ccBySa: return "https://creativecommons.org/licenses/by-sa/4.0/"
        case .ccZero: return "https://creativecommons.org/publicdomain/zero/1.0/"
        case .odbl: return "https://opendatacommons.org/licenses/odbl/1-0/"
        }
    }

    /// The licence's id in a Data Package (Open Definition / SPDX ids).
    var packageName: String {
        switch self {
        case .dlByDe: return "dl-de-by-2.0"
        case .dlZeroDe: return "dl-de-zero-2.0"
        case .ccBy: return "CC-BY-4.0"
        case .ccBySa: return "CC-BY-SA-4.0"
        case .ccZero: return "CC0-1.0"
        case .odbl: return "ODbL-1.0"
        }
    }
}
