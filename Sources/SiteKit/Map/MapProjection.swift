import Foundation

/// Lambert's conformal conic projection on a sphere, with the parameters the
/// shapes were projected with (`scripts/make-geo.py`), so that a Kommune's
/// `koordinaten` land where the Kreise are drawn.
struct MapProjection: Sendable {
    var lat1: Double, lat2: Double, lat0: Double, lon0: Double
    /// Kilometres per map unit.
    var unit: Double
    /// Where the projection's origin lies on the map, in map units.
    var x0: Double, y0: Double

    private static let earthRadius = 6371.0

    /// A point in map units; y grows southwards, as in SVG.
    func point(lat: Double, lon: Double) -> MapPoint {
        let rad = Double.pi / 180
        let f1 = lat1 * rad, f2 = lat2 * rad, f0 = lat0 * rad
        let t = { (f: Double) in tan(Double.pi / 4 + f / 2) }
        let n = log(cos(f1) / cos(f2)) / log(t(f2) / t(f1))
        let big = cos(f1) * pow(t(f1), n) / n
        let rho = Self.earthRadius * big / pow(t(lat * rad), n)
        let rho0 = Self.earthRadius * big / pow(t(f0), n)
        let theta = n * (lon - lon0) * rad
        let x = rho * sin(theta), y = rho0 - rho * cos(theta)
        return MapPoint(x: x / unit + x0, y: -y / unit + y0)
    }
}
