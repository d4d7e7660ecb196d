import Foundation

/// What an existing output folder holds: every file's size by path, and its
/// folders (deepest first, so emptied ones can be removed in order).
struct OutputTree {
    var sizes: [String: Int] = [:]
    var directories: [String] = []

    static func scan(_ root: String) -> OutputTree {
        var tree = OutputTree()
        for entry in FileWalk.entries(below: root) {
            if entry.isDirectory {
                tree.directories.append(entry.path)
            } else {
                tree.sizes[entry.path] = Int(entry.info.st_size)
            }
        }
        tree.directories.sort { $0.count > $1.count }
        return tree
    }
}
