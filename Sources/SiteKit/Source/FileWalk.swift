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
    /// `readdir` and `fstatat` relative to the open folder: an output of
    /// thirteen thousand page folders is walked without building a path
    /// per `lstat` or a Foundation array per folder.
    public static func entries(below root: String, include: (String) -> Bool = { _ in true }) -> [Entry] {
        var result: [Entry] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? root : root + "/" + relative
            guard let handle = opendir(directory) else { continue }
            defer { closedir(handle) }
            let fd = dirfd(handle)
            while let item = readdir(handle) {
                let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                guard name != ".", name != "..", include(name) else { continue }
                var info = stat()
                guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                let entry = Entry(path: child, info: info)
                if entry.isDirectory { pending.append(child) }
                result.append(entry)
            }
        }
        return result
    }
}
