import Foundation

/// What an existing output folder holds: every file's size by path, its
/// folders (deepest first, so emptied ones can be removed in order), and
/// the newest modification time among the files.
struct OutputTree {
    var sizes: [String: Int] = [:]
    var directories: [String] = []
    var newest = timespec()

    static func scan(_ root: String) -> OutputTree {
        var tree = OutputTree()
        for entry in FileWalk.entries(below: root) {
            if entry.isDirectory {
                tree.directories.append(entry.path)
            } else {
                tree.sizes[entry.path] = Int(entry.info.st_size)
                if entry.path != OutputWriter.marker, BuildStamp.isNewer(entry.info.st_mtim, than: tree.newest) {
                    tree.newest = entry.info.st_mtim
                }
            }
        }
        tree.directories.sort { $0.count > $1.count }
        return tree
    }
}
