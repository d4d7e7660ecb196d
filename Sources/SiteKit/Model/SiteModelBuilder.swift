import SiteText
/// Loads every document into typed pages (in parallel), then checks what
/// only the whole site can tell: references between files, links and their
/// anchors, images, the required pages. Returns the model only when nothing
/// is wrong; the diagnostics always hold every problem found.
public struct SiteModelBuilder {
    public var includeDrafts = false
    /// Replaces `base_url` from `site.yaml` (e.g. for a preview host).
    public var baseURLOverride: String?
    /// Warnings count as errors (`--strict`, for CI).
    public var strict = false
    /// A Meldung dated after this day gets a warning.
    public var today = CalendarDate.today

    public init(includeDrafts: Bool = false, baseURLOverride: String? = nil, strict: Bool = false) {
        self.includeDrafts = includeDrafts
        self.baseURLOverride = baseURLOverride
        self.strict = strict
    }

    static let requiredPages = ["impressum", "datenschutz", "barrierefreiheit"]

    /// With a `cache`, documents whose bytes did not change since the last
    /// build with the same cache are not decoded again.
    public func build(_ input: SiteInput, cache: DecodeCache? = nil) -> (model: SiteModel?, diagnostics: Diagnostics) {
        var diagnostics = input.diagnostics
        let contentLabel = input.contentLabel
        let label = { @Sendable (path: String) in contentLabel + "/" + path }

        // 1. Sort the documents by role.
        var siteFile: InputFile?
        var taxonomyFile: InputFile?
        var pageFiles: [(InputFile, ContentKind, String)] = []
        for file in input.documents {
            switch file.path {
            case "site.yaml": siteFile = file
            case "handlungsfelder.yaml": taxonomyFile = file
            case "site.yml", "handlungsfelder.yml":
                diagnostics.error(
                    SourceLocation(path: label(file.path)), .mustEndInYAML,
                    hint: Message(.hintRenameTo, ["name": .value("\(file.path.dropLast(4)).yaml")]))
            default:
                classify(file, label: label(file.path), into: &pageFiles, diagnostics: &diagnostics)
            }
        }

        // 2. Settings first: whether raw HTML is allowed changes how bodies render.
        var settingsDecoder = SettingsDecoder()
        var foundSettings: SiteSettings?
        if let siteFile {
            foundSettings = settingsDecoder.site(siteFile, label: label("site.yaml"), baseURLOverride: baseURLOverride)
        } else {
            diagnostics.error(SourceLocation(path: label("site.yaml")), .siteYAMLMissing, hint: Message(.hintCreateSiteYAML))
        }
        let felder = taxonomyFile.map { settingsDecoder.handlungsfelder($0, label: label("handlungsfelder.yaml")) } ?? []
        var foundClaims = ClaimedDocuments(felder: settingsDecoder.claimedFelder, allFelder: settingsDecoder.felderUnreadable)
        diagnostics.append(contentsOf: settingsDecoder.diagnostics)
        let allowHTML = foundSettings?.markdownHTML ?? false

        var clock = StageClock()
        // 3. Every page, in parallel.
        let previous = cache?.snapshot ?? [:]
        let digests = cache?.digests ?? [:]
        let outcomes = parallelMap(pageFiles) { file, kind, slug -> (entry: DecodeCache.Entry, reused: Bool) in
            let key = DecodeCache.Key(displayPath: label(file.path), allowHTML: allowHTML)
            if let entry = previous.reusable(file, key: key, digest: digests[file.path]) { return (entry, true) }
            // An unread document that was not decoded before (or not with these foundSettings).
            guard let file = file.reading() else {
                var problem = Diagnostics()
                problem.error(SourceLocation(path: key.displayPath), .cannotRead)
                return (DecodeCache.Entry(key: key, bytes: nil, digest: digests[file.path], result: nil, diagnostics: problem), false)
            }
            var decoder = PageDecoder(file: file, kind: kind, slug: slug, displayPath: key.displayPath, allowHTML: allowHTML)
            let result = decoder.decode()
            return (
                DecodeCache.Entry(key: key, bytes: file.bytes, digest: digests[file.path], result: result, diagnostics: decoder.diagnostics), false
            )
        }
        let decoded = outcomes.map(\.entry)
        if let cache {
            cache.replace(
                with: Dictionary(zip(pageFiles.map(\.0.path), decoded), uniquingKeysWith: { a, _ in a }),
                hits: outcomes.filter(\.reused).count)
        }
        clock.lap("  decode pages")
        var foundKommunen: [Kommune] = [], foundRunden: [Kaffeerunde] = [], foundMeldungen: [Meldung] = [], foundSeiten: [Seite] = []
        var foundDrafts: Set<String> = [], foundDraftPages: [PageDecoder.Decoded] = []
        var foundHeadingIDs: [String: Set<String>] = [:]
        foundKommunen.reserveCapacity(pageFiles.count)
        foundHeadingIDs.reserveCapacity(pageFiles.count)
        let documentPaths = Set(input.documents.map(\.path))
        for (entry, (file, kind, slug)) in zip(decoded, pageFiles) {
            diagnostics.append(contentsOf: entry.diagnostics)
            // A file whose name is not a slug stands for the slug it should
            // have: its one error is its name, not every reference to it.
            if !Slug.isValid(slug) {
                foundClaims.misnamed(kind: kind, written: slug, path: file.path, existing: documentPaths)
            }
            guard let result = entry.result else {
                // It failed to decode and has its errors; it still is the
                // document its slug names.
                foundClaims.unreadable(kind: kind, slug: slug)
                continue
            }
            let page = result.page
            foundHeadingIDs[file.path] = entry.headingIDs
            if page.entwurf && !includeDrafts {
                foundDrafts.insert(file.path)
                foundDraftPages.append(result)
                // A draft's links are not checked against the site, but one
                // that can reach no file is an error there too.
                page.body.reportLinksLeftToTheSite(into: &diagnostics)
                continue
            }
            switch result {
            case .kommune(let k): foundKommunen.append(k)
            case .kaffeerunde(let r): foundRunden.append(r)
            case .meldung(let m): foundMeldungen.append(m)
            case .seite(let s): foundSeiten.append(s)
            }
        }
        let mediaPaths = Set(input.media.map(\.path))
        // An SVG is published as a document of its own: checked like a page.
        let svgFiles = input.media.filter { SVGCheck.applies(to: $0.path) }
        for found in parallelMap(svgFiles, { SVGCheck.diagnostics(for: $0, label: label($0.path)) }) {
            diagnostics.append(contentsOf: found)
        }
        // Pages and scripts would be published as they are, from the site's
        // own address, without the checks a page gets.
        for file in input.media {
            guard let type = MediaTypes.activeType(of: file.path) else { continue }
            diagnostics.error(
                SourceLocation(path: label(file.path)), .activeMedia, ["type": .value(type)], hint: Message(.hintRemoveActiveMedia))
        }
        MediaSize.check(input.media, label: label, diagnostics: &diagnostics)

        clock.lap("  collect")
        // What the two sides below share, fixed from here on.
        let (kommunen, runden, meldungen, seiten) = (foundKommunen, foundRunden, foundMeldungen, foundSeiten)
        let (drafts, headingIDs, settings) = (foundDrafts, foundHeadingIDs, foundSettings)
        let claims = foundClaims
        let draftPages = foundDraftPages
        let today = self.today
        // 4. What only the whole site can tell. The checks and the model's
        // relations read the same pages and nothing of each other, so they
        // run side by side.
        let (checkDiagnostics, model) = both(
            { () -> Diagnostics in
                var check = SiteChecks(
                    kommunen: Dictionary(kommunen.map { ($0.slug, $0.page.complete ? $0.art : nil) }, uniquingKeysWith: { a, _ in a }),
                    bundeslaender: Dictionary(kommunen.map { ($0.slug, $0.bundesland) }, uniquingKeysWith: { a, _ in a }),
                    felder: Set(felder.map(\.slug)),
                    headingIDs: headingIDs, drafts: drafts, documentPaths: documentPaths, mediaPaths: mediaPaths,
                    claims: claims,
                    documents: SiteDocuments(
                        kommunen: kommunen, kaffeerunden: runden, meldungen: meldungen, seiten: seiten, felder: felder,
                        drafts: draftPages),
                    label: label)
                check.duplicates(among: kommunen)
                for k in kommunen {
                    if let kreis = k.kreis { check.kreis(kreis, of: k) }
                    k.handlungsfelder.forEach { check.feld($0) }
                    k.projekte.forEach { check.feld($0.handlungsfeld) }
                    check.bild(k.bild)
                    check.links(of: k.page)
                }
                for r in runden {
                    r.impulse.compactMap(\.kommune).forEach { check.kommune($0, key: "impulse") }
                    r.kommunen.forEach { check.kommune($0, key: "kommunen") }
                    r.handlungsfelder.forEach { check.feld($0) }
                    check.bild(r.bild)
                    check.links(of: r.page)
                    check.notAYear(r.page, folder: "kaffeerunden")
                }
                for m in meldungen {
                    check.notInTheFuture(m, today: today)
                    m.kommunen.forEach { check.kommune($0, key: "kommunen") }
                    m.handlungsfelder.forEach { check.feld($0) }
                    check.bild(m.bild)
                    check.links(of: m.page)
                    check.notAYear(m.page, folder: "meldungen")
                }
                for s in seiten {
                    if SitePath.reserved.contains(s.slug) {
                        check.diagnostics.error(
                            s.page.location, .reservedPageName, ["slug": .value(s.slug)],
                            hint: Message(.hintRenameReserved, ["slug": .value(s.slug)]))
                    }
                    check.links(of: s.page)
                }
                for required in Self.requiredPages where !seiten.contains(where: { $0.slug == required }) {
                    let path = "seiten/\(required).md"
                    let isDraft = drafts.contains(path)
                    check.diagnostics.error(
                        SourceLocation(path: label(path)), isDraft ? .requiredPageDraft : .requiredPageMissing, ["slug": .value(required)],
                        hint: isDraft ? Message(.hintRemoveEntwurf) : Message(.hintCreateWithTitel, ["path": .value(label(path))]))
                }
                return check.diagnostics
            },
            {
                settings.map {
                    SiteModel(
                        settings: $0, handlungsfelder: felder, kommunen: kommunen, kaffeerunden: runden,
                        meldungen: meldungen, seiten: seiten, media: input.media)
                }
            })
        diagnostics.append(contentsOf: checkDiagnostics)

        clock.lap("  checks+relations")
        if strict { diagnostics.treatWarningsAsErrors() }
        guard !diagnostics.hasErrors, let model else { return (nil, diagnostics) }
        return (model, diagnostics)
    }

    /// Decides what a document is from its path; reports names that are not slugs.
    private func classify(
        _ file: InputFile, label: String, into pages: inout [(InputFile, ContentKind, String)],
        diagnostics: inout Diagnostics
    ) {
        // Split on the bytes: Character-wise splitting costs more than the
        // rest of a preview rebuild's bookkeeping for ten thousand files.
        let slash = UInt8(ascii: "/")
        let utf8 = file.path.utf8
        let parts =
            utf8.firstIndex(of: slash).map { [String(file.path[..<$0]), String(file.path[utf8.index(after: $0)...])] }
            ?? [file.path]
        guard parts.count == 2, !parts[1].utf8.contains(slash), let kind = ContentKind(folder: parts[0]) else {
            if parts.count == 2, ContentKind(folder: parts[0]) != nil {
                let name = parts[1].split(separator: "/").last.map(String.init) ?? parts[1]
                diagnostics.error(
                    SourceLocation(path: label), .subFolder, ["folder": .value(parts[0])],
                    hint: Message(.hintMoveFile, ["path": .value("\(parts[0])/\(name)")]))
            } else {
                diagnostics.warning(SourceLocation(path: label), .notContent, hint: Message(.hintPageFolders))
            }
            return
        }
        let name = parts[1]
        guard name.hasSuffix(".md") else {
            diagnostics.error(
                SourceLocation(path: label), .onlyMarkdown, ["folder": .value(parts[0])],
                hint: name.contains(".") ? Message(.hintMediaFolder) : Message(.hintRenameTo, ["name": .value("\(name).md")]))
            return
        }
        let slug = String(name.dropLast(3))
        if !Slug.isValid(slug) {
            let suggestion = Slug.make(from: slug)
            diagnostics.error(
                SourceLocation(path: label), .fileNameNotASlug, ["name": .value(name)],
                hint: suggestion.isEmpty ? nil : Message(.hintRenameTo, ["name": .value("\(suggestion).md")]))
        }
        // Still parsed, so the file's other problems show in the same run.
        pages.append((file, kind, slug))
    }
}

/// The cross-file checks, sharing the site's indexes.
struct SiteChecks {
    /// Profile slug → its `art`, nil where the profile's own `art` is wrong.
    let kommunen: [String: Art?]
    let bundeslaender: [String: Bundesland]
    let felder: Set<String>
    let headingIDs: [String: Set<String>]
    let drafts: Set<String>
    let documentPaths: Set<String>
    let mediaPaths: Set<String>
    /// Documents that stand for a slug without being published under it.
    let claims: ClaimedDocuments
    /// Every published document, for the names a hint looks up.
    let documents: SiteDocuments
    let label: @Sendable (String) -> String
    var diagnostics = Diagnostics()
    /// Made when a reference fails, for its hint; kept for the next one.
    var names: [DocumentKind: DocumentNames] = [:]
    var slugs: [DocumentKind: [String]] = [:]
    /// Candidates compared for "did you mean" per file. Each suggestion
    /// compares the word with every candidate (every heading of a page,
    /// every profile), so a file of 25,000 broken links to a page of
    /// 25,000 headings took minutes; past this many comparisons (a fraction
    /// of a second) its errors come without one: on a large site, some
    /// twenty misspelt profile names per file still get their hint.
    static let comparisonsPerFile = 200_000
    var comparisons: [String: Int] = [:]

    private mutating func spendComparisons(_ count: Int, at location: SourceLocation) -> Bool {
        let spent = comparisons[location.path, default: 0] + count
        guard spent <= Self.comparisonsPerFile else { return false }
        comparisons[location.path] = spent
        return true
    }

    /// "did you mean …" among `candidates`, of which there are `count`, while
    /// the file's comparisons last.
    private mutating func suggestion(
        at location: SourceLocation, for word: String, in count: Int,
        _ candidates: @autoclosure () -> [String]
    ) -> Message? {
        guard spendComparisons(count, at: location) else { return nil }
        return Message.suggestion(for: word, in: candidates())
    }

    mutating func kommune(_ ref: Reference, key: String) {
        if let written = ref.notASlug { return notASlug(written, at: ref.location, kind: .kommune) }
        guard kommunen[ref.slug] == nil, !claims.kommunen.contains(ref.slug) else { return }
        if drafts.contains("kommunen/\(ref.slug).md") {
            diagnostics.error(
                ref.location, .namesDraftProfile, ["key": .value(key), "slug": .value(ref.slug)], hint: Message(.hintPublishProfile))
        } else {
            // A profile that goes by this name is meant, not a new file.
            let hint = documentHint(for: ref.slug, kind: .kommune, at: ref.location)
            diagnostics.error(
                ref.location, .noSuchProfile, ["key": .value(key), "slug": .value(ref.slug)],
                hint: hint ?? Message(.hintCreateFile, ["path": .value("kommunen/\(ref.slug).md")]))
        }
    }

    /// A reference written as a name, not a slug (`Stadt Andernach`): the
    /// hint names the document of that name if there is one, else the slug
    /// made from it.
    private mutating func notASlug(_ written: Reference.Written, at location: SourceLocation, kind: DocumentKind) {
        let made = Slug.make(from: written.text)
        let found = documentNames(kind).slug(named: written.text).map(Message.didYouMean) ?? documentHint(for: made, kind: kind, at: location)
        diagnostics.error(
            location, .notASlug, ["key": .value(written.key), "value": .value(written.text)],
            hint: found ?? (made.isEmpty ? nil : .didYouMean(made)))
    }

    mutating func kreis(_ ref: Reference, of kommune: Kommune) {
        if let written = ref.notASlug { return notASlug(written, at: ref.location, kind: .kommune) }
        guard let entry = kommunen[ref.slug] else { return self.kommune(ref, key: "kreis") }
        guard let art = entry else { return }
        if art != .landkreis {
            diagnostics.error(
                ref.location, .kreisNotALandkreis, ["slug": .value(ref.slug), "art": .value(art.rawValue)], hint: Message(.hintKreis))
        } else if ref.slug == kommune.slug {
            diagnostics.error(ref.location, .kreisItself)
        } else if let land = bundeslaender[ref.slug], land != kommune.bundesland {
            diagnostics.error(
                ref.location, .kreisOtherLand,
                ["slug": .value(ref.slug), "land": .value(land.rawValue), "own": .value(kommune.bundesland.rawValue)],
                hint: Message(.hintCheckKreisLand))
        }
    }

    mutating func feld(_ ref: Reference) {
        if let written = ref.notASlug { return notASlug(written, at: ref.location, kind: .handlungsfeld) }
        guard !felder.contains(ref.slug), !claims.allFelder, !claims.felder.contains(ref.slug) else { return }
        let hint = documentHint(for: ref.slug, kind: .handlungsfeld, at: ref.location)
        diagnostics.error(ref.location, .noSuchHandlungsfeld, ["slug": .value(ref.slug)], hint: hint ?? Message(.hintAddHandlungsfeld))
    }

    /// "did you mean …" for a slug no document has: the document that goes
    /// by that name (`stadt-andernach` → `andernach`), else the slug
    /// closest to it in spelling.
    private mutating func documentHint(for slug: String, kind: DocumentKind, at location: SourceLocation) -> Message? {
        if let found = documentNames(kind).slug(named: slug) { return .didYouMean(found) }
        let slugs = documentSlugs(kind)
        return suggestion(at: location, for: slug, in: slugs.count, slugs)
    }

    /// The slugs of the documents of `kind` in order, made the first time
    /// a reference to one fails.
    private mutating func documentSlugs(_ kind: DocumentKind) -> [String] {
        if let made = slugs[kind] { return made }
        let made = Array(Set(documents.slugs(kind, claims: claims))).sorted()
        slugs[kind] = made
        return made
    }

    /// The names of the documents of `kind`, made the first time a
    /// reference to one fails.
    private mutating func documentNames(_ kind: DocumentKind) -> DocumentNames {
        if let made = names[kind] { return made }
        let made = documents.names(kind, claims: claims)
        names[kind] = made
        return made
    }

    /// A long list gets a page per year (`meldungen/2023/`), so a report
    /// or news item named like a year would take that page's place.
    mutating func notAYear(_ page: PageSource, folder: String) {
        guard page.slug.utf8.count == 4, page.slug.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return }
        diagnostics.error(
            page.location, .yearName, ["slug": .value(page.slug), "folder": .value(folder)],
            hint: Message(.hintDateInName, ["example": .value("\(folder)/\(page.slug)-01-20-thema.md")]))
    }

    mutating func bild(_ bild: Bild?) {
        guard let bild else { return }
        let path = "medien/" + bild.datei
        if bild.datei.split(separator: "/").contains("..") {
            diagnostics.error(bild.dateiLocation, .dateiOutsideMedien, hint: Message(.hintRemoveDotDot))
        } else if !mediaPaths.contains(path) {
            let names = mediaPaths.map { String($0.dropFirst("medien/".count)) }.sorted()
            let hint = suggestion(at: bild.dateiLocation, for: bild.datei, in: names.count, names)
            diagnostics.error(
                bild.dateiLocation, .noSuchImage, ["value": .value(bild.datei), "path": .value(label(path))],
                hint: hint ?? Message(.hintPutImage, ["folder": .value(label("medien/"))]))
        }
    }

    mutating func links(of page: PageSource) {
        for link in page.body.links {
            switch link.target {
            case .anchor(let fragment):
                if !(headingIDs[page.contentPath]?.contains(fragment) ?? false) && !fragment.hasPrefix("fn") {
                    let hint = anchorHint(fragment, in: page.contentPath, at: link.location)
                    diagnostics.error(link.location, .noSuchHeadingHere, ["fragment": .value(fragment)], hint: hint)
                }
            case .media(let path), .image(let path):
                if !mediaPaths.contains(path) {
                    let paths = mediaPaths
                    let hint = suggestion(at: link.location, for: path, in: paths.count, paths.sorted())
                    diagnostics.error(link.location, .noSuchMedia, ["path": .value(path), "folder": .value(label("medien/"))], hint: hint)
                }
            case .notContent(let path, let url):
                let hint = linkHint(path, at: link.location) ?? Message(.hintLinkMarkdownFile)
                diagnostics.error(link.location, .linkNotContent, ["url": .value(url)], hint: hint)
            case .page(let written, let fragment):
                // A link to the slug a misnamed file should have is a link to that file.
                let path = claims.paths[written] ?? written
                guard let ids = headingIDs[path] else {
                    if documentPaths.contains(path) { continue }  // its own errors are reported already
                    let hint = pageHint(path, at: link.location)
                    diagnostics.error(link.location, .noSuchPage, ["path": .value("../" + path)], hint: hint)
                    continue
                }
                if drafts.contains(path) {
                    diagnostics.error(link.location, .linkToDraft, ["path": .value("../" + written)], hint: Message(.hintPublishPage))
                } else if let fragment, !ids.contains(fragment) {
                    let hint = anchorHint(fragment, in: path, at: link.location)
                    diagnostics.error(link.location, .noSuchHeading, ["path": .value("../" + written), "fragment": .value(fragment)], hint: hint)
                }
            }
        }
    }

    private mutating func anchorHint(_ fragment: String, in path: String, at location: SourceLocation) -> Message? {
        let ids = headingIDs[path] ?? []
        return suggestion(at: location, for: fragment, in: ids.count, ids.sorted())
    }

    private mutating func pageHint(_ path: String, at location: SourceLocation) -> Message? {
        guard let (kind, slug) = ContentKind.parse(contentPath: path) else {
            return linkHint(path, at: location) ?? Message(.hintPagesLive)
        }
        if let found = documentNames(.page(kind)).slug(named: slug) { return Self.pathHint(kind, found) }
        let slugs = documentSlugs(.page(kind))
        if spendComparisons(slugs.count, at: location), let close = Suggestion.closest(to: slug, in: slugs) {
            return Self.pathHint(kind, close)
        }
        return linkHint(path, at: location)
    }

    /// The page a link that reaches no file probably means, by the last
    /// part of its path (`Vallendar`, `../kommunen/Vallendar`,
    /// `vallendar.md` in the wrong folder): a document of the folder the
    /// link names, else of any kind, that goes by that name.
    private mutating func linkHint(_ path: String, at location: SourceLocation) -> Message? {
        let parts = path.split(separator: "/")
        guard var name = parts.last.map(String.init) else { return nil }
        if let dot = name.lastIndex(of: "."), dot > name.startIndex { name = String(name[..<dot]) }
        let named = parts.count == 2 ? ContentKind(folder: parts[0]) : nil
        for kind in ([named].compactMap { $0 } + ContentKind.allCases) {
            if let found = documentNames(.page(kind)).slug(named: name) { return Self.pathHint(kind, found) }
        }
        return nil
    }

    private static func pathHint(_ kind: ContentKind, _ slug: String) -> Message {
        Message(.hintDidYouMeanPath, ["path": .value("../\(kind.folder)/\(slug).md")])
    }
}
