/// Kinds of files that a browser runs or renders as a page of the site when
/// they are served from `medien/`: HTML can carry scripts, XML can be XHTML
/// or an XSLT sheet, JavaScript runs when a page of the same site loads it.
/// SVG is a page too, but is checked instead (`SVGCheck`).
enum MediaTypes {
    private static let active: [String: String] = [
        "html": "HTML", "htm": "HTML", "xhtml": "XHTML", "xht": "XHTML", "shtml": "HTML",
        "xml": "XML", "xsl": "XSLT", "xslt": "XSLT",
        "js": "JavaScript", "mjs": "JavaScript", "cjs": "JavaScript",
        "php": "PHP", "phtml": "PHP",
    ]

    /// "HTML" for `medien/seite.HTML`; nil for images, PDFs and the like.
    static func activeType(of path: String) -> String? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        return active[path[path.index(after: dot)...].lowercased()]
    }
}
