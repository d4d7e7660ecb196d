import Foundation

/// What a build into one output folder takes over from the build before it
/// and leaves for the next: the one place that decides what is fresh.
/// `Build.run` calls it between its stages, in this order:
///
/// 1. `init` reads the content files' status at the last build
///    (`sources`), so that the loader reads only files that changed;
/// 2. `isUpToDate(_:)` compares the loaded input and the output with the
///    stamp of the last build: when both are as it left them, the build is done;
/// 3. `reuse()` loads the decode cache and checks that the output holds what
///    the last build's page traces describe;
/// 4. `check(_:)` says which pages' traces still hold (they are not rendered);
/// 5. `save(…)` keeps the decode cache, the source listing and the traces
///    (beside the write, on the other core), and `stamp(…)` marks the output.
///
/// Every decision uses one `BuildIdentity` (binary, cache format, options,
/// theme). A damaged cache file makes the whole build a clean one, with a note.
struct Rebuild {
    private var caches: CacheFiles
    private let output: String
    private let options: Build.Options
    private let identity: BuildIdentity
    /// A build into an empty folder reads everything and trusts nothing.
    private let outputExists: Bool
    /// The content files' status at the last build; nil for a clean build.
    private(set) var sources: SourceListing?
    private var listing: OutputListing?
    private var digests: [String: ContentHash.Digest] = [:]
    private var fingerprint = ""
    private var previous: (traces: PageTraceStore, tree: OutputTree)?

    init(output: String, options: Build.Options, identity: BuildIdentity) {
        self.output = output
        self.options = options
        self.identity = identity
        caches = CacheFiles(output: output, enabled: options.useCache, identity: identity)
        outputExists = !OutputWriter.isEmptyOrMissing(output)
        sources = outputExists ? caches.read(\.sources, SourceListing.load) : nil
    }

    /// True when the output already holds what this input makes. Hashes the
    /// input's documents (the digests later builds compare with).
    mutating func isUpToDate(_ input: SiteInput) -> Bool {
        digests = BuildStamp.documentDigests(input)
        fingerprint = BuildStamp.fingerprint(of: input, options: options, identity: identity, digests: digests)
        listing = outputExists ? caches.read(\.listing, OutputListing.load) : nil
        guard input.diagnostics.all.isEmpty, !caches.damaged,
            BuildStamp.isCurrent(output, input: fingerprint, listing: listing)
        else { return false }
        // Documents read only because they had just changed need not be next time.
        if let path = caches.sources, input.documents.contains(where: { $0.unread == nil && input.statuses[$0.path] != nil }) {
            SourceListing(input: input, digests: digests).save(to: path, identity: identity)
        }
        return true
    }

    /// The decode cache to build with: filled from the last build's when the
    /// output still holds exactly what that build wrote.
    mutating func reuse() -> DecodeCache {
        let cache = DecodeCache()
        cache.digests = digests
        guard let folder = caches.decoded, let tracesFile = caches.traces, outputExists, !caches.damaged else { return cache }
        // Decoding the cache is the processor's work, checking the output
        // the file system's: side by side.
        let (output, listing, identity) = (output, listing, identity)
        let (decoded, build) = both(
            { BuildCache.load(folder, identity: identity) },
            { Self.previousBuild(output: output, traces: tracesFile, listing: listing, identity: identity) })
        caches.note(decoded)
        caches.note(build)
        // A damaged cache is not used at all: the build is a clean one.
        if !caches.damaged {
            if let loaded = decoded.value { cache.loaded(loaded.entries, shardCounts: loaded.shardCounts) }
            previous = build.value
        }
        return cache
    }

    /// Whether the status of files the last build checked (derived images) may be trusted.
    var trustsFileStatus: Bool { outputExists && !caches.damaged }

    /// What to tell the user about a damaged cache, if it was.
    func damageNote(planned: Bool) -> String? {
        guard caches.damaged else { return nil }
        return "the build cache in \(BuildCache.label(forOutput: output)) was damaged and \(planned ? "is rebuilt" : "is not used")"
    }

    /// The pages whose traces still hold against this build's model.
    func check(_ answers: ModelAnswers?) -> PageTraceStore.Check? {
        answers.flatMap { previous?.traces.check(in: $0) }
    }

    /// The output as the last build left it, for the writer's comparison.
    var previousTree: OutputTree? { previous?.tree }

    /// Keeps what the next build reuses. Runs beside the write.
    func save(
        _ cache: DecodeCache, input: SiteInput, rendered traces: [String: PageTrace], kept: [String],
        check: PageTraceStore.Check?, answers model: ModelAnswers?
    ) {
        if let folder = caches.decoded { BuildCache.save(cache, to: folder, identity: identity) }
        if let path = caches.sources { SourceListing(input: input, digests: digests).save(to: path, identity: identity) }
        if let path = caches.traces, let model {
            let store =
                check?.updated(build: fingerprint, rendered: traces, kept: kept, answers: model)
                ?? PageTraceStore(build: fingerprint, traces: traces, answers: model)
            store.save(to: path, identity: identity)
        }
    }

    /// Marks the written output as this build's, with every file's size, so
    /// that the next build can tell it is intact: pages made, pages kept (their
    /// sizes from the check that proved them intact) and the copies (from the
    /// output: media are not read twice).
    func stamp(made: [OutputFile], kept: [String], copies: [PassThroughFile], warnings: Bool) {
        let keptSizes = kept.map { (path: $0, size: previous?.tree.sizes[$0] ?? -1) }
        let sizes =
            made.map { (path: $0.path, size: $0.bytes.count) } + keptSizes
            + copies.map { copy in
                // A derived image's size is known (and was checked when copied).
                if let size = copy.knownSize { return (path: copy.path, size: size) }
                var info = stat()
                return (path: copy.path, size: stat(output + "/" + copy.path, &info) == 0 ? Int(info.st_size) : -1)
            }
        let marker = BuildStamp.record(input: fingerprint, warnings: warnings, sizes: sizes, in: output)
        // After the stamp: a listing that belongs to no stamp is never used.
        if let path = caches.listing, let marker {
            OutputListing(files: sizes, marker: marker).save(to: path, identity: identity)
        }
    }

    /// The traces of the build that wrote the output, with what the output
    /// holds, when it holds exactly what that build left.
    private static func previousBuild(output: String, traces path: String, listing: OutputListing?, identity: BuildIdentity)
        -> CacheFile.Read<(traces: PageTraceStore, tree: OutputTree)>
    {
        // A commit a killed build left half done was finished when the
        // build began (`Build.run`), before the output is compared with its stamp.
        switch PageTraceStore.load(path, identity: identity) {
        case .damaged: return .damaged
        case .absent: return .absent
        case .value(let traces):
            guard let (stamp, tree) = BuildStamp.intact(output, listing: listing), stamp.input == traces.build else { return .absent }
            return .value((traces, tree))
        }
    }
}

/// Where a build keeps what the next build into the same output reuses,
/// in `.sitegen-cache/<output>/`; all nil with `--no-cache`. One damaged
/// file makes the build ignore them all.
private struct CacheFiles {
    var decoded: String?, traces: String?, sources: String?, listing: String?
    let identity: BuildIdentity
    private(set) var damaged = false

    init(output: String, enabled: Bool, identity: BuildIdentity) {
        self.identity = identity
        guard enabled else { return }
        decoded = BuildCache.folder(forOutput: output)
        traces = PageTraceStore.file(forOutput: output)
        sources = SourceListing.file(forOutput: output)
        listing = OutputListing.file(forOutput: output)
    }

    /// The content of one of the files, unless it or one read before was damaged.
    mutating func read<T>(_ file: KeyPath<CacheFiles, String?>, _ load: (String, BuildIdentity) -> CacheFile.Read<T>) -> T? {
        guard !damaged, let path = self[keyPath: file] else { return nil }
        let found = load(path, identity)
        note(found)
        return damaged ? nil : found.value
    }

    mutating func note<T>(_ found: CacheFile.Read<T>) {
        if found.isDamaged { damaged = true }
    }
}
