import Foundation

/// What an existing output folder holds: every file's size by path, its
/// folders (deepest first, so emptied ones can be removed in order), and
/// the latest change time among the files and folders below the top.
struct OutputTree {
    var sizes: [String: Int] = [:]
    var directories: [String] = []
    var lastChange = timespec()

    static func scan(_ root: String) -> OutputTree {
        var tree = OutputTree()
        // A staging folder inside the output (for a mount point) is not part of the site.
        for entry in FileWalk.entries(below: root, include: { !$0.hasPrefix(OutputWriter.innerStagingPrefix) }) {
            if entry.isDirectory {
                tree.directories.append(entry.path)
            } else {
                tree.sizes[entry.path] = Int(entry.info.st_size)
            }
            if entry.path != OutputWriter.marker, FileStatus.isEarlier(tree.lastChange, than: entry.info.st_ctim) {
                tree.lastChange = entry.info.st_ctim
            }
        }
        tree.directories = deepestFirst(tree.directories)
        return tree
    }

    /// The folders `paths` lie in, with the folders above them; the top
    /// folder itself not counted. Found on the bytes: builds do this for
    /// 13,000 paths.
    static func folders<S: Sequence<String>>(above paths: S) -> Set<String> {
        var folders: Set<String> = []
        for path in paths {
            var end = path.endIndex
            while let slash = path.utf8[..<end].lastIndex(of: UInt8(ascii: "/")) {
                end = slash
                guard folders.insert(String(path[..<slash])).inserted else { break }
            }
        }
        return folders
    }

    /// Folders with their subfolders before them, for removing emptied
    /// ones: a longer path first. Byte counts, since counting characters
    /// for every comparison of 13,000 paths costs more than the sort.
    static func deepestFirst<S: Sequence<String>>(_ directories: S) -> [String] {
        directories.map { (length: $0.utf8.count, path: $0) }.sorted { $0.length > $1.length }.map(\.path)
    }
}
