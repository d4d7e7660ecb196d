import Foundation

/// Mistakes that would otherwise pass in silence: each is a warning (the
/// build goes on; `--strict` makes them errors, for CI), at the file that
/// has it.
extension SiteChecks {
    /// A Meldung dated after today would head every list as the newest one
    /// and date the feed. (A Kaffeerunde in the future is an announcement
    /// and fine.) Reported at the file: the model keeps no place for `datum`.
    mutating func notInTheFuture(_ meldung: Meldung, today: CalendarDate) {
        guard meldung.page.complete, meldung.datum > today else { return }
        diagnostics.warning(meldung.page.location, .meldungInFuture, ["value": .value(meldung.datum.description)], hint: Message(.hintCheckDate))
    }

    /// Two profiles with the same AGS, or the same name in the same Kreis,
    /// are most likely one Kommune written twice. The file first in path
    /// order keeps the value; each later one gets the warning.
    mutating func duplicates(among kommunen: [Kommune]) {
        var agsOwner: [String: Kommune] = [:], nameOwner: [String: Kommune] = [:]
        for k in kommunen.sorted(by: { $0.page.contentPath < $1.page.contentPath }) where k.page.complete {
            if let ags = k.ags {
                if let first = agsOwner[ags] {
                    diagnostics.warning(
                        k.page.location, .duplicateAGS, ["ags": .value(ags), "other": .value(label(first.page.contentPath))],
                        hint: Message(.hintCheckAGS))
                } else {
                    agsOwner[ags] = k
                }
            }
            if let kreis = k.kreis {
                let key = kreis.slug + "\u{0}" + k.name
                if let first = nameOwner[key] {
                    diagnostics.warning(
                        k.page.location, .sameNameInKreis,
                        ["name": .value(k.name), "other": .value(label(first.page.contentPath)), "kreis": .value(kreis.slug)],
                        hint: Message(.hintSameName))
                } else {
                    nameOwner[key] = k
                }
            }
        }
    }
}

/// Files in medien/ are published as they are; one over 5 MB makes the
/// page that shows or links it slow on a mobile connection.
enum MediaSize {
    static let largest = 5_000_000

    static func bytes(of file: PassThroughFile) -> Int? {
        switch file.origin {
        case .memory(let data): return data.count
        case .disk(let path):
            var info = stat()
            return stat(path, &info) == 0 ? Int(info.st_size) : nil
        }
    }

    static func check(_ files: [PassThroughFile], label: (String) -> String, diagnostics: inout Diagnostics) {
        for file in files {
            guard let size = bytes(of: file), size > largest else { continue }
            diagnostics.warning(
                SourceLocation(path: label(file.path)), .mediaTooLarge, ["size": .decimal(Double(size) / 1_000_000)],
                hint: Message(.hintShrinkMedia))
        }
    }
}

extension CalendarDate {
    /// Today in the machine's time zone, as the people who write the
    /// content count days.
    static var today: CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}

extension Diagnostics {
    /// `--strict`: every warning counts as an error.
    mutating func treatWarningsAsErrors() {
        all = all.map { d in
            var d = d
            d.severity = .error
            return d
        }
    }
}
