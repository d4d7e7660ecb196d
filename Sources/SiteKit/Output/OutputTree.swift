import Foundation

/// What an existing output folder holds: every file's size by path, and its
/// folders (deepest first, so emptied ones can be removed in order).
struct OutputTree {
    var sizes: [String: Int] = [:]
    var directories: [String] = []

    static func scan(_ root: String) -> OutputTree {
        var tree = OutputTree()
        var pending = [""]
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? root : root + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(root + "/" + child, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR {
                    tree.directories.append(child)
                    pending.append(child)
                } else {
                    tree.sizes[child] = Int(info.st_size)
                }
            }
        }
        tree.directories.sort { $0.count > $1.count }
        return tree
    }
}
