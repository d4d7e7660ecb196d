import Foundation

/// The page traces of the build that wrote an output folder, beside the
/// decode cache (`.sitegen-cache/<output>/pages.bin`). They are tagged with
/// that build's input fingerprint, which its stamp in the output folder
/// also records: traces are used only while both agree and the folder
/// holds exactly what that build left.
enum PageTraceStore {
    struct Stored: Equatable {
        /// The input fingerprint of the build the traces describe.
        var build: String
        var global: ContentHash.Digest
        var traces: [String: PageTrace]
    }

    static func file(forOutput output: String) -> String { BuildCache.folder(forOutput: output) + "/pages.bin" }

    static func load(_ path: String) -> Stored? {
        guard let bytes = DiskLoader.read(path) else { return nil }
        return bytes.withUnsafeBytes { raw -> Stored? in
            var reader = BinaryReader(raw)
            return try? decode(&reader)
        }
    }

    /// Atomic, like the decode cache; a failure only costs the next build time.
    static func save(_ stored: Stored, to path: String) {
        var writer = BinaryWriter()
        encode(stored, into: &writer)
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        let temporary = path + ".tmp-\(getpid())"
        if !OutputWriter.writeFile(temporary, writer.bytes) || rename(temporary, path) != 0 { unlink(temporary) }
    }

    static func encode(_ stored: Stored, into writer: inout BinaryWriter) {
        writer.string(BuildCache.header + "pages\n")
        writer.string(stored.build)
        writer.word(stored.global.a)
        writer.word(stored.global.b)
        let traces = stored.traces.sorted { $0.key < $1.key }
        writer.int(traces.count)
        for (path, trace) in traces {
            writer.string(path)
            writer.int(trace.reads.count)
            for (read, digest) in trace.reads {
                let (tag, kind, slug) = parts(of: read)
                writer.int(tag)
                writer.int(kind)
                writer.string(slug)
                writer.word(digest.a)
                writer.word(digest.b)
            }
        }
    }

    static func decode(_ reader: inout BinaryReader) throws -> Stored {
        guard try reader.string() == BuildCache.header + "pages\n" else { throw BinaryReader.Malformed() }
        let build = try reader.string()
        let global = ContentHash.Digest(a: try reader.word(), b: try reader.word())
        let count = try reader.int()
        guard count >= 0 else { throw BinaryReader.Malformed() }
        var traces: [String: PageTrace] = [:]
        traces.reserveCapacity(count)
        for _ in 0..<count {
            let path = try reader.string()
            let reads = try reader.int()
            guard reads >= 0 else { throw BinaryReader.Malformed() }
            var trace = PageTrace()
            trace.reads.reserveCapacity(reads)
            for _ in 0..<reads {
                let tag = try reader.int(), kind = try reader.int(), slug = try reader.string()
                let digest = ContentHash.Digest(a: try reader.word(), b: try reader.word())
                guard let read = read(tag: tag, kind: kind, slug: slug) else { throw BinaryReader.Malformed() }
                trace.reads.append((read, digest))
            }
            traces[path] = trace
        }
        guard reader.isAtEnd else { throw BinaryReader.Malformed() }
        return Stored(build: build, global: global, traces: traces)
    }

    private static let kinds = ContentKind.allCases

    private static func parts(of read: PageTrace.Read) -> (tag: Int, kind: Int, slug: String) {
        switch read {
        case .document(let kind, let slug): return (0, kinds.firstIndex(of: kind)!, slug)
        case .summary(let kind, let slug): return (1, kinds.firstIndex(of: kind)!, slug)
        case .summaries(let kind): return (2, kinds.firstIndex(of: kind)!, "")
        case .mentions(let slug): return (3, 0, slug)
        case .mitglieder(let slug): return (4, 0, slug)
        case .feld(let slug): return (5, 0, slug)
        case .neighbours(let slug): return (6, 0, slug)
        case .footer: return (7, 0, "")
        }
    }

    private static func read(tag: Int, kind: Int, slug: String) -> PageTrace.Read? {
        guard kinds.indices.contains(kind) else { return nil }
        switch tag {
        case 0: return .document(kinds[kind], slug)
        case 1: return .summary(kinds[kind], slug)
        case 2: return .summaries(kinds[kind])
        case 3: return .mentions(slug)
        case 4: return .mitglieder(slug)
        case 5: return .feld(slug)
        case 6: return .neighbours(slug)
        case 7: return .footer
        default: return nil
        }
    }
}
