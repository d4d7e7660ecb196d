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
    public static func entries(below root: String, include: (String) -> Bool = { _ in true }) -> [Entry] {
        var result: [Entry] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? root : root + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for name in names where include(name) {
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(root + "/" + child, &info) == 0 else { continue }
                let entry = Entry(path: child, info: info)
                if entry.isDirectory { pending.append(child) }
                result.append(entry)
            }
        }
        return result
    }
}
