import CSystemExtras
import Foundation

/// Writes a finished site so that the output folder only ever holds a whole
/// build, and touches only what changed.
///
/// - A new or empty output folder is written in a staging folder beside it,
///   which then takes its place in one rename.
/// - An existing output is compared file by file; only new and changed files
///   are staged beside it, together with a journal of what to move in and
///   what to delete. Renaming the journal into place is the commit point: a
///   build that fails or is killed before it leaves the previous output as
///   it was; one killed after it is completed by the next run before
///   anything else happens.
public struct OutputWriter {
    /// Marks a folder as written by sitegen, so it may be changed. sitegen
    /// refuses to write into a non-empty folder without it: `--output ~` must
    /// never cost anyone their files. It also records the build's stamp.
    public static let marker = ".sitegen-output"
    public static let defaultStamp = "This folder is written by sitegen build.\n"

    public var outputDirectory: String
    /// Folders the output must stay clear of (content, templates).
    public var protectedDirectories: [String]

    public init(outputDirectory: String, protectedDirectories: [String]) {
        self.outputDirectory = outputDirectory
        self.protectedDirectories = protectedDirectories
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    public struct Stats: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0

        public init(written: Int = 0, unchanged: Int = 0, removed: Int = 0) {
            self.written = written
            self.unchanged = unchanged
            self.removed = removed
        }
    }

    var output: String { URL(fileURLWithPath: outputDirectory).standardizedFileURL.path }
    private var parent: String { (output as NSString).deletingLastPathComponent }
    private var name: String { (output as NSString).lastPathComponent }
    private var stagingPrefix: String { parent + "/.\(name).sitegen-staging-" }

    /// `kept` are files the output already holds with exactly the bytes
    /// this build would write (the caller has made sure): they stay as they
    /// are and are not read.
    @discardableResult
    public func write(files: [OutputFile], kept: [String] = [], copies: [PassThroughFile],
                      stamp: String = defaultStamp) throws -> Stats {
        try write(files: files, kept: kept, copies: copies, stamp: stamp, scanned: nil)
    }

    /// `scanned` is what the output held when the caller looked (it must not
    /// have changed since); without it the folder is walked here.
    func write(files: [OutputFile], kept: [String], copies: [PassThroughFile], stamp: String = defaultStamp,
               scanned: OutputTree?) throws -> Stats {
        try checkPlace()
        let fm = FileManager.default
        try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        try finishInterruptedCommits()

        let staging = stagingPrefix + "\(getpid())"
        try? fm.removeItem(atPath: staging)
        let existing = Self.isEmptyOrMissing(output) ? nil : scanned ?? OutputTree.scan(output)
        do {
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: false)
            let stats: Stats
            if let existing {
                stats = try update(existing: existing, files: files, kept: kept, copies: copies, staging: staging)
            } else {
                guard kept.isEmpty else {
                    throw WriteError(description: "\(outputDirectory) was emptied during the build; run the build again")
                }
                stats = try writeFresh(files: files, copies: copies, stamp: stamp, staging: staging)
            }
            try? fm.removeItem(atPath: staging)
            return stats
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
    }

    // MARK: - A new output folder

    private func writeFresh(files: [OutputFile], copies: [PassThroughFile], stamp: String, staging: String) throws -> Stats {
        var all = files
        all.append(OutputFile(path: Self.marker, bytes: Array(stamp.utf8)))
        try Self.makeDirectories(for: all.map(\.path) + copies.map(\.path), in: staging)
        try writeAll(all, names: all.map(\.path), copies: copies, into: staging)
        if FileManager.default.fileExists(atPath: output) {
            // An empty folder: swap it out, so the site appears at once.
            guard sitegen_exchange_paths(staging, output) == 0 || (rmdir(output) == 0 && rename(staging, output) == 0) else {
                throw WriteError(description: "cannot replace \(outputDirectory): \(Self.lastError)")
            }
        } else if rename(staging, output) != 0 {
            throw WriteError(description: "cannot create \(outputDirectory): \(Self.lastError)")
        }
        return Stats(written: files.count + copies.count)
    }

    // MARK: - An existing output folder

    private func update(existing: OutputTree, files: [OutputFile], kept: [String], copies: [PassThroughFile],
                        staging: String) throws -> Stats {
        guard kept.allSatisfy({ existing.sizes[$0] != nil }) else {
            throw WriteError(description: "\(outputDirectory) changed during the build; run the build again")
        }
        // Which files differ? Same size is checked byte by byte; reading is far
        // cheaper than writing on these disks.
        let output = self.output
        let changedFiles = parallelMap(files) { file -> Bool in
            guard existing.sizes[file.path] == file.bytes.count else { return true }
            return DiskLoader.read(output + "/" + file.path) != file.bytes
        }
        let copyBytes = parallelMap(copies) { copy -> [UInt8]? in
            switch copy.origin {
            case .memory(let bytes): return bytes
            case .disk(let path): return DiskLoader.read(path)
            }
        }
        var changed: [OutputFile] = []
        for (file, isChanged) in zip(files, changedFiles) where isChanged { changed.append(file) }
        for (copy, bytes) in zip(copies, copyBytes) {
            guard let bytes else { throw WriteError(description: "cannot read \(copy.path)") }
            if existing.sizes[copy.path] != bytes.count || DiskLoader.read(output + "/" + copy.path) != bytes {
                changed.append(OutputFile(path: copy.path, bytes: bytes))
            }
        }
        var wanted = Set(files.map(\.path))
        wanted.formUnion(kept)
        wanted.formUnion(copies.map(\.path))
        wanted.insert(Self.marker)
        let stale = existing.sizes.keys.filter { !wanted.contains($0) }.sorted()
        let stats = Stats(written: changed.count, unchanged: files.count + kept.count + copies.count - changed.count,
                          removed: stale.count)
        // The marker stays; the build records its new stamp after the write.
        guard !changed.isEmpty || !stale.isEmpty else { return stats }

        // Stage the changed files under numbered names, then commit.
        let stagedNames = changed.indices.map(String.init)
        try writeAll(changed, names: stagedNames, copies: [], into: staging)
        // Only folders the new output has no file in are tried: a rmdir of
        // each of 13,000 page folders cost more than the rest of the commit.
        let keptFolders = OutputTree.folders(above: wanted)
        let journal = OutputJournal(
            moves: zip(stagedNames, changed).map { (staged: $0, target: $1.path) },
            deletions: stale, emptiedDirectories: existing.directories.filter { !keptFolders.contains($0) })
        try journal.commit(in: staging)
        try journal.apply(from: staging, to: output)
        return stats
    }

    /// A commit whose journal was written but not fully applied (the process
    /// was killed): apply it now, before anything else changes the output.
    func finishInterruptedCommits() throws {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: parent)) ?? [] where (parent + "/" + entry).hasPrefix(stagingPrefix) {
            let staging = parent + "/" + entry
            if let journal = OutputJournal.read(from: staging) {
                try journal.apply(from: staging, to: output)
            }
            try? fm.removeItem(atPath: staging)
        }
    }

    // MARK: - Writing

    /// Writes `files` under `names` (their paths, or numbers when staged for
    /// a commit) and the copies under their paths.
    private func writeAll(_ files: [OutputFile], names: [String], copies: [PassThroughFile], into root: String) throws {
        let failures = parallelMap(Array(zip(files, names))) { file, name -> String? in
            Self.writeFile(root + "/" + name, file.bytes) ? nil : file.path
        } + parallelMap(copies) { copy -> String? in
            let bytes: [UInt8]?
            switch copy.origin {
            case .memory(let data): bytes = data
            case .disk(let source): bytes = DiskLoader.read(source)
            }
            guard let bytes else { return copy.path }
            return Self.writeFile(root + "/" + copy.path, bytes) ? nil : copy.path
        }
        if let failed = failures.compactMap({ $0 }).first {
            throw WriteError(description: "cannot write \(failed): \(Self.lastError)")
        }
    }

    /// Creates the folders that `paths` need below `root`, parents first.
    static func makeDirectories(for paths: [String], in root: String) throws {
        func parent(_ path: Substring) -> Substring { path.lastIndex(of: "/").map { path[..<$0] } ?? "" }
        var directories: Set<Substring> = []
        for path in paths {
            var dir = parent(Substring(path))
            while !dir.isEmpty && directories.insert(dir).inserted {
                dir = parent(dir)
            }
        }
        for dir in directories.sorted() {
            guard mkdir(root + "/" + dir, 0o755) == 0 || errno == EEXIST else {
                throw WriteError(description: "cannot create \(dir): \(lastError)")
            }
        }
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return write(bytes, to: fd)
    }

    /// Writes all of `bytes` to an open file, however many calls it takes.
    static func write(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    static var lastError: String { String(cString: strerror(errno)) }

    // MARK: - Safety

    func checkPlace() throws {
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.path
        if output == "/" || output == home {
            throw WriteError(description: "refusing to write the site into \(output); choose a folder of its own, e.g. public")
        }
        for protected in protectedDirectories {
            let p = URL(fileURLWithPath: protected).standardizedFileURL.path
            if output == p || output.hasPrefix(p + "/") || p.hasPrefix(output + "/") {
                throw WriteError(description: "the output folder \(outputDirectory) overlaps \(protected); choose another, e.g. public")
            }
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDir) else { return }
        guard isDir.boolValue else {
            throw WriteError(description: "\(outputDirectory) exists and is not a folder")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        if !entries.isEmpty && !entries.contains(Self.marker) {
            throw WriteError(description: "\(outputDirectory) holds files that sitegen did not write; "
                + "remove the folder or choose another output folder, so nothing of yours is replaced")
        }
    }

    static func isEmptyOrMissing(_ path: String) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).isEmpty
    }
}
