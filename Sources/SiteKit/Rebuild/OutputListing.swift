import Foundation

/// The files a build left in its output folder, kept beside the caches
/// (`.sitegen-cache/<output>/listing.bin`), so that the next build can check
/// the folder with one `stat` per file and folder instead of listing every
/// folder. It belongs to the stamp whose signature it matches, and to the
/// marker whose change time it records.
struct OutputListing {
    /// Every file but the marker, with its size.
    let files: [(path: String, size: Int)]
    /// The marker's change time right after the build wrote it.
    let marker: timespec

    init(files: [(path: String, size: Int)], marker: timespec) {
        self.files = files
        self.marker = marker
    }

    /// The folders the files are in, the output folder itself not counted.
    private var directories: Set<String> { OutputTree.folders(above: files.map(\.path)) }

    static func file(forOutput output: String) -> String { BuildCache.folder(forOutput: output) + "/listing.bin" }

    /// What the output writer needs to know of `directory`, when it holds
    /// exactly these files, none changed since `marker` was written: the
    /// marker is the one the build wrote, every folder and file changed
    /// before it (adding, removing or renaming an entry changes its
    /// folder's change time; writing a file or setting its times back, the
    /// file's), and every file is a file of its size. The top folder,
    /// which the marker's own rename touches, is listed instead.
    func tree(of directory: String, marker: stat) -> OutputTree? {
        let directories = self.directories
        guard matches(directory, marker: marker, directories: directories) else { return nil }
        var tree = OutputTree()
        for (path, size) in files { tree.sizes[path] = size }
        tree.sizes[OutputWriter.marker] = 0
        tree.directories = OutputTree.deepestFirst(directories)
        return tree
    }

    private func matches(_ directory: String, marker: stat, directories: Set<String>) -> Bool {
        guard marker.st_ctim.tv_sec == self.marker.tv_sec, marker.st_ctim.tv_nsec == self.marker.tv_nsec else { return false }
        var top = Set(files.map { Self.firstComponent(of: $0.path) })
        top.insert(OutputWriter.marker)
        let present = Set(((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []))
        guard present == top else { return false }
        let root = open(directory, O_RDONLY | O_DIRECTORY)
        guard root >= 0 else { return false }
        defer { close(root) }
        let line = self.marker
        @Sendable func unchanged(_ path: String, size: Int?) -> Bool {
            var info = stat()
            guard fstatat(root, path, &info, AT_SYMLINK_NOFOLLOW) == 0, FileStatus(info).changed(before: line) else { return false }
            if let size { return info.st_mode & S_IFMT == S_IFREG && Int(info.st_size) == size }
            return info.st_mode & S_IFMT == S_IFDIR
        }
        let checks = files.map { ($0.path, Optional($0.size)) } + directories.map { ($0, Int?.none) }
        return !parallelMap(checks) { unchanged($0.0, size: $0.1) }.contains(false)
    }

    private static func firstComponent(of path: String) -> String {
        String(path[..<(path.utf8.firstIndex(of: UInt8(ascii: "/")) ?? path.endIndex)])
    }

    private static let kind = "output listing"

    static func load(_ path: String, identity: BuildIdentity) -> CacheFile.Read<OutputListing> {
        CacheFile.read(path, kind: kind, identity: identity, decode)
    }

    func save(to path: String, identity: BuildIdentity) { CacheFile.write(path, kind: Self.kind, identity: identity, encode) }

    func encode(into writer: inout BinaryWriter) {
        writer.int(marker.tv_sec)
        writer.int(marker.tv_nsec)
        writer.int(files.count)
        for (file, size) in files {
            writer.string(file)
            writer.int(size)
        }
    }

    static func decode(_ reader: inout BinaryReader) throws -> OutputListing {
        let marker = timespec(tv_sec: try reader.int(), tv_nsec: try reader.int())
        let count = try reader.int()
        guard count >= 0 else { throw BinaryReader.Malformed() }
        var files: [(path: String, size: Int)] = []
        files.reserveCapacity(count)
        for _ in 0..<count { files.append((try reader.string(), try reader.int())) }
        guard reader.isAtEnd else { throw BinaryReader.Malformed() }
        return OutputListing(files: files, marker: marker)
    }
}
