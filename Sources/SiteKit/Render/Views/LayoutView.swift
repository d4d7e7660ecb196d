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
        "lang": { .string($0.lang) }, "website_titel": { .string($0.siteTitle) }, "seitentitel": { .string($0.title) },
        // The old names (`RenamedKeys`), for themes made before.
        "site_title": { .string($0.siteTitle) }, "title": { .string($0.title) },
        "description": { .string($0.description) }, "canonical": { .string($0.canonical) }, "root": { .string($0.root) },
        "home_url": { .string($0.root.isEmpty ? "./" : $0.root) },
        "css_url": { .string($0.root + "assets/site.css") }, "feed_url": { .string($0.root + "feed.xml") },
        "nav": { .list($0.nav) }, "footer": { .list($0.footer) }, "leichte_sprache": { .object($0.leichteSprache) },
        "jsonld": { .string($0.jsonld) }, "is_home": { .bool($0.isHome) }, "herausgeber": { .string($0.herausgeber) },
        "breadcrumbs": { .list($0.breadcrumbs) }, "breadcrumb_current": { .string($0.breadcrumbCurrent) },
        "breadcrumb_jsonld": { .string($0.breadcrumbJSONLD) }, "base_href": { .string($0.baseHref) },
        "skip_href": { .string($0.skipHref) }, "daten_url": { .string($0.root + OpenData.folder) },
        "is_daten": { .bool($0.isDaten) }, "statistik_url": { .string($0.root + SitePath.statistik) },
        "is_statistik": { .bool($0.canonical.hasSuffix("/" + SitePath.statistik)) },
        "suche_url": { .string($0.root + SiteSearch.page) },
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
