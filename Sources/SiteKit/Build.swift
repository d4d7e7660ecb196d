import Foundation

/// The pipeline: load → parse → model → render → write. This file only
/// strings the stages together; each lives in its own folder.
public enum Build {
    public struct Options: Sendable {
        public var includeDrafts: Bool
        public var baseURL: String?
        /// Keep decoded documents in `.sitegen-cache/` beside the output
        /// folder, so a rebuild decodes only what changed.
        public var useCache: Bool
        /// The build date ("today"), which decides whether a Kaffeerunde is
        /// announced or reported; nil takes it from `SOURCE_DATE_EPOCH` or
        /// the clock (`BuildDate`) when the build starts.
        public var heute: CalendarDate?
        /// Warnings count as errors: nothing is written while there is one.
        public var strict = false

        public init(includeDrafts: Bool = false, baseURL: String? = nil, useCache: Bool = true, heute: CalendarDate? = nil) {
            self.includeDrafts = includeDrafts
            self.baseURL = baseURL
            self.useCache = useCache
            self.heute = heute
        }

        /// With the build date set, or the reason it cannot be.
        func dated() -> Swift.Result<Options, BuildDate.Problem> {
            guard heute == nil else { return .success(self) }
            return BuildDate.today().map { day in
                var dated = self
                dated.heute = day
                return dated
            }
        }
    }

    public struct Result: Sendable {
        /// Every problem found, sorted by file and position.
        public var diagnostics: [Diagnostic]
        /// The pages and feeds this build rendered (every one, except those
        /// in `kept`); nil when there were errors.
        public var files: [OutputFile]?
        /// Media and theme assets, copied as they are.
        public var copies: [PassThroughFile]
        public var model: SiteModel?
        /// Pages not rendered again: the output already holds them as this
        /// build would write them (their traces held).
        public var kept: [String] = []
        /// What the write changed; nil when nothing was written.
        public var written: OutputWriter.Stats?
        /// True when the output already held this build and nothing was done.
        public var upToDate = false
        /// What the user should know about the build besides diagnostics,
        /// e.g. that its cache was damaged.
        public var notes: [String] = []
        /// Photos encoded by this build; the others came from the image cache.
        public var imagesEncoded = 0
        /// What the build read and decoded, handed to the caller with the
        /// result: a program about to exit need not free it piece by piece.
        var retained: [any Sendable] = []

        public var errorCount: Int { diagnostics.reduce(0) { $0 + ($1.severity == .error ? 1 : 0) } }
    }

    /// Parses, checks and renders a site without touching the disk.
    public static func render(_ input: SiteInput, options: Options = Options(), cache: DecodeCache? = nil) -> Result {
        let planned = plan(input, options: options, cache: cache)
        var clock = StageClock()
        guard let jobs = planned.files else {
            return Result(diagnostics: planned.diagnostics, files: nil, copies: [], model: planned.model, written: nil)
        }
        let (search, pages) = both({ jobs.search.value.jobs }, { parallelMap(jobs.pages) { $0.render() } })
        let files = pages + search.map { $0.render() }
        clock.lap("render")
        return Result(diagnostics: planned.diagnostics, files: files, copies: planned.copies, model: planned.model, written: nil)
    }

    /// A checked site whose files are not made yet: the preview server
    /// renders only the pages a browser asks for.
    public struct Plan: Sendable {
        public var diagnostics: [Diagnostic]
        /// Every output file and how to make it; nil when there were errors.
        public var jobs: [PageJob]? { files?.all }
        /// The same, with the search index not made yet.
        var files: SiteRenderer.Jobs?
        public var copies: [PassThroughFile]
        public var model: SiteModel?
        /// What the pages' traces are checked against.
        var answers: ModelAnswers?
        public var imagesEncoded = 0
    }

    /// Parses and checks a site and lists its files without rendering them.
    public static func plan(_ input: SiteInput, options: Options = Options(), cache: DecodeCache? = nil) -> Plan {
        plan(input, options: options, cache: cache, tracing: nil, images: cache?.images ?? ImageStore(folder: nil))
    }

    /// With the `tracing` program's identity, the plan can check and record page traces.
    static func plan(
        _ input: SiteInput, options: Options, cache: DecodeCache?, tracing identity: BuildIdentity?,
        images store: ImageStore = ImageStore(folder: nil), trustImageStatus: Bool = false, published: [String: Int] = [:]
    ) -> Plan {
        var diagnostics = Diagnostics()
        var clock = StageClock()
        let builder = SiteModelBuilder(includeDrafts: options.includeDrafts, baseURLOverride: options.baseURL, strict: options.strict)
        var (model, modelDiagnostics) = builder.build(input, cache: cache)
        diagnostics.append(contentsOf: modelDiagnostics)
        switch options.dated() {
        case .success(let dated): model?.heute = dated.heute!
        case .failure(.notSeconds(let written)):
            diagnostics.error(
                SourceLocation(path: "SOURCE_DATE_EPOCH"), .sourceDateEpochInvalid, ["value": .value(written)],
                hint: Message(.hintSourceDateEpoch))
        }
        clock.lap("parse+model")
        var images = ImageStage.Result()
        if let built = model {
            let stage = ImageStage(
                store: store, trustStatus: trustImageStatus, identity: identity, readStart: input.readStart, published: published,
                contentLabel: input.contentLabel)
            images = stage.run(built)
            model?.images = images.table
            diagnostics.append(contentsOf: images.diagnostics)
            clock.lap("images (\(images.encoded) encoded)")
        }
        let theme = Theme.load(input.templates, label: input.templatesLabel, diagnostics: &diagnostics)
        guard let model, let theme, !diagnostics.hasErrors else {
            return Plan(diagnostics: diagnostics.sorted, files: nil, copies: [], model: model, imagesEncoded: images.encoded)
        }
        // A page shows its images' sizes and names: a changed photo renders every page again.
        let global =
            identity.map { images.table.digest(adding: globalDigest(input, options: options, identity: $0, termine: model.termine)) }
            ?? ContentHash().digest
        let answers = ModelAnswers(model: model, sources: cache?.digests ?? [:], global: global, hashing: identity != nil)
        let jobs = SiteRenderer(answers: answers, theme: theme).jobs()
        clock.lap("theme+plan")
        let media = model.media.filter { !images.withheld.contains($0.path) } + images.copies
        return Plan(
            diagnostics: diagnostics.sorted, files: jobs, copies: media + input.assets, model: model, answers: answers,
            imagesEncoded: images.encoded)
    }

    /// What every page depends on besides the documents its view reads:
    /// the program, the build options, the theme, every content file that
    /// is not a page (site settings, Handlungsfelder), and which Kaffeerunden
    /// are announcements on the build date. Not the date itself: a new day
    /// renders pages again only when it turns an announcement into a report.
    static func globalDigest(_ input: SiteInput, options: Options, identity: BuildIdentity, termine: [String] = [])
        -> ContentHash.Digest
    {
        var hash = identity.hash(options: options)
        hash.add("termine")
        for slug in termine { hash.add(slug) }
        let shared = input.documents.filter { ContentKind.parse(contentPath: $0.path) == nil }
        for (folder, files) in [("content/", shared), ("templates/", input.templates)] {
            for file in files.sorted(by: { $0.path < $1.path }) {
                hash.add(folder + file.path)
                hash.add(file.bytes)
            }
        }
        return hash.digest
    }

    /// Loads from disk, renders, and writes the output atomically. The
    /// previous output stays untouched unless the build succeeds, and a
    /// build that fails writes no cache either.
    ///
    /// A rebuild into an output that holds exactly what the previous build
    /// left reuses what it can: documents whose files did not change are
    /// not read, decoded documents come from the decode cache, and every
    /// page whose trace still holds is neither rendered nor compared.
    public static func run(content: String, templates: String, output: String, options: Options = Options()) throws -> Result {
        try run(content: content, templates: templates, output: output, options: options, identity: .current)
    }

    /// `identity` stands for the running program (tests pretend to be another).
    /// The stages, with the rebuild (`Rebuild`) asked between them what the
    /// last build left that still holds.
    static func run(content: String, templates: String, output: String, options: Options, identity: BuildIdentity) throws -> Result {
        var clock = StageClock()
        // One date for the whole build; it is part of the fingerprint, so
        // the next day's build is never skipped as up to date. (Without a
        // valid date the plan reports the problem.)
        let options = (try? options.dated().get()) ?? options
        let writer = OutputWriter(outputDirectory: output, protectedDirectories: [content, templates])
        // A commit a killed build left half done is finished (or rolled
        // back) before anything looks at the output.
        try writer.finishInterruptedCommits()
        var rebuild = Rebuild(output: writer.output, options: options, identity: identity)
        let input = try DiskLoader(contentDirectory: content, templatesDirectory: templates).load(unchangedSince: rebuild.sources)
        clock.lap("load")
        if rebuild.isUpToDate(input) { return Result(diagnostics: [], files: nil, copies: [], model: nil, written: nil, upToDate: true) }
        // An output folder that may not be written also gets no cache beside it.
        try writer.checkPlace()
        let cache = rebuild.reuse()
        clock.lap("caches and output check")

        let images = ImageStore(folder: options.useCache ? ImageStore.folder(forOutput: writer.output) : nil)
        let planned = plan(
            input, options: options, cache: cache, tracing: identity, images: images, trustImageStatus: rebuild.trustsFileStatus,
            published: rebuild.previousTree?.sizes ?? [:])
        clock.lap("plan")
        var result = Result(diagnostics: planned.diagnostics, files: nil, copies: planned.copies, model: planned.model, written: nil)
        result.imagesEncoded = planned.imagesEncoded
        result.retained = [input, cache, planned]
        if let note = rebuild.damageNote(planned: planned.files != nil) { result.notes.append(note) }
        // A build that fails writes nothing, its cache included.
        guard let jobs = planned.files else { return result }
        let check = rebuild.check(planned.answers)
        // Timed, the index is made alone first, so that its line shows its
        // own cost rather than a share of the cores it runs beside.
        if StageClock.isEnabled { _ = jobs.search.value }
        let (search, (pages, unchanged, traces)) = both({ jobs.search.value.jobs }, { renderChanged(jobs.pages, unless: check) })
        result.files = pages + search.map { $0.render() }
        result.kept = unchanged
        clock.lap("render (\(result.files?.count ?? 0) files, \(result.kept.count) kept)")

        // The caches are saved while the output is written: one is mostly
        // the processor's work, the other the file system's.
        let (saving, files, kept, copies, tree, renderedTraces) = (rebuild, result.files, result.kept, result.copies, rebuild.previousTree, traces)
        let (_, written) = both(
            { saving.save(cache, input: input, rendered: renderedTraces, kept: kept, check: check, answers: planned.answers) },
            { Swift.Result { try files.map { try writer.write(files: $0, kept: kept, copies: copies, scanned: tree) } } })
        if let made = result.files {
            result.written = try written.get()
            rebuild.stamp(made: made, kept: result.kept, copies: result.copies, warnings: !result.diagnostics.isEmpty)
        }
        clock.lap("write")
        return result
    }

    /// Renders every page whose trace does not hold, on all cores; returns
    /// the files made, the pages kept, and the traces of the pages made.
    private static func renderChanged(_ jobs: [PageJob], unless check: PageTraceStore.Check?)
        -> (files: [OutputFile], kept: [String], traces: [String: PageTrace])
    {
        let made = parallelMap(jobs) { job -> (file: OutputFile?, trace: PageTrace?) in
            check?.holds(job.path) == true ? (nil, nil) : job.renderTraced()
        }
        var files: [OutputFile] = [], kept: [String] = [], traces: [String: PageTrace] = [:]
        files.reserveCapacity(made.count)
        for (job, page) in zip(jobs, made) {
            if let file = page.file { files.append(file) } else { kept.append(job.path) }
            if let trace = page.trace { traces[job.path] = trace }
        }
        return (files, kept, traces)
    }
}
