import SiteText

/// A horizontal bar chart as inline SVG: a row per label, its bar made of
/// one or more stacked series (each with its own fill and pattern, so that
/// series are told apart without colour), and the total at the bar's end.
/// The chart is a picture of the table beside it (`role="img"` with a
/// name); the numbers are read from that table.
enum BarChart {
    struct Row {
        var label: String
        var werte: [Int]
    }

    static let width = 640.0
    private static let rowHeight = 24.0
    private static let barHeight = 16.0

    /// `series` is the number of stacked values per row; `label` names the picture.
    static func svg(rows: [Row], series: Int, label: String) -> String {
        // Room for the longest label at about 7 units a character (13 px text), within bounds.
        let longest = rows.map(\.label.count).max() ?? 0
        let labelWidth = min(320, max(60, Double(longest) * 7 + 12))
        let barArea = width - labelWidth - 56
        let maximum = max(rows.map { $0.werte.prefix(series).reduce(0, +) }.max() ?? 0, 1)
        let height = Double(rows.count) * rowHeight + 8
        var svg = "<svg class=\"diagramm\" viewBox=\"0 0 \(MapSVG.num(width)) \(MapSVG.num(height))\" role=\"img\" aria-label=\""
        svg += HTMLEscaping.escape(label) + "\">"
        for (i, row) in rows.enumerated() {
            let y = 4 + Double(i) * rowHeight
            let textY = MapSVG.num(y + barHeight - 3)
            svg += "<text x=\"\(MapSVG.num(labelWidth - 8))\" y=\"\(textY)\" text-anchor=\"end\">\(HTMLEscaping.escape(row.label))</text>"
            var x = labelWidth
            for (s, value) in row.werte.prefix(series).enumerated() where value > 0 {
                let w = barArea * Double(value) / Double(maximum)
                svg += "<rect class=\"s\(series == 1 ? 2 : s)\" x=\"\(MapSVG.num(x))\" y=\"\(MapSVG.num(y))\" width=\"\(MapSVG.num(max(w, 1)))\" "
                svg += "height=\"\(MapSVG.num(barHeight))\"/>"
                x += w
            }
            let total = row.werte.prefix(series).reduce(0, +)
            svg += "<text x=\"\(MapSVG.num(x + 6))\" y=\"\(textY)\">\(GermanFormat.number(total))</text>"
        }
        return svg + "</svg>"
    }

    /// The fills of the series, once per page that has a stacked chart.
    static let patterns =
        "<svg class=\"muster\" aria-hidden=\"true\" width=\"0\" height=\"0\"><defs>"
        + "<pattern id=\"diagramm-s0\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        + "<rect width=\"6\" height=\"6\" fill=\"#cfe3f3\"/><path d=\"M0 0v6\" stroke=\"#1d4f7a\" stroke-width=\"2\"/></pattern>"
        + "<pattern id=\"diagramm-s1\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
        + "<rect width=\"6\" height=\"6\" fill=\"#7fb3dc\"/><circle cx=\"3\" cy=\"3\" r=\"1.4\" fill=\"#0b2e4f\"/></pattern>"
        + "</defs></svg>"

    /// A swatch of a series for the legend.
    static func swatch(_ series: Int) -> String {
        "<svg class=\"swatch\" viewBox=\"0 0 24 16\" aria-hidden=\"true\"><rect class=\"s\(series)\" width=\"24\" height=\"16\"/></svg>"
    }
}
