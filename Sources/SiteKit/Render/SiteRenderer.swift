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

/// Renders every page of a model with a theme, in parallel, plus the feed,
/// sitemap and robots.txt. Pure: touches no disk.
struct SiteRenderer: Sendable {
    let model: SiteModel
    let theme: Theme

    func render() -> [OutputFile] {
        parallelMap(jobs()) { $0.render() }
    }

    /// Every file of the site, none made yet. A page's path is known before
    /// its view is built, so a job costs nothing until it runs.
    func jobs() -> [PageJob] {
        let model = self.model, theme = self.theme
        let context = ViewContext(model: model)
        func page(_ folder: String, _ plan: @escaping @Sendable () -> PagePlan) -> PageJob {
            let path = folder.hasSuffix(".html") ? folder : folder + "index.html"
            return PageJob(path: path) { Array(theme.render(plan()).utf8) }
        }
        var jobs: [PageJob] = [
            page(SitePath.home, context.homePage), page(SitePath.kommunen, context.kommunenListPage),
            page(SitePath.kaffeerunden, context.kaffeerundenListPage), page(SitePath.meldungen, context.meldungenListPage),
            page(SitePath.handlungsfelder, context.handlungsfelderPage), page("404.html", context.notFoundPage),
        ]
        // Jobs hold indices, not pages: copying thousands of pages into
        // closures costs more than a preview build's whole model.
        jobs += model.kommunen.indices.map { i in
            page(context.path(.kommune, model.kommunen[i].slug)) { context.kommunePage(model.kommunen[i]) }
        }
        jobs += model.kaffeerunden.indices.map { i in
            page(context.path(.kaffeerunde, model.kaffeerunden[i].slug)) { context.kaffeerundePage(i) }
        }
        jobs += model.meldungen.indices.map { i in
            page(context.path(.meldung, model.meldungen[i].slug)) { context.meldungPage(model.meldungen[i]) }
        }
        jobs += model.handlungsfelder.map { f in page(SitePath.handlungsfeld(f.slug)) { context.handlungsfeldPage(f) } }
        jobs += model.seiten.map { s in page(context.path(.seite, s.slug)) { context.seitePage(s) } }

        let pagePaths = jobs.map(\.path).filter { $0 != "404.html" }.map { String($0.dropLast("index.html".count)) }
        jobs.append(PageJob(path: "feed.xml") { Array(Feeds.atom(model).utf8) })
        jobs.append(PageJob(path: "sitemap.xml") { Array(Feeds.sitemap(paths: pagePaths, baseURL: model.settings.baseURL).utf8) })
        jobs.append(PageJob(path: "robots.txt") { Array(Feeds.robots(baseURL: model.settings.baseURL).utf8) })
        return jobs
    }
}
