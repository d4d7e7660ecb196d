import Foundation

/// The page traces of the build that wrote an output folder, beside the
/// decode cache (`.sitegen-cache/<output>/pages.bin`). They are tagged with
/// that build's input fingerprint, which its stamp in the output folder
/// also records: traces are used only while both agree and the folder
/// holds exactly what that build left.
///
/// Pages share most of their reads (the footer, a Kreis's summary, a
/// report's mentions), so each distinct read is stored and checked once,
/// with its digest, and a page is a list of positions in that table.
struct PageTraceStore: Equatable {
    /// The input fingerprint of the build the traces describe.
    var build: String
    var global: ContentHash.Digest
    var reads: [(read: PageTrace.Read, digest: ContentHash.Digest)]
    var pages: [String: [Int]]

    static func == (a: PageTraceStore, b: PageTraceStore) -> Bool {
        a.build == b.build && a.global == b.global && a.pages == b.pages
            && a.reads.count == b.reads.count && zip(a.reads, b.reads).allSatisfy { $0.read == $1.read && $0.digest == $1.digest }
    }

    /// The traces of a build, each distinct read hashed once (in parallel).
    init(build: String, traces: [String: PageTrace], answers: ModelAnswers) {
        var position: [PageTrace.Read: Int] = [:]
        var distinct: [PageTrace.Read] = []
        var pages: [String: [Int]] = [:]
        pages.reserveCapacity(traces.count)
        for (path, trace) in traces {
            pages[path] = trace.reads.map { read in
                if let known = position[read] { return known }
                position[read] = distinct.count
                distinct.append(read)
                return distinct.count - 1
            }
        }
        self.init(
            build: build, global: answers.global,
            reads: Array(zip(distinct, parallelMap(distinct) { answers.digest(of: $0) })).map { (read: $0.0, digest: $0.1) },
            pages: pages)
    }

    init(build: String, global: ContentHash.Digest, reads: [(read: PageTrace.Read, digest: ContentHash.Digest)], pages: [String: [Int]]) {
        self.build = build
        self.global = global
        self.reads = reads
        self.pages = pages
    }

    /// Which pages' traces still hold in this build: every distinct read is
    /// checked once. Nil when none can (other settings, theme or options).
    func check(in answers: ModelAnswers) -> Check? {
        guard answers.complete, answers.global == global else { return nil }
        return Check(store: self, valid: parallelMap(reads) { answers.digest(of: $0.read) == $0.digest })
    }

    struct Check {
        let store: PageTraceStore
        /// Per distinct read: whether it still hashes as stored.
        let valid: [Bool]

        func holds(_ path: String) -> Bool { store.pages[path].map { $0.allSatisfy { valid[$0] } } ?? false }

        /// The store for the build that made the check: kept pages keep
        /// their positions, rendered ones get theirs, and only reads that
        /// are new or no longer valid are hashed.
        func updated(build: String, rendered: [String: PageTrace], kept: [String], answers: ModelAnswers) -> PageTraceStore {
            var reads = store.reads
            var position = Dictionary(reads.indices.map { (reads[$0].read, $0) }, uniquingKeysWith: { a, _ in a })
            var pages: [String: [Int]] = [:]
            pages.reserveCapacity(kept.count + rendered.count)
            for path in kept { pages[path] = store.pages[path] }
            var added: [Int] = []
            for (path, trace) in rendered {
                pages[path] = trace.reads.map { read in
                    if let known = position[read] { return known }
                    position[read] = reads.count
                    added.append(reads.count)
                    reads.append((read, ContentHash.Digest(a: 0, b: 0)))
                    return reads.count - 1
                }
            }
            // Reads no page uses any more are dropped once they are half the table.
            var used = [Bool](repeating: false, count: reads.count)
            for positions in pages.values { for position in positions { used[position] = true } }
            if used.lazy.filter({ $0 }).count * 2 < reads.count {
                var traces: [String: PageTrace] = [:]
                for (path, positions) in pages { traces[path] = PageTrace(reads: positions.map { reads[$0].read }) }
                return PageTraceStore(build: build, traces: traces, answers: answers)
            }
            let stale = valid.indices.filter { !valid[$0] } + added
            let staleReads = stale.map { reads[$0].read }
            for (i, digest) in zip(stale, parallelMap(staleReads) { answers.digest(of: $0) }) { reads[i].digest = digest }
            return PageTraceStore(build: build, global: answers.global, reads: reads, pages: pages)
        }
    }

    static func file(forOutput output: String) -> String { BuildCache.folder(forOutput: output) + "/pages.bin" }

    private static let kind = "page traces"

    static func load(_ path: String, identity: BuildIdentity) -> CacheFile.Read<PageTraceStore> {
        CacheFile.read(path, kind: kind, identity: identity, decode)
    }

    func save(to path: String, identity: BuildIdentity) { CacheFile.write(path, kind: Self.kind, identity: identity, encode) }

    func encode(into writer: inout BinaryWriter) {
        writer.string(build)
        writer.word(global.a)
        writer.word(global.b)
        writer.int(reads.count)
        for (read, digest) in reads {
            let (tag, kind, slug) = Self.parts(of: read)
            writer.int(tag)
            writer.int(kind)
            writer.string(slug)
            writer.word(digest.a)
            writer.word(digest.b)
        }
        writer.int(pages.count)
        for (path, positions) in pages.sorted(by: { $0.key < $1.key }) {
            writer.string(path)
            writer.array(positions) { $0.int($1) }
        }
    }

    static func decode(_ reader: inout BinaryReader) throws -> PageTraceStore {
        let build = try reader.string()
        let global = ContentHash.Digest(a: try reader.word(), b: try reader.word())
        let count = try reader.int()
        guard count >= 0 else { throw BinaryReader.Malformed() }
        var reads: [(read: PageTrace.Read, digest: ContentHash.Digest)] = []
        reads.reserveCapacity(count)
        for _ in 0..<count {
            let tag = try reader.int(), kind = try reader.int(), slug = try reader.string()
            let digest = ContentHash.Digest(a: try reader.word(), b: try reader.word())
            guard let read = read(tag: tag, kind: kind, slug: slug) else { throw BinaryReader.Malformed() }
            reads.append((read, digest))
        }
        let pageCount = try reader.int()
        guard pageCount >= 0 else { throw BinaryReader.Malformed() }
        var pages: [String: [Int]] = [:]
        pages.reserveCapacity(pageCount)
        for _ in 0..<pageCount {
            let path = try reader.string()
            let positions = try reader.array { try $0.int() }
            guard positions.allSatisfy({ reads.indices.contains($0) }) else { throw BinaryReader.Malformed() }
            pages[path] = positions
        }
        guard reader.isAtEnd else { throw BinaryReader.Malformed() }
        return PageTraceStore(build: build, global: global, reads: reads, pages: pages)
    }

    private static let kinds = ContentKind.allCases

    private static func parts(of read: PageTrace.Read) -> (tag: Int, kind: Int, slug: String) {
        switch read {
        case .document(let kind, let slug): return (0, kinds.firstIndex(of: kind)!, slug)
        case .summary(let kind, let slug): return (1, kinds.firstIndex(of: kind)!, slug)
        case .summaries(let kind): return (2, kinds.firstIndex(of: kind)!, "")
        case .erwaehntIn(let slug): return (3, 0, slug)
        case .mitglieder(let slug): return (4, 0, slug)
        case .feld(let slug): return (5, 0, slug)
        case .neighbours(let slug): return (6, 0, slug)
        case .footer: return (7, 0, "")
        case .feldLand(let slug, let land): return (8, Bundesland.allCases.firstIndex(of: land)!, slug)
        case .karte: return (9, 0, "")
        case .statistik: return (10, 0, "")
        }
    }

    private static func read(tag: Int, kind: Int, slug: String) -> PageTrace.Read? {
        if tag == 8 {
            // `kind` holds the Land here.
            return Bundesland.allCases.indices.contains(kind) ? .feldLand(slug, Bundesland.allCases[kind]) : nil
        }
        guard kinds.indices.contains(kind) else { return nil }
        switch tag {
        case 0: return .document(kinds[kind], slug)
        case 1: return .summary(kinds[kind], slug)
        case 2: return .summaries(kinds[kind])
        case 3: return .erwaehntIn(slug)
        case 4: return .mitglieder(slug)
        case 5: return .feld(slug)
        case 6: return .neighbours(slug)
        case 7: return .footer
        case 9: return .karte
        case 10: return .statistik
        default: return nil
        }
    }
}
