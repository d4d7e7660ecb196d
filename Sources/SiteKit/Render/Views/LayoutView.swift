import SiteTemplates
/// What every page's layout shows: head, navigation, footer.
struct LayoutView: ViewModel {
    var lang: String
    var siteTitle: String
    var title: String
    var description: String
    var canonical: String
    /// Relative prefix to the site root, e.g. `../../`.
    var root: String
    var nav: [LinkView]
    var footer: [LinkView]
    var leichteSprache: LinkView?
    var jsonld: String?
    var isHome: Bool
    var herausgeber: String?
    /// The pages above this one, from the home page down; empty on the home page.
    var breadcrumbs: [LinkView] = []
    var breadcrumbCurrent: String = ""
    /// schema.org's `BreadcrumbList` of the same trail.
    var breadcrumbJSONLD: String? = nil
    /// Only on pages served from other paths than their own (404).
    var baseHref: String? = nil
    /// The skip link's target: under `<base href>` a bare `#_inhalt` would
    /// lead to the home page, so the 404 page names itself.
    var skipHref = "#_inhalt"
    /// The page is `daten/`, which the footer links on every page.
    var isDaten = false

    static let fields: Fields<Self> = [
        "lang": .key(\.lang), "website_titel": .key(\.siteTitle), "seitentitel": .key(\.title),
        // The old names (`RenamedKeys`), for themes made before.
        "site_title": .key(\.siteTitle), "title": .key(\.title),
        "description": .key(\.description), "canonical": .key(\.canonical), "root": .key(\.root),
        // The home page as a link is `./` from the home page itself.
        "home_url": .key(\.root) { $0.isEmpty ? "./" : $0 }, "css_url": .key(\.root) { $0 + "assets/site.css" },
        "feed_url": .key(\.root) { $0 + "feed.xml" },
        "nav": .key(\.nav), "footer": .key(\.footer), "leichte_sprache": .key(\.leichteSprache),
        "jsonld": .key(\.jsonld), "is_home": .key(\.isHome), "herausgeber": .key(\.herausgeber),
        "breadcrumbs": .key(\.breadcrumbs), "breadcrumb_current": .key(\.breadcrumbCurrent),
        "breadcrumb_jsonld": .key(\.breadcrumbJSONLD), "base_href": .key(\.baseHref),
        "skip_href": .key(\.skipHref), "daten_url": .key(\.root) { $0 + OpenData.folder },
        "is_daten": .key(\.isDaten), "statistik_url": .key(\.root) { $0 + SitePath.statistik },
        "is_statistik": .key(\.canonical) { $0.hasSuffix("/" + SitePath.statistik) },
        "suche_url": .key(\.root) { $0 + SiteSearch.page },
    ]
}

/// A page: its own view model, with the layout's keys behind it.
struct PageView: TemplateObject {
    var layout: LayoutView
    var content: any TemplateObject

    func value(for key: FieldKey) -> TemplateValue {
        let value = content.value(for: key)
        if case .null = value { return layout.value(for: key) }
        return value
    }
}

/// One page to render: where it goes, with which template, from what view.
struct PagePlan {
    var path: String
    var template: String
    var view: PageView
}
