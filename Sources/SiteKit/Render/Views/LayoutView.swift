import Mustache

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
    /// Only on pages served from other paths than their own (404).
    var baseHref: String? = nil

    static let fields: [String: (Self) -> Any?] = [
        "lang": { $0.lang }, "site_title": { $0.siteTitle }, "title": { $0.title },
        "description": { $0.description }, "canonical": { $0.canonical }, "root": { $0.root },
        "home_url": { $0.root.isEmpty ? "./" : $0.root },
        "css_url": { $0.root + "assets/site.css" }, "feed_url": { $0.root + "feed.xml" },
        "nav": { $0.nav }, "footer": { $0.footer }, "leichte_sprache": { $0.leichteSprache },
        "jsonld": { $0.jsonld }, "is_home": { $0.isHome }, "herausgeber": { $0.herausgeber },
        "base_href": { $0.baseHref },
    ]
}

/// A page: its own view model, with the layout's keys behind it.
struct PageView: MustacheParent {
    var layout: LayoutView
    var content: any MustacheParent

    func child(named name: String) -> Any? {
        content.child(named: name) ?? layout.child(named: name)
    }
}

/// One page to render: where it goes, with which template, from what view.
struct PagePlan {
    var path: String
    var template: String
    var view: PageView
}
