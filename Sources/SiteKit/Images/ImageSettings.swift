/// What the image stage makes of a photo, and the limits it holds sources
/// to. Every setting is part of the derived files' names
/// (`ImageSettings.signature`), so changing one makes new files instead
/// of reusing old ones.
enum ImageSettings {
    /// Widths of the WebP files, in pixels. A source narrower than the
    /// largest gets one at its own width instead: never scaled up.
    static let widths = [480, 960, 1600]
    /// Width of the JPEG (or PNG) fallback for browsers without WebP.
    static let fallbackWidth = 960
    static let webpQuality = 75
    static let jpegQuality = 80

    /// Larger sources are refused: a decompression bomb or a file that
    /// does not belong on a web site.
    static let maxBytes = 20_000_000
    static let maxPixels = 50_000_000
    /// Larger sources are built, with a warning that they slow every build
    /// down and fill the repository.
    static let warnBytes = 5_000_000
    static let warnWidth = 6000

    /// Where derived files are published.
    static let outputFolder = "medien/_bilder/"

    /// What the browser is told about the image's width on screen: the
    /// text column (`--measure` in site.css) or the whole screen if narrower.
    static let sizes = "(max-width: 46rem) 100vw, 46rem"

    /// The file kinds that are turned into derived sizes; SVG and GIF pass
    /// through as they are.
    static func isPhoto(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: ".") else { return false }
        switch path[path.index(after: dot)...].lowercased() {
        case "jpg", "jpeg", "png", "webp": return true
        default: return false
        }
    }

    /// The widths derived from a source `width` pixels wide.
    static func derivedWidths(forSourceWidth width: Int) -> [Int] {
        let below = widths.filter { $0 < width }
        let top = min(width, widths.last!)
        return below.contains(top) ? below : below + [top]
    }

    /// Everything that decides the derived bytes besides the source.
    static var signature: String {
        "widths \(widths) fallback \(fallbackWidth) webp q\(webpQuality) jpeg q\(jpegQuality) png c6 libvips \(VipsPicture.version) v1"
    }
}
