/// Builds view models for pages of one site: knows every page's URL and
/// the navigation, and turns model values into what templates show.
///
/// A class: every page's job holds it, and a reference is cheaper to hold
/// thirteen thousand times than a copy of the whole model.
final class ViewContext: Sendable {
    let model: SiteModel

    init(model: SiteModel) { self.model = model }

    /// Output folder of a page, e.g. `kommunen/bendorf/`.
    func path(_ kind: ContentKind, _ slug: String) -> String { kind.pagePath(slug: slug) }

    func layout(page: String, title: String, description: String?, jsonld: String? = nil) -> LayoutView {
        let settings = model.settings
        let sections: [(String, String)] = [
            (SitePath.kommunen, "Kommunen"), (SitePath.kaffeerunden, "Kaffeerunden"),
            (SitePath.meldungen, "Meldungen"), (SitePath.handlungsfelder, "Handlungsfelder"),
        ]
        let nav = sections.map { target, text in
            LinkView(url: SitePath.relative(from: page, to: target), text: text,
                     current: page == target)
        }
        let footer = model.seiten.filter { $0.menue != nil || SiteModelBuilder.requiredPages.contains($0.slug) }.map {
            LinkView(url: SitePath.relative(from: page, to: path(.seite, $0.slug)), text: $0.titel,
                     current: page == path(.seite, $0.slug))
        }
        let leicht = model.seite("leichte-sprache").map {
            LinkView(url: SitePath.relative(from: page, to: path(.seite, $0.slug)), text: "Leichte Sprache")
        }
        return LayoutView(
            lang: settings.sprache, siteTitle: settings.titel,
            title: page.isEmpty ? settings.titel : "\(title) – \(settings.titel)",
            description: description ?? settings.beschreibung ?? settings.titel,
            canonical: settings.baseURL + page, root: SitePath.rootPrefix(from: page),
            nav: nav, footer: footer, leichteSprache: leicht, jsonld: jsonld, isHome: page.isEmpty,
            herausgeber: settings.herausgeber?.name)
    }

    func link(from page: String, to kommune: Kommune) -> LinkView {
        LinkView(url: SitePath.relative(from: page, to: path(.kommune, kommune.slug)), text: kommune.name)
    }

    func kommuneLinks(from page: String, _ refs: [Reference]) -> [LinkView] {
        refs.compactMap { model.kommune($0.slug) }.map { link(from: page, to: $0) }
    }

    func feldLinks(from page: String, _ refs: [Reference]) -> [LinkView] {
        refs.compactMap { model.handlungsfeld($0.slug) }.map {
            LinkView(url: SitePath.relative(from: page, to: SitePath.handlungsfeld($0.slug)), text: $0.name)
        }
    }

    func item(from page: String, _ kommune: Kommune) -> KommuneItemView {
        KommuneItemView(
            url: SitePath.relative(from: page, to: path(.kommune, kommune.slug)), name: kommune.name,
            art: kommune.art.rawValue, mitglied: kommune.isMember,
            status: kommune.mitgliedSeit.map { "Mitglied seit " + GermanFormat.date($0) } ?? "kein Mitglied",
            einwohner: kommune.einwohner.map { GermanFormat.number($0) + " Einwohner" })
    }

    func eintrag(from page: String, _ runde: Kaffeerunde) -> EintragView {
        EintragView(url: SitePath.relative(from: page, to: path(.kaffeerunde, runde.slug)), titel: runde.titel,
                    datum: GermanFormat.date(runde.datum), iso: runde.datum.description, art: "Kaffeerunde")
    }

    func eintrag(from page: String, _ meldung: Meldung) -> EintragView {
        EintragView(url: SitePath.relative(from: page, to: path(.meldung, meldung.slug)), titel: meldung.titel,
                    datum: GermanFormat.date(meldung.datum), iso: meldung.datum.description, art: "Meldung")
    }

    func eintrag(from page: String, _ mention: SiteModel.Mention) -> EintragView {
        switch mention {
        case .kaffeerunde(let i): return eintrag(from: page, model.kaffeerunden[i])
        case .meldung(let i): return eintrag(from: page, model.meldungen[i])
        }
    }

    func bild(from page: String, _ bild: Bild?) -> BildView? {
        bild.map { BildView(src: SitePath.rootPrefix(from: page) + LinkTarget.percentEncoded("medien/" + $0.datei),
                            alt: $0.alt, credit: $0.credit) }
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
