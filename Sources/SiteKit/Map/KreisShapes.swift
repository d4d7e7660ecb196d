import Foundation

/// The Kreise of Germany as the map draws them: projected, simplified and
/// rounded to whole map units by `scripts/make-geo.py` from the BKG's
/// VG5000 (2021), carried in `KreisShapes+Data.swift`. Read once per
/// process, on first use.
struct KreisShapes: Sendable {
    struct Kreis: Sendable {
        /// The Kreis's five digits of the AGS (Land 2, Regierungsbezirk 1, Kreis 2).
        var ars: String
        /// `Landkreis`, `Kreisfreie Stadt`, `Kreis` …
        var bez: String
        var name: String
        /// SVG path data, absolute map units.
        var path: String
        /// The rings in absolute map units, for placing a point.
        var rings: [[MapPoint]]
        var box: MapBox

        var land: String { String(ars.prefix(2)) }

        /// "Landkreis Mayen-Koblenz", "Kreisfreie Stadt Koblenz", but "Rhein-Sieg-Kreis" as it is.
        var fullName: String { name.lowercased().contains("kreis") ? name : "\(bez) \(name)" }

        /// Even-odd rule over all rings: holes (enclaves) are outside.
        func contains(_ p: MapPoint) -> Bool {
            guard box.contains(p) else { return false }
            var inside = false
            for ring in rings {
                var j = ring.count - 1
                for i in ring.indices {
                    let a = ring[i], b = ring[j]
                    if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { inside.toggle() }
                    j = i
                }
            }
            return inside
        }
    }

    var projection: MapProjection
    /// Width and height of the whole map, in map units.
    var size: MapBox
    /// In order of their ARS.
    var kreise: [Kreis]
    var byARS: [String: Int]
    /// Per Land (two digits): its outline, as open path data.
    var landOutlines: [String: String]
    /// The borders between Länder and around Germany.
    var borders: String

    static let shared: KreisShapes = parse(data)

    /// Reads the generated text: lines starting with a space continue the line before.
    static func parse(_ text: String) -> KreisShapes {
        var records: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix(" "), !records.isEmpty { records[records.count - 1] += line.dropFirst() } else { records.append(String(line)) }
        }
        var shapes = KreisShapes(
            projection: MapProjection(lat1: 0, lat2: 0, lat0: 0, lon0: 0, unit: 1, x0: 0, y0: 0),
            size: MapBox(minX: 0, minY: 0, maxX: 0, maxY: 0), kreise: [], byARS: [:], landOutlines: [:], borders: "")
        for record in records {
            let tag = record.prefix(2)
            let rest = record.dropFirst(2)
            switch tag {
            case "P ":
                let v = rest.split(separator: " ").compactMap { Double($0) }
                guard v.count == 9 else { continue }
                shapes.projection = MapProjection(lat1: v[0], lat2: v[1], lat0: v[2], lon0: v[3], unit: v[4], x0: v[5], y0: v[6])
                shapes.size = MapBox(minX: 0, minY: 0, maxX: v[7], maxY: v[8])
            case "K ":
                let parts = rest.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
                guard parts.count == 3, let space = parts[0].firstIndex(of: " ") else { continue }
                let path = String(parts[2])
                let rings = Self.rings(of: path)
                let points = rings.flatMap { $0 }
                let box = MapBox(
                    minX: points.map(\.x).min() ?? 0, minY: points.map(\.y).min() ?? 0,
                    maxX: points.map(\.x).max() ?? 0, maxY: points.map(\.y).max() ?? 0)
                shapes.byARS[String(parts[0][..<space])] = shapes.kreise.count
                shapes.kreise.append(
                    Kreis(
                        ars: String(parts[0][..<space]), bez: String(parts[0][parts[0].index(after: space)...]), name: String(parts[1]),
                        path: path, rings: rings, box: box))
            case "L ":
                guard let space = rest.firstIndex(of: " ") else { continue }
                shapes.landOutlines[String(rest[..<space])] = String(rest[rest.index(after: space)...])
            case "B ":
                shapes.borders = String(rest)
            default:
                continue
            }
        }
        return shapes
    }

    /// The rings (or, for borders, lines) of path data written as `M x y l dx dy … z`,
    /// those with at least `minimum` points.
    static func rings(of path: String, minimum: Int = 3) -> [[MapPoint]] {
        var rings: [[MapPoint]] = []
        var numbers: [Double] = []
        var current = ""
        var command: Character = "M"
        func flush() {
            if let n = Double(current) { numbers.append(n) }
            current = ""
        }
        func apply() {
            flush()
            var i = 0
            while i + 1 < numbers.count {
                if command == "M" {
                    rings.append([MapPoint(x: numbers[i], y: numbers[i + 1])])
                } else if let last = rings.last?.last {
                    rings[rings.count - 1].append(MapPoint(x: last.x + numbers[i], y: last.y + numbers[i + 1]))
                }
                i += 2
            }
            numbers = []
        }
        for c in path {
            switch c {
            case "M", "l", "z":
                apply()
                command = c
            case "-":
                flush()
                current = "-"
            case " ", ",":
                flush()
            default:
                current.append(c)
            }
        }
        apply()
        return rings.filter { $0.count >= minimum }
    }

    /// The Kreis a point lies in, if any.
    func kreis(at p: MapPoint) -> Int? { kreise.indices.first { kreise[$0].contains(p) } }
}

struct MapPoint: Sendable, Hashable, Encodable {
    var x: Double
    var y: Double
}

struct MapBox: Sendable, Equatable {
    var minX: Double, minY: Double, maxX: Double, maxY: Double

    func contains(_ p: MapPoint) -> Bool { p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY }

    func union(_ other: MapBox) -> MapBox {
        MapBox(minX: min(minX, other.minX), minY: min(minY, other.minY), maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
    }
}
