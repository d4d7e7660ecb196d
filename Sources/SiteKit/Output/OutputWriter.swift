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
public struct OutputWriter: Sendable {
    /// Marks a folder as written by sitegen, so it may be changed. sitegen
    /// refuses to write into a non-empty folder without it: `--output ~` must
    /// never cost anyone their files. It also records the build's stamp.
    public static let marker = ".sitegen-output"
    public static let defaultStamp = "This folder is written by sitegen build.\n"

    public let outputDirectory: String
    /// Folders the output must stay clear of (content, templates).
    public var protectedDirectories: [String]
    /// The output folder as an absolute path; an output given as a symbolic
    /// link to a folder is the folder itself, so that the site is staged
    /// and swapped beside the real folder, not in place of the link.
    let output: String

    public init(outputDirectory: String, protectedDirectories: [String]) {
        self.outputDirectory = outputDirectory
        self.protectedDirectories = protectedDirectories
        let path = URL(fileURLWithPath: outputDirectory).standardizedFileURL.path
        var info = stat()
        output = lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK ? Self.resolved(path) : path
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var description: String

        /// The message with the system's reason for the call that just
        /// failed; errno is read before the message is made, since making
        /// it may call the system too.
        static func system(_ message: @autoclosure () -> String) -> WriteError {
            let reason = OutputWriter.lastError
            return WriteError(description: message() + ": " + reason)
        }
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

    private var parent: String { (output as NSString).deletingLastPathComponent }
    private var name: String { (output as NSString).lastPathComponent }
    private var stagingPrefix: String { parent + "/.\(name).sitegen-staging-" }
    /// Staging inside the output folder, for one that is a mount point.
    static let innerStagingPrefix = ".sitegen-staging-"

    /// Where this build stages its files: beside the output, so that a new
    /// site appears in one rename; inside it when the output folder is a
    /// mount point (a Docker volume, a tmpfs), since nothing can be renamed
    /// or linked across a mount point.
    private func stagingFolder(inside: Bool) -> String {
        inside ? output + "/" + Self.innerStagingPrefix + "\(getpid())" : stagingPrefix + "\(getpid())"
    }

    /// For tests: a step of the commit that the file system refuses, or
    /// at which the process dies.
    var fault: @Sendable (OutputJournal.Step) -> OutputJournal.Fault? = { _ in nil }
    /// For tests: stage inside the output folder as for a mount point.
    var forceInnerStaging = false

    /// `kept` are files the output already holds with exactly the bytes
    /// this build would write (the caller has made sure): they stay as they
    /// are and are not read.
    @discardableResult
    public func write(
        files: [OutputFile], kept: [String] = [], copies: [PassThroughFile],
        stamp: String = defaultStamp
    ) throws -> Stats {
        try write(files: files, kept: kept, copies: copies, stamp: stamp, scanned: nil)
    }

    /// `scanned` is what the output held when the caller looked (it must not
    /// have changed since); without it the folder is walked here.
    func write(
        files: [OutputFile], kept: [String], copies: [PassThroughFile], stamp: String = defaultStamp,
        scanned: OutputTree?
    ) throws -> Stats {
        try checkPlace()
        try Self.makePath(parent)
        try finishInterruptedCommits()

        let exists = access(output, F_OK) == 0
        let inside = exists && (forceInnerStaging || Self.isMountPoint(output))
        let staging = stagingFolder(inside: inside)
        Self.remove(staging)
        let empty = Self.isEmptyOrMissing(output)
        let existing = empty ? nil : scanned ?? OutputTree.scan(output)
        guard mkdir(staging, 0o755) == 0 else {
            throw WriteError.system("cannot create a staging folder in \(inside ? outputDirectory : parent)")
        }
        do {
            let stats: Stats
            if let existing {
                stats = try update(
                    existing: existing, proven: scanned != nil, files: files, kept: kept, copies: copies, staging: staging, stamp: nil)
            } else {
                guard kept.isEmpty else {
                    throw WriteError(description: "\(outputDirectory) was emptied during the build; run the build again")
                }
                stats =
                    inside
                    ? try update(existing: OutputTree(), proven: true, files: files, kept: [], copies: copies, staging: staging, stamp: stamp)
                    : try writeFresh(files: files, copies: copies, stamp: stamp, staging: staging)
            }
            Self.remove(staging)
            return stats
        } catch {
            // A commit that was killed, or a rollback that could not
            // finish, keeps its journal and links for the next run;
            // anything else staged is discarded.
            if OutputJournal.read(from: staging) == nil { Self.remove(staging) }
            throw error
        }
    }

    // MARK: - A new output folder

    private func writeFresh(files: [OutputFile], copies: [PassThroughFile], stamp: String, staging: String) throws -> Stats {
        var all = files
        all.append(OutputFile(path: Self.marker, bytes: Array(stamp.utf8)))
        try Self.makeDirectories(for: all.map(\.path) + copies.map(\.path), in: staging)
        try writeAll(all, names: all.map(\.path), copies: copies, into: staging)
        if access(output, F_OK) == 0 {
            // An empty folder: swap it out, so the site appears at once.
            guard sitegen_exchange_paths(staging, output) == 0 || (rmdir(output) == 0 && rename(staging, output) == 0) else {
                throw WriteError.system("cannot replace \(outputDirectory)")
            }
        } else if rename(staging, output) != 0 {
            throw WriteError.system("cannot create \(outputDirectory)")
        }
        return Stats(written: files.count + copies.count)
    }

    // MARK: - An existing output folder

    /// Stages what changed and commits it through a journal. `stamp` is
    /// the marker to write with the files, for an empty output folder that
    /// is filled in place (a mount point); an existing output keeps its
    /// marker, and the build records its new stamp after the write.
    /// `proven`: the build's output check found every file of `existing`
    /// unchanged since the build that wrote it (not merely present).
    private func update(
        existing: OutputTree, proven: Bool, files: [OutputFile], kept: [String], copies: [PassThroughFile],
        staging: String, stamp: String?
    ) throws -> Stats {
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
        // Nil: unchanged without reading (named by its content, same size,
        // in an output proven untouched since it was written: a file edited
        // by hand keeps its name and perhaps its size).
        let copyBytes = parallelMap(copies) { copy -> [UInt8]?? in
            switch copy.origin {
            case .memory(let bytes): return bytes
            case .disk(let path):
                if copy.namedByContent, proven, let size = existing.sizes[copy.path] {
                    if let known = copy.knownSize {
                        if known == size { return .some(nil) }
                    } else {
                        var info = stat()
                        if stat(path, &info) == 0, Int(info.st_size) == size { return .some(nil) }
                    }
                }
                return DiskLoader.read(path)
            }
        }
        var changed: [OutputFile] = []
        for (file, isChanged) in zip(files, changedFiles) where isChanged { changed.append(file) }
        for (copy, found) in zip(copies, copyBytes) {
            guard let found else { throw WriteError(description: "cannot read \(copy.sourceDescription)") }
            guard let bytes = found else { continue }
            if let known = copy.knownSize, bytes.count != known {
                throw WriteError(description: "\(copy.sourceDescription) changed during the build; run the build again")
            }
            if existing.sizes[copy.path] != bytes.count || DiskLoader.read(output + "/" + copy.path) != bytes {
                changed.append(OutputFile(path: copy.path, bytes: bytes))
            }
        }
        var stats = Stats(
            written: changed.count, unchanged: files.count + kept.count + copies.count - changed.count,
            removed: 0)
        if let stamp { changed.append(OutputFile(path: Self.marker, bytes: Array(stamp.utf8))) }
        var wanted = Set(files.map(\.path))
        wanted.formUnion(kept)
        wanted.formUnion(copies.map(\.path))
        wanted.insert(Self.marker)
        let stale = existing.sizes.keys.filter { !wanted.contains($0) }.sorted()
        stats.removed = stale.count
        guard !changed.isEmpty || !stale.isEmpty else { return stats }

        // Stage the changed files under numbered names, with a hard link to
        // every file they replace or that goes, then commit: until the
        // journal's rename the output is untouched, and after it every step
        // can be undone from the links.
        let stagedNames = changed.indices.map(String.init)
        try writeAll(changed, names: stagedNames, copies: [], into: staging)
        let moves = zip(stagedNames, changed).map { name, file in
            OutputJournal.Move(staged: name, target: file.path, replaces: existing.sizes[file.path] != nil)
        }
        for move in moves where move.replaces {
            try Self.link(output + "/" + move.target, to: staging + "/" + OutputJournal.backup(move.staged))
        }
        for (index, path) in stale.enumerated() {
            try Self.link(output + "/" + path, to: staging + "/" + OutputJournal.deletedBackup(index))
        }
        let existingFolders = Set(existing.directories)
        // Only folders the new output has no file in are tried: a rmdir of
        // each of 13,000 page folders cost more than the rest of the commit.
        let keptFolders = OutputTree.folders(above: wanted)
        let journal = OutputJournal(
            moves: moves, deletions: stale,
            createdDirectories: OutputTree.folders(above: changed.map(\.path)).filter { !existingFolders.contains($0) }.sorted(),
            emptiedDirectories: existing.directories.filter { !keptFolders.contains($0) })
        try journal.commit(in: staging)
        try journal.apply(from: staging, to: output, fault: fault)
        return stats
    }

    private static func link(_ path: String, to backup: String) throws {
        guard Glibc.link(path, backup) == 0 else {
            throw WriteError.system("cannot keep the previous \(path) while updating the output")
        }
    }

    /// A commit whose journal was written but not fully applied (the process
    /// was killed): carry it forward now, or finish its rollback, before
    /// anything else reads or changes the output. `build`, `check` and
    /// `serve` all call this first.
    @discardableResult
    public func finishInterruptedCommits() throws -> Bool {
        var finished = false
        var stagings: [String] = []
        for entry in Self.names(in: parent) where (parent + "/" + entry).hasPrefix(stagingPrefix) {
            stagings.append(parent + "/" + entry)
        }
        for entry in Self.names(in: output) where entry.hasPrefix(Self.innerStagingPrefix) {
            stagings.append(output + "/" + entry)
        }
        for staging in stagings.sorted() {
            if let (journal, rollingBack) = OutputJournal.read(from: staging) {
                if rollingBack {
                    try journal.rollBack(from: staging, to: output)
                } else {
                    try journal.apply(from: staging, to: output)
                }
                finished = true
            }
            Self.remove(staging)
        }
        return finished
    }

    // MARK: - Writing

    /// Writes `files` under `names` (their paths, or numbers when staged for
    /// a commit) and the copies under their paths.
    private func writeAll(_ files: [OutputFile], names: [String], copies: [PassThroughFile], into root: String) throws {
        let failures =
            parallelMap(Array(zip(files, names))) { file, name -> String? in
                Self.writeFile(root + "/" + name, file.bytes) ? nil : WriteError.system("cannot write \(file.path)").description
            }
            + parallelMap(copies) { copy -> String? in
                let bytes: [UInt8]?
                switch copy.origin {
                case .memory(let data): bytes = data
                case .disk(let source): bytes = DiskLoader.read(source)
                }
                guard let bytes else { return "cannot read \(copy.sourceDescription)" }
                if let known = copy.knownSize, bytes.count != known {
                    return "\(copy.sourceDescription) changed during the build; run the build again"
                }
                return Self.writeFile(root + "/" + copy.path, bytes) ? nil : WriteError.system("cannot write \(copy.path)").description
            }
        if let failed = failures.compactMap({ $0 }).first {
            throw WriteError(description: failed)
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
                throw WriteError.system("cannot create \(dir)")
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
        // Symbolic links are resolved first: `--content link-to-site
        // --output site/public` must be seen to overlap.
        let resolvedOutput = Self.resolved(output)
        if output == "/" || output == home || resolvedOutput == "/" || resolvedOutput == Self.resolved(home) {
            throw WriteError(description: "refusing to write the site into \(output); choose a folder of its own, e.g. public")
        }
        for protected in protectedDirectories {
            let p = Self.resolved(URL(fileURLWithPath: protected).standardizedFileURL.path)
            if resolvedOutput == p || resolvedOutput.hasPrefix(p + "/") || p.hasPrefix(resolvedOutput + "/") {
                throw WriteError(description: "the output folder \(outputDirectory) overlaps \(protected); choose another, e.g. public")
            }
        }
        var info = stat()
        guard lstat(output, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw WriteError(description: "\(outputDirectory) exists and is not a folder")
        }
        let entries = Self.names(in: output).filter { !$0.hasPrefix(Self.innerStagingPrefix) }
        if !entries.isEmpty && !entries.contains(Self.marker) {
            throw WriteError(
                description: "\(outputDirectory) holds files that sitegen did not write; "
                    + "remove the folder or choose another output folder, so nothing of yours is replaced")
        }
    }

    /// `path` with every symbolic link resolved; the part that does not
    /// exist yet is appended as written.
    static func resolved(_ path: String) -> String {
        var existing = path, rest: [String] = []
        while !existing.isEmpty && existing != "/" {
            if let real = realpath(existing, nil) {
                defer { free(real) }
                let base = String(cString: real)
                return rest.isEmpty ? base : (base == "/" ? "" : base) + "/" + rest.reversed().joined(separator: "/")
            }
            rest.append((existing as NSString).lastPathComponent)
            existing = (existing as NSString).deletingLastPathComponent
        }
        return "/" + rest.reversed().joined(separator: "/")
    }

    /// A folder another file system is mounted on, or a bind mount: the
    /// device differs from its parent's, or the mount table lists it.
    static func isMountPoint(_ path: String) -> Bool {
        var own = stat(), up = stat()
        guard stat(path, &own) == 0, stat(path + "/..", &up) == 0 else { return false }
        if own.st_dev != up.st_dev || own.st_ino == up.st_ino { return true }
        guard let table = DiskLoader.read("/proc/self/mountinfo") else { return false }
        let target = resolved(path)
        for line in String(decoding: table, as: UTF8.self).split(separator: "\n") {
            // Field 5 is the mount point, with spaces and the like as octal escapes.
            let fields = line.split(separator: " ", maxSplits: 5)
            if fields.count > 4, unescapeMountPath(fields[4]) == target { return true }
        }
        return false
    }

    private static func unescapeMountPath(_ field: Substring) -> String {
        guard field.contains("\\") else { return String(field) }
        var bytes: [UInt8] = [], utf8 = Array(field.utf8), i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "\\"), i + 3 < utf8.count, let code = UInt8(String(decoding: utf8[i + 1...i + 3], as: UTF8.self), radix: 8) {
                bytes.append(code)
                i += 4
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func isEmptyOrMissing(_ path: String) -> Bool {
        names(in: path).allSatisfy { $0.hasPrefix(innerStagingPrefix) }
    }

    /// The names in a folder, none when it cannot be read.
    static func names(in directory: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    }

    /// Creates `path` and its parents, with the system's reason on failure.
    static func makePath(_ path: String) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue { return }
        try makePath((path as NSString).deletingLastPathComponent)
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw WriteError.system("cannot create the folder \(path)")
        }
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
