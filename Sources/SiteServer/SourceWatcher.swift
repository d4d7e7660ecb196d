import Foundation
import SiteKit

/// Notices changes in the content and templates folders by comparing every
/// file's status (size, times, inode), polled: it needs no
/// inotify, works on every file system, and sees editors that save by
/// writing a new file and renaming it. Hidden files and editor backups
/// (`.x.swp`, `x~`) are not part of the site and are not watched.
struct SourceWatcher: Sendable {
    typealias Fingerprint = [String: FileStatus]

    let folders: [String]

    func fingerprint() -> Fingerprint {
        var result: Fingerprint = [:]
        for folder in folders {
            for entry in FileWalk.entries(below: folder, include: { Self.isWatched($0) })
            where !entry.isDirectory {
                result[folder + "/" + entry.path] = FileStatus(entry.info)
            }
        }
        return result
    }

    /// Brings `fingerprint` up to date for `paths` only (absolute, as the
    /// notifier reports them) and returns those that changed, sorted.
    func update(_ fingerprint: inout Fingerprint, paths: Set<String>) -> [String] {
        var changed: [String] = []
        for path in paths where Self.isWatched(path) {
            var info = stat()
            let now = lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG ? FileStatus(info) : nil
            guard fingerprint[path] != now else { continue }
            fingerprint[path] = now
            changed.append(path)
        }
        return changed.sorted()
    }

    static func isWatched(_ path: String) -> Bool {
        let name = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path[...]
        return !name.hasPrefix(".") && !name.hasSuffix("~")
    }

    /// Paths added, removed or changed between two fingerprints, sorted.
    static func changes(from old: Fingerprint, to new: Fingerprint) -> [String] {
        var changed = Set<String>()
        for (path, stamp) in new where old[path] != stamp { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed.sorted()
    }
}
