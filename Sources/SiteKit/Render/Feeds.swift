import SiteText
/// The machine-readable files: Atom feed, sitemap and robots.txt.
enum Feeds {
    static func atom(_ model: SiteModel, limit: Int = 50) -> String {
        let base = model.settings.baseURL
        struct Entry {
            var titel: String
            var path: String
            var datum: CalendarDate
            var art: String
        }
        // An announced Kaffeerunde is not news yet: it is in the calendar
        // (`daten/kaffeerunden.ics`) and joins the feed with its report,
        // dated as held, so the feed is never dated in the future by it.
        var entries =
            model.kaffeerunden.filter { !$0.isTermin(heute: model.heute) }.map {
                Entry(titel: $0.titel, path: ContentKind.kaffeerunde.pagePath(slug: $0.slug), datum: $0.datum, art: "Kaffeerunde")
            }
            + model.meldungen.map { Entry(titel: $0.titel, path: ContentKind.meldung.pagePath(slug: $0.slug), datum: $0.datum, art: "Meldung") }
        entries.sort { ($1.datum, $0.path) < ($0.datum, $1.path) }
        entries = Array(entries.prefix(limit))
        // The feed's date is that of its newest entry, never the build time:
        // the same content gives the same bytes.
        let updated = entries.first.map { stamp($0.datum) } ?? "1970-01-01T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(escape(model.settings.sprache))">
              <title>\(escape(model.settings.titel))</title>

            """
        if let d = model.settings.beschreibung { xml += "  <subtitle>\(escape(d))</subtitle>\n" }
        xml += "  <id>\(escape(base))</id>\n"
        xml += "  <link rel=\"self\" href=\"\(escape(base))feed.xml\"/>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(base))\"/>\n"
        xml += "  <updated>\(updated)</updated>\n"
        xml += "  <author><name>\(escape(model.settings.herausgeber?.name ?? model.settings.titel))</name></author>\n"
        for e in entries {
            xml += """
                  <entry>
                    <title>\(escape(e.titel))</title>
                    <link rel="alternate" type="text/html" href="\(escape(base + e.path))"/>
                    <id>\(escape(base + e.path))</id>
                    <updated>\(stamp(e.datum))</updated>
                    <category term="\(e.art)"/>
                  </entry>

                """
        }
        xml += "</feed>\n"
        return xml
    }

    static func sitemap(paths: [String], baseURL: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths.sorted() {
            xml += "  <url><loc>\(escape(baseURL + path))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    static func robots(baseURL: String) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n"
    }

    private static func stamp(_ date: CalendarDate) -> String {
        var d = date
        if d.day == nil { d.day = 1 }
        return d.description + "T00:00:00Z"
    }

    /// XML text and attribute values; `'` as `&#39;` is valid XML too.
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
