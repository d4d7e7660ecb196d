/// A file of the finished site, relative to the output folder.
public struct OutputFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
}

/// Renders every page of a model with a theme, in parallel, plus the feed,
/// sitemap and robots.txt. Pure: touches no disk.
struct SiteRenderer {
    let model: SiteModel
    let theme: Theme

    /// One job per page. Plans are cheap closures; building the views
    /// happens in parallel too.
    static func pageJobs(_ model: SiteModel) -> [() -> PagePlan] {
        let context = ViewContext(model: model)
        var jobs: [() -> PagePlan] = [
            context.homePage, context.kommunenListPage, context.kaffeerundenListPage, context.meldungenListPage,
            context.handlungsfelderPage, context.notFoundPage,
        ]
        jobs += model.kommunen.map { k in { context.kommunePage(k) } }
        jobs += model.kaffeerunden.indices.map { i in { context.kaffeerundePage(i) } }
        jobs += model.meldungen.map { m in { context.meldungPage(m) } }
        jobs += model.handlungsfelder.map { f in { context.handlungsfeldPage(f) } }
        jobs += model.seiten.map { s in { context.seitePage(s) } }
        return jobs
    }

    func render() -> [OutputFile] {
        var files = parallelMap(Self.pageJobs(model)) { job -> OutputFile in
            let plan = job()
            let path = plan.path.hasSuffix(".html") ? plan.path : plan.path + "index.html"
            return OutputFile(path: path, bytes: theme.render(plan))
        }
        let pagePaths = files.map(\.path).filter { $0 != "404.html" }.map { $0.dropLast("index.html".count) }.map(String.init)
        files.append(OutputFile(path: "feed.xml", bytes: Array(Feeds.atom(model).utf8)))
        files.append(OutputFile(path: "sitemap.xml", bytes: Array(Feeds.sitemap(paths: pagePaths, baseURL: model.settings.baseURL).utf8)))
        files.append(OutputFile(path: "robots.txt", bytes: Array(Feeds.robots(baseURL: model.settings.baseURL).utf8)))
        return files
    }
}
