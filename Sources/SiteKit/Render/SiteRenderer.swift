/// A file of the finished site, relative to the output folder.
public struct OutputFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
}

/// A file of the site and how to make it. The build makes all of them; the
/// preview server only those a browser asks for.
public struct PageJob: Sendable {
    /// Path relative to the output folder, e.g. `kommunen/bendorf/index.html`.
    public let path: String
    let make: @Sendable () -> [UInt8]

    public func render() -> OutputFile { OutputFile(path: path, bytes: make()) }
}

/// Lists every file of a site, pages with their theme plus the feed,
/// sitemap and robots.txt, as jobs that render when run. Pure: touches no disk.
struct SiteRenderer: Sendable {
    let model: SiteModel
    let theme: Theme

    /// Every file of the site, none made yet.
    func jobs() -> [PageJob] {
        let model = self.model, theme = self.theme
        var jobs = Self.pages(model).map { page in
            PageJob(path: page.path) { theme.render(page.plan()) }
        }
        let pagePaths = jobs.map(\.path).filter { $0 != "404.html" }.map { String($0.dropLast("index.html".count)) }
        jobs.append(PageJob(path: "feed.xml") { Array(Feeds.atom(model).utf8) })
        jobs.append(PageJob(path: "sitemap.xml") { Array(Feeds.sitemap(paths: pagePaths, baseURL: model.settings.baseURL).utf8) })
        jobs.append(PageJob(path: "robots.txt") { Array(Feeds.robots(baseURL: model.settings.baseURL).utf8) })
        return jobs
    }

    /// Every page's output path and how to plan it. A page's path is known
    /// before its view is built, so listing the pages costs nothing.
    static func pages(_ model: SiteModel) -> [(path: String, plan: @Sendable () -> PagePlan)] {
        let context = ViewContext(model: model)
        func page(_ folder: String, _ plan: @escaping @Sendable () -> PagePlan) -> (path: String, plan: @Sendable () -> PagePlan) {
            (folder.hasSuffix(".html") ? folder : folder + "index.html", plan)
        }
        var pages = [
            page(SitePath.home, context.homePage), page(SitePath.kommunen, context.kommunenListPage),
            page(SitePath.kaffeerunden, context.kaffeerundenListPage), page(SitePath.meldungen, context.meldungenListPage),
            page(SitePath.handlungsfelder, context.handlungsfelderPage), page("404.html", context.notFoundPage),
        ]
        // Indices, not pages, are captured, and the model only through the
        // context: thirteen thousand closures share one reference.
        pages += model.kommunen.indices.map { i in
            page(context.path(.kommune, model.kommunen[i].slug)) { context.kommunePage(context.model.kommunen[i]) }
        }
        pages += model.kaffeerunden.indices.map { i in
            page(context.path(.kaffeerunde, model.kaffeerunden[i].slug)) { context.kaffeerundePage(i) }
        }
        pages += model.meldungen.indices.map { i in
            page(context.path(.meldung, model.meldungen[i].slug)) { context.meldungPage(context.model.meldungen[i]) }
        }
        pages += model.handlungsfelder.map { f in page(SitePath.handlungsfeld(f.slug)) { context.handlungsfeldPage(f) } }
        pages += model.seiten.map { s in page(context.path(.seite, s.slug)) { context.seitePage(s) } }
        return pages
    }
}
