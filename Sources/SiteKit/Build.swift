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

        public init(includeDrafts: Bool = false, baseURL: String? = nil, useCache: Bool = true) {
            self.includeDrafts = includeDrafts
            self.baseURL = baseURL
            self.useCache = useCache
        }
    }

    public struct Result: Sendable {
        /// Every problem found, sorted by file and position.
        public var diagnostics: [Diagnostic]
        /// The rendered pages and feeds; nil when there were errors.
        public var files: [OutputFile]?
        /// Media and theme assets, copied as they are.
        public var copies: [PassThroughFile]
        public var model: SiteModel?
        /// What the write changed; nil when nothing was written.
        public var written: OutputWriter.Stats?
        /// True when the output already held this build and nothing was done.
        public var upToDate = false

        public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    }

    /// Parses, checks and renders a site without touching the disk.
    public static func render(_ input: SiteInput, options: Options = Options(), cache: DecodeCache? = nil) -> Result {
        let planned = plan(input, options: options, cache: cache)
        var clock = StageClock()
        guard let jobs = planned.jobs else {
            return Result(diagnostics: planned.diagnostics, files: nil, copies: [], model: planned.model, written: nil)
        }
        let files = parallelMap(jobs) { $0.render() }
        clock.lap("render")
        return Result(diagnostics: planned.diagnostics, files: files, copies: planned.copies, model: planned.model, written: nil)
    }

    /// A checked site whose files are not made yet: the preview server
    /// renders only the pages a browser asks for.
    public struct Plan: Sendable {
        public var diagnostics: [Diagnostic]
        /// Every output file and how to make it; nil when there were errors.
        public var jobs: [PageJob]?
        public var copies: [PassThroughFile]
        public var model: SiteModel?
    }

    /// Parses and checks a site and lists its files without rendering them.
    public static func plan(_ input: SiteInput, options: Options = Options(), cache: DecodeCache? = nil) -> Plan {
        var diagnostics = Diagnostics()
        var clock = StageClock()
        let builder = SiteModelBuilder(includeDrafts: options.includeDrafts, baseURLOverride: options.baseURL)
        let (model, modelDiagnostics) = builder.build(input, cache: cache)
        diagnostics.append(contentsOf: modelDiagnostics)
        clock.lap("parse+model")
        let theme = Theme.load(input.templates, label: input.templatesLabel, diagnostics: &diagnostics)
        guard let model, let theme, !diagnostics.hasErrors else {
            return Plan(diagnostics: diagnostics.sorted, jobs: nil, copies: [], model: model)
        }
        let jobs = SiteRenderer(model: model, theme: theme).jobs()
        clock.lap("theme+plan")
        return Plan(diagnostics: diagnostics.sorted, jobs: jobs, copies: model.media + input.assets, model: model)
    }

    /// Loads from disk, renders, and writes the output atomically. The
    /// previous output stays untouched unless the build succeeds.
    public static func run(content: String, templates: String, output: String, options: Options = Options()) throws -> Result {
        var clock = StageClock()
        let input = try DiskLoader(contentDirectory: content, templatesDirectory: templates).load()
        let digests = BuildStamp.documentDigests(input)
        let fingerprint = BuildStamp.fingerprint(of: input, options: options, digests: digests)
        let writer = OutputWriter(outputDirectory: output, protectedDirectories: [content, templates])
        clock.lap("load")
        if input.diagnostics.all.isEmpty && BuildStamp.isCurrent(writer.output, input: fingerprint) {
            return Result(diagnostics: [], files: nil, copies: [], model: nil, written: nil, upToDate: true)
        }
        // An output folder that may not be written also gets no cache beside it.
        try writer.checkPlace()
        let cache = DecodeCache()
        cache.digests = digests
        let cacheFile = options.useCache ? BuildCache.file(forOutput: writer.output) : nil
        if let cacheFile, !OutputWriter.isEmptyOrMissing(writer.output) {
            BuildCache.load(cacheFile, into: cache)
            clock.lap("cache load")
        }
        var result = render(input, options: options, cache: cache)
        clock.lap("total parse+render")
        // The cache is saved while the output is written: one is mostly the
        // processor's work, the other the file system's.
        let (_, written) = both({
            if let cacheFile { BuildCache.save(cache, to: cacheFile) }
        }, {
            Swift.Result { try result.files.map { try writer.write(files: $0, copies: result.copies) } }
        })
        if let files = result.files {
            result.written = try written.get()
            // A build with warnings is never skipped: its warnings must show again.
            // The copies' sizes are taken from the output: media are not read twice.
            let sizes = files.map { (path: $0.path, size: $0.bytes.count) } + result.copies.map { copy in
                var info = stat()
                return (path: copy.path, size: stat(writer.output + "/" + copy.path, &info) == 0 ? Int(info.st_size) : -1)
            }
            BuildStamp.record(input: result.diagnostics.isEmpty ? fingerprint : "with-warnings", sizes: sizes, in: writer.output)
        }
        clock.lap("write")
        return result
    }
}
