/// Builds the view model of one page: knows every page's URL and the
/// navigation, and turns model values into what templates show. It sees
/// the model only through `reads`, which notes what the page depends on.
final class ViewContext {
    let reads: ModelReads

    init(reads: ModelReads) { self.reads = reads }

    /// Output folder of a page, e.g. `kommunen/bendorf/`.
    func path(_ kind: ContentKind, _ slug: String) -> String { kind.pagePath(slug: slug) }

    func layout(page: String, title: String, description: String?, jsonld: String? = nil) -> LayoutView {
        let settings = reads.settings
        let url = { (target: String) in SitePath.relative(from: page, to: target) }
        let sections: [(String, String)] = [
            (SitePath.kommunen, "Kommunen"), (SitePath.kaffeerunden, "Kaffeerunden"),
            (SitePath.meldungen, "Meldungen"), (SitePath.handlungsfelder, "Handlungsfelder"),
        ]
        let nav = sections.map { target, text in
            LinkView(
                url: url(target), text: text, current: page == target,
                inSection: page != target && Self.section(of: page) == target)
        }
        let footer = reads.footer().map {
            LinkView(url: url(path(.seite, $0.slug)), text: $0.titel, current: page == path(.seite, $0.slug))
        }
        let leicht = reads.seite("leichte-sprache").map {
            LinkView(url: url(path(.seite, $0.slug)), text: "Leichte Sprache", current: page == path(.seite, $0.slug))
        }
        let trail = breadcrumbs(page: page)
        let all = trail + [(page, title)]
        return LayoutView(
            lang: settings.sprache, siteTitle: settings.titel,
            title: page.isEmpty ? settings.titel : "\(title) – \(settings.titel)",
            description: description ?? settings.beschreibung ?? settings.titel,
            canonical: settings.baseURL + page, root: SitePath.rootPrefix(from: page),
            nav: nav, footer: footer, leichteSprache: leicht, jsonld: jsonld, isHome: page.isEmpty,
            herausgeber: settings.herausgeber?.name,
            breadcrumbs: trail.map { LinkView(url: url($0.path), text: $0.text) }, breadcrumbCurrent: title,
            breadcrumbJSONLD: trail.isEmpty ? nil : JSONLD.breadcrumbs(all.map { (settings.baseURL + $0.path, $0.text) }),
            isDaten: page == OpenData.folder)
    }

    /// The main menu's section a page belongs to: Land and member pages to the Kommunen.
    static func section(of page: String) -> String? {
        // The first folder of the path, without splitting the whole path: every page asks.
        let first = page.utf8.firstIndex(of: UInt8(ascii: "/")).map { page[..<$0] } ?? Substring(page)
        switch first {
        case "kommunen", "laender", "mitglieder": return SitePath.kommunen
        case "kaffeerunden": return SitePath.kaffeerunden
        case "meldungen": return SitePath.meldungen
        case "handlungsfelder": return SitePath.handlungsfelder
        default: return nil
        }
    }

    /// The pages above `page`, from the home page down: Start › Kommunen ›
    /// Rheinland-Pfalz › Landkreis Mayen-Koblenz for the profile of Bendorf.
    /// Empty for the home page.
    func breadcrumbs(page: String) -> [(path: String, text: String)] {
        let parts = page.split(separator: "/")
        guard let first = parts.first else { return [] }
        var trail: [(path: String, text: String)] = [(SitePath.home, "Start")]
        switch first {
        case "kommunen", "laender", "mitglieder":
            guard page != SitePath.kommunen else { break }
            trail.append((SitePath.kommunen, "Kommunen"))
            if first == "mitglieder", parts.count > 1 { trail.append((SitePath.mitglieder, "Mitglieder")) }
            if first == "kommunen", parts.count > 1, let k = reads.kommune(String(parts[1])) {
                trail.append((SitePath.land(k.bundesland), k.bundesland.rawValue))
                if let kreis = k.kreis.flatMap({ reads.kommune($0) }) { trail.append((path(.kommune, kreis.slug), kreis.fullName)) }
            }
        case "kaffeerunden", "meldungen", "handlungsfelder":
            if parts.count > 1, let section = Self.section(of: page) {
                trail.append((section, String(first).prefix(1).uppercased() + first.dropFirst()))
            }
            // A Land's share of a large Handlungsfeld.
            if first == "handlungsfelder", parts.count > 2, let feld = reads.handlungsfeld(String(parts[1])) {
                trail.append((SitePath.handlungsfeld(feld.slug), feld.name))
            }
        default:
            break
        }
        return trail
    }

    func link(from page: String, to kommune: KommuneSummary) -> LinkView {
        LinkView(url: SitePath.relative(from: page, to: path(.kommune, kommune.slug)), text: kommune.name)
    }

    func kommuneLinks(from page: String, _ refs: [Reference]) -> [LinkView] {
        refs.compactMap { reads.kommune($0.slug) }.map { link(from: page, to: $0) }
    }

    func feldLinks(from page: String, _ refs: [Reference]) -> [LinkView] {
        refs.compactMap { ref in
            reads.handlungsfeldName(ref.slug).map {
                LinkView(url: SitePath.relative(from: page, to: SitePath.handlungsfeld(ref.slug)), text: $0)
            }
        }
    }

    func item(from page: String, _ kommune: KommuneSummary) -> KommuneItemView {
        KommuneItemView(
            url: SitePath.relative(from: page, to: path(.kommune, kommune.slug)), name: kommune.name,
            art: kommune.art.rawValue, mitglied: kommune.isMember,
            status: kommune.mitgliedSeit.map { "Mitglied seit " + GermanFormat.date($0) } ?? "kein Mitglied",
            einwohner: kommune.einwohner.map { GermanFormat.number($0) + " Einwohner" })
    }

    /// A Kommune in a long list: name and membership only.
    func kurz(from page: String, _ kommune: KommuneSummary) -> KommuneKurzView {
        KommuneKurzView(url: SitePath.relative(from: page, to: path(.kommune, kommune.slug)), name: kommune.name, mitglied: kommune.isMember)
    }

    /// A report or news item in a list.
    func eintrag(from page: String, _ eintrag: EintragSummary) -> EintragView {
        EintragView(
            url: SitePath.relative(from: page, to: path(eintrag.kind, eintrag.slug)), titel: eintrag.titel,
            datum: GermanFormat.date(eintrag.datum), iso: eintrag.datum.description,
            art: eintrag.kind == .kaffeerunde ? "Kaffeerunde" : "Meldung")
    }

    /// The decoder leaves `alt` empty exactly for `dekorativ: true`; an
    /// empty `alt:` written out is an error there.
    func bild(from page: String, _ bild: Bild?) -> BildView? {
        bild.map {
            let prefix = SitePath.rootPrefix(from: page)
            var view = BildView(
                src: prefix + LinkTarget.percentEncoded("medien/" + $0.datei), alt: $0.alt, credit: $0.credit, dekorativ: $0.alt.isEmpty)
            if let image = reads.images["medien/" + $0.datei] {
                view.src = prefix + image.fallback.path
                view.srcset = PictureMarkup.srcset(image, prefix: prefix)
                view.sizes = ImageSettings.sizes
                view.width = image.fallback.width
                view.height = image.fallback.height
            }
            if let download = reads.images.downloads["medien/" + $0.datei] {
                view.download = DownloadView(
                    href: prefix + LinkTarget.percentEncoded(download.path), dateiname: download.fileName, format: download.format,
                    groesse: GermanFormat.fileSize(download.size))
            }
            return view
        }
    }

    /// A page body with its photos shown in their derived sizes.
    func body(from page: String, _ body: RenderedBody) -> String {
        PictureMarkup.body(body.html, links: body.links, images: reads.images, prefix: SitePath.rootPrefix(from: page))
    }

    func quellen(_ quellen: [Quelle]) -> [QuelleView] {
        quellen.map { QuelleView(titel: $0.titel, url: $0.url, datum: $0.datum.map(GermanFormat.date)) }
    }

    /// A table of contents only pays off from three headings on.
    func toc(_ body: RenderedBody) -> [TocEntry] {
        let entries = body.headings.filter { $0.level <= 3 }.map { TocEntry(id: $0.id, text: $0.text, level: $0.level) }
        return entries.count >= 3 ? entries : []
    }
}
