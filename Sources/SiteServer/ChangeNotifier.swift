import Foundation
import SiteKit

/// Wakes the rebuilder as soon as a file in the watched folders changes
/// (Linux inotify), and says which files, so that a one-file edit costs a
/// stat of that file instead of a stat of every file. It only speeds things
/// up: the poll of `SourceWatcher` stays the judge of what changed, and
/// runs in full whenever the notifier cannot tell (a new folder, an event
/// queue overflow, a system without inotify).
final class ChangeNotifier: @unchecked Sendable {
    enum Wake: Equatable {
        /// These files (folder + "/" + relative path) may have changed.
        case files(Set<String>)
        /// Something changed that needs a full comparison.
        case rescan
        case timeout
    }

    private let fd: Int32
    private let folders: [String]
    private var directories: [Int32: String] = [:]

    /// nil when inotify is not available; the caller then polls.
    init?(folders: [String]) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.fd = fd
        self.folders = folders
        watchDirectories()
    }

    deinit { close(fd) }

    private static let mask = UInt32(
        IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM
            | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Watches every folder below the roots; adding a watch twice is harmless.
    private func watchDirectories() {
        for root in folders {
            var all = [root]
            all += FileWalk.entries(below: root, include: { !$0.hasPrefix(".") }).filter(\.isDirectory).map { root + "/" + $0.path }
            for directory in all {
                let wd = inotify_add_watch(fd, directory, Self.mask)
                if wd >= 0 { directories[wd] = directory }
            }
        }
    }

    /// Blocks for up to `timeout` for the next events, then keeps collecting
    /// until none came for `quiet` (one save often is several events).
    func wait(timeout: Duration, quiet: Duration) -> Wake {
        guard poll(milliseconds(timeout)) else { return .timeout }
        var files = Set<String>()
        var rescan = false
        repeat {
            rescan = drain(into: &files) || rescan
        } while poll(milliseconds(quiet))
        if rescan {
            watchDirectories()
            return .rescan
        }
        return files.isEmpty ? .timeout : .files(files)
    }

    private func poll(_ milliseconds: Int32) -> Bool {
        var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return Glibc.poll(&request, 1, milliseconds) > 0
    }

    private func milliseconds(_ duration: Duration) -> Int32 {
        Int32(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }

    /// Reads the pending events; true when one of them needs a full rescan.
    private func drain(into files: inout Set<String>) -> Bool {
        var rescan = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            buffer.withUnsafeBytes { raw in
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = raw[nameStart..<min(count, nameStart + Int(event.len))].prefix { $0 != 0 }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    offset = nameStart + Int(event.len)
                    if event.mask & UInt32(IN_Q_OVERFLOW) != 0 || event.mask & UInt32(IN_ISDIR) != 0
                        || event.mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0
                    {
                        rescan = true
                        continue
                    }
                    guard let directory = directories[event.wd], !name.isEmpty else { continue }
                    files.insert(directory + "/" + name)
                }
            }
        }
        return rescan
    }
}
