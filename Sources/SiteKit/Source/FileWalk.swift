import Foundation

/// Every entry below a folder, with its `lstat` result, without following
/// symbolic links: the one folder walk that loading, the output writer, the
/// build stamp and the preview server's watcher share.
public enum FileWalk {
    public struct Entry {
        /// Path relative to the walked folder, `/`-separated.
        public var path: String
        public var info: stat

        public var isDirectory: Bool { info.st_mode & S_IFMT == S_IFDIR }
        public var isRegularFile: Bool { info.st_mode & S_IFMT == S_IFREG }
        public var isSymbolicLink: Bool { info.st_mode & S_IFMT == S_IFLNK }
    }

    /// Entries below `root`, folders included; `include` decides by name
    /// whether an entry (and, for a folder, what it holds) is visited.
    /// `readdir` and `fstatat` relative to the open folder, and the folders
    /// of one depth on all cores: an output of thirteen thousand page
    /// folders is mostly system calls.
    public static func entries(below root: String, include: @escaping @Sendable (String) -> Bool = { _ in true }) -> [Entry] {
        walk(below: root, include: include).entries
    }

    /// A folder below the root that could not be listed, and why.
    public struct Failure: Error, Equatable {
        public var path: String
        public var reason: String
    }

    /// The entries, and the folders that could not be listed: loading
    /// reports those, where a silent gap would drop pages from the site.
    public static func walk(below root: String, include: @escaping @Sendable (String) -> Bool = { _ in true })
        -> (entries: [Entry], unreadable: [Failure])
    {
        var result: [Entry] = [], unreadable: [Failure] = []
        var level = [""]
        while !level.isEmpty {
            let listed =
                level.count > 64
                ? parallelMap(level) { list(root, $0, include) }
                : level.map { list(root, $0, include) }
            level = []
            for entries in listed {
                switch entries {
                case .success(let entries):
                    for entry in entries where entry.isDirectory { level.append(entry.path) }
                    result += entries
                case .failure(let failure):
                    unreadable.append(failure)
                }
            }
        }
        return (result, unreadable)
    }

    /// The entries of one folder, `relative` to the root.
    private static func list(_ root: String, _ relative: String, _ include: @Sendable (String) -> Bool) -> Result<[Entry], Failure> {
        let directory = relative.isEmpty ? root : root + "/" + relative
        guard let handle = opendir(directory) else { return .failure(Failure(path: relative, reason: String(cString: strerror(errno)))) }
        defer { closedir(handle) }
        let fd = dirfd(handle)
        var names: [String] = []
        while let item = readdir(handle) {
            let name = withUnsafeBytes(of: &item.pointee.d_name) { raw -> String in
                let bytes = raw.bindMemory(to: UInt8.self)
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<(bytes.firstIndex(of: 0) ?? bytes.count)]), as: UTF8.self)
            }
            guard name != ".", name != "..", include(name) else { continue }
            names.append(name)
        }
        @Sendable func entry(_ name: String) -> Entry? {
            var info = stat()
            guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            return Entry(path: relative.isEmpty ? name : relative + "/" + name, info: info)
        }
        // One folder can hold ten thousand profiles: their stat calls on all cores.
        return .success((names.count > 256 ? parallelMap(names, entry) : names.map(entry)).compactMap { $0 })
    }
}
