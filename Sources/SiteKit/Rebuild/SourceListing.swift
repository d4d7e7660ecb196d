import Foundation

/// Each page document's file status (size, times, inode) and digest as the
/// last build read it, kept beside the caches
/// (`.sitegen-cache/<output>/sources.bin`). A document whose status is the
/// same is not read again: its digest is taken from here, and its decoded
/// form from the decode cache (or it is read after all when that has none).
///
/// Any change to a file changes its change time, which nothing can set
/// back. A file written in the same clock tick as it was read could still
/// look unchanged, so files changed shortly before that build are always
/// read (as git does for its index).
struct SourceListing {
    /// When the build that took the statuses started reading.
    var readStart: timespec
    var files: [String: (status: FileStatus, digest: ContentHash.Digest)]

    /// What a build read: each page document's status as its folder walk
    /// saw it, with the digest of what it read.
    init(input: SiteInput, digests: [String: ContentHash.Digest]) {
        readStart = input.readStart
        files = [:]
        files.reserveCapacity(input.statuses.count)
        for (path, status) in input.statuses {
            if let digest = digests[path] { files[path] = (status, digest) }
        }
    }

    init(readStart: timespec, files: [String: (status: FileStatus, digest: ContentHash.Digest)]) {
        self.readStart = readStart
        self.files = files
    }

    /// How long before `readStart` a change must be to be trusted.
    private static let racyMargin = 2

    /// The document's digest, if it is unchanged since it was read.
    func digest(ifUnchanged path: String, _ info: stat) -> ContentHash.Digest? {
        let status = FileStatus(info)
        guard let known = files[path], known.status == status, status.changed(before: readStart, margin: Self.racyMargin)
        else { return nil }
        return known.digest
    }

    static func file(forOutput output: String) -> String { BuildCache.folder(forOutput: output) + "/sources.bin" }

    static func now() -> timespec {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return time
    }

    private static let kind = "source listing"

    static func load(_ path: String, identity: BuildIdentity) -> CacheFile.Read<SourceListing> {
        CacheFile.read(path, kind: kind, identity: identity, decode)
    }

    func save(to path: String, identity: BuildIdentity) { CacheFile.write(path, kind: Self.kind, identity: identity, encode) }

    func encode(into writer: inout BinaryWriter) {
        writer.time(readStart)
        writer.int(files.count)
        for (path, known) in files.sorted(by: { $0.key < $1.key }) {
            writer.string(path)
            writer.fileStatus(known.status)
            writer.word(known.digest.a)
            writer.word(known.digest.b)
        }
    }

    static func decode(_ reader: inout BinaryReader) throws -> SourceListing {
        let readStart = try reader.time()
        let count = try reader.int()
        guard count >= 0 else { throw BinaryReader.Malformed() }
        var files: [String: (status: FileStatus, digest: ContentHash.Digest)] = [:]
        files.reserveCapacity(count)
        for _ in 0..<count {
            let path = try reader.string()
            let status = try reader.fileStatus()
            files[path] = (status, ContentHash.Digest(a: try reader.word(), b: try reader.word()))
        }
        guard reader.isAtEnd else { throw BinaryReader.Malformed() }
        return SourceListing(readStart: readStart, files: files)
    }
}
