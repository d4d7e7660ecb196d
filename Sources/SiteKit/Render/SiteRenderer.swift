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
    /// The bytes, and for a page what its view read (feeds have no trace
    /// and are always made again).
    let make: @Sendable () -> (bytes: [UInt8], trace: PageTrace?)

    public func render() -> OutputFile { OutputFile(path: path, bytes: make().bytes) }

    func renderTraced() -> (file: OutputFile, trace: PageTrace?) {
        let made = make()
        return (OutputFile(path: path, bytes: made.bytes), made.trace)
    }
}

/// Lists every file of a site, pages with their theme plus the feed,
/// sitemap and robots.txt, as jobs that render when run. Pure: touches no disk.
struct SiteRenderer: Sendable {
    let answers: ModelAnswers
    let theme: Theme

    /// Every file of the site, none made yet: the pages, and the search
    /// index's files, whose names are known only once the index is made
    /// (they depend on the words). The build makes the index beside the
    /// pages, so its serial parts leave no core idle.
    struct Jobs: Sendable {
        var pages: [PageJob]
        let search: Once<SiteSearch>

        var all: [PageJob] { pages + search.value.jobs }
    }

    func jobs() -> Jobs {
        let model = answers.model, theme = self.theme
        // The open data first: its tables are the largest jobs, and made
        // early they overlap with the pages on the other core instead of
        // leaving it idle at the end. Files and page have no trace, like the feed.
        let data = OpenData(model)
        var jobs = OpenData.paths.map { path in PageJob(path: path) { (data.bytes(path), nil) } }
        jobs += Self.pages(answers).map { page in
            PageJob(path: page.path) {
                let (plan, trace) = page.plan()
                return (theme.render(plan), trace)
            }
        }
        let search = Once { SiteSearch(model) }
        jobs.append(PageJob(path: SiteSearch.page + "index.html") { (theme.render(ViewContext(reads: ModelReads(answers)).suchePage()), nil) })
        // Last: it lists the sizes of all the data files, made by then.
        jobs.append(
            PageJob(path: OpenData.folder + "index.html") {
                (theme.render(ViewContext(reads: ModelReads(answers)).datenPage(data)), nil)
            })
        let pagePaths = jobs.map(\.path).filter { $0.hasSuffix(".html") }.filter { $0 != "404.html" }.map { String($0.dropLast("index.html".count)) }
        jobs.append(PageJob(path: "feed.xml") { (Array(Feeds.atom(model).utf8), nil) })
        jobs.append(PageJob(path: "sitemap.xml") { (Array(Feeds.sitemap(paths: pagePaths, baseURL: model.settings.baseURL).utf8), nil) })
        jobs.append(PageJob(path: "robots.txt") { (Array(Feeds.robots(baseURL: model.settings.baseURL).utf8), nil) })
        return Jobs(pages: jobs, search: search)
    }

    typealias Page = (path: String, plan: @Sendable () -> (PagePlan, PageTrace))

    /// Every page's output path and how to plan it. A page's path is known
    /// before its view is built, so listing the pages costs nothing. Each
    /// view gets its own `ModelReads`, whose trace comes back with the plan.
    static func pages(_ answers: ModelAnswers) -> [Page] {
        let model = answers.model
        func page(_ folder: String, _ plan: @escaping @Sendable (ViewContext) -> PagePlan) -> Page {
            (
                folder.hasSuffix(".html") ? folder : folder + "index.html",
                {
                    let context = ViewContext(reads: ModelReads(answers))
                    let made = plan(context)
                    return (made, context.reads.trace)
                }
            )
        }
        var pages = [
            page(SitePath.home) { $0.homePage() }, page(SitePath.kommunen) { $0.kommunenListPage() },
            page(SitePath.kaffeerunden) { $0.kaffeerundenListPage() }, page(SitePath.meldungen) { $0.meldungenListPage() },
            page(SitePath.handlungsfelder) { $0.handlungsfelderPage() }, page("404.html") { $0.notFoundPage() },
        ]
        // Long lists of reports and news: a page per year.
        // Only reports are listed by year; announcements stand above them.
        let berichte = model.kaffeerunden.filter { !$0.isTermin(heute: model.heute) }
        pages += ViewContext.archiveYears(berichte.map(EintragSummary.init)).map { year in
            page(SitePath.kaffeerunden + "\(year)/") { $0.kaffeerundenListPage(year: year) }
        }
        pages += ViewContext.archiveYears(model.meldungen.map(EintragSummary.init)).map { year in
            page(SitePath.meldungen + "\(year)/") { $0.meldungenListPage(year: year) }
        }
        // A page per Land with Kommunen; the members by Land on their own
        // pages only when one page would be too long.
        let laender = Set(model.kommunen.map(\.bundesland))
        pages += Bundesland.allCases.filter(laender.contains).map { land in page(SitePath.land(land)) { $0.landPage(land) } }
        pages.append(page(SitePath.mitglieder) { $0.mitgliederPage() })
        pages.append(page(SitePath.statistik) { $0.statistikPage() })
        let members = model.kommunen.filter(\.isMember)
        if members.count > ViewContext.mitgliederOnOnePage {
            let withMembers = Set(members.map(\.bundesland))
            pages += Bundesland.allCases.filter(withMembers.contains).map { land in
                page(SitePath.mitglieder(land)) { $0.mitgliederPage(land) }
            }
        }
        // Indices, not pages, are captured, and the model only through
        // `answers`: thirteen thousand closures share one reference.
        pages += model.kommunen.indices.map { i in
            page(ContentKind.kommune.pagePath(slug: model.kommunen[i].slug)) {
                $0.kommunePage($0.reads.own(.kommune, answers.model.kommunen[i]))
            }
        }
        pages += model.kaffeerunden.indices.map { i in
            page(ContentKind.kaffeerunde.pagePath(slug: model.kaffeerunden[i].slug)) {
                $0.kaffeerundePage($0.reads.own(.kaffeerunde, answers.model.kaffeerunden[i]))
            }
        }
        pages += model.meldungen.indices.map { i in
            page(ContentKind.meldung.pagePath(slug: model.meldungen[i].slug)) {
                $0.meldungPage($0.reads.own(.meldung, answers.model.meldungen[i]))
            }
        }
        pages += model.handlungsfelder.map { f in page(SitePath.handlungsfeld(f.slug)) { $0.handlungsfeldPage(f) } }
        // A large field: a page per Land with its projects and Kommunen.
        for feld in model.handlungsfelder {
            guard let rel = model.felder[feld.slug],
                HandlungsfeldView.isSplit(projekte: rel.projekte.count, kommunen: rel.kommunen.count)
            else { continue }
            pages += answers.laender(ofFeld: feld.slug).map { land in
                page(SitePath.handlungsfeld(feld.slug) + land.slug + "/") { $0.handlungsfeldPage(feld, land: land) }
            }
        }
        pages += model.seiten.indices.map { i in
            page(ContentKind.seite.pagePath(slug: model.seiten[i].slug)) {
                $0.seitePage($0.reads.own(.seite, answers.model.seiten[i]))
            }
        }
        return pages
    }
}
