import SiteTemplates
extension ViewContext {
    static func statusText(_ status: ProjektStatus) -> String {
        switch status {
        case .geplant: return "geplant"
        case .laufend: return "laufend"
        case .umgesetzt: return "umgesetzt"
        }
    }

    /// `2020`, or a date in words.
    static func stand(_ text: String) -> String {
        (try? CalendarDate.parse(text, allowMonth: true)).map(GermanFormat.date) ?? text
    }

    /// `www.bendorf.de` for `https://www.bendorf.de/`.
    static func displayURL(_ url: String) -> String {
        var text = Substring(url)
        for scheme in ["https://", "http://"] where text.hasPrefix(scheme) { text = text.dropFirst(scheme.count) }
        while text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }
}
