import Foundation

/// A file's size, times and inode as `stat` gives them. Any write changes the
/// modification and change times, and a save by renaming a new file over the
/// old one changes the inode: a file whose status is the same is unchanged
/// (`SourceListing`, and the preview server's polling watcher).
public struct FileStatus: Equatable, Sendable {
    public var size: Int
    public var modifiedSeconds: Int
    public var modifiedNanoseconds: Int
    public var changedSeconds: Int
    public var changedNanoseconds: Int
    public var inode: UInt64

    public init(_ info: stat) {
        self.init(
            size: Int(info.st_size), modifiedSeconds: info.st_mtim.tv_sec, modifiedNanoseconds: info.st_mtim.tv_nsec,
            changedSeconds: info.st_ctim.tv_sec, changedNanoseconds: info.st_ctim.tv_nsec, inode: UInt64(info.st_ino))
    }

    public init(size: Int, modifiedSeconds: Int, modifiedNanoseconds: Int, changedSeconds: Int, changedNanoseconds: Int, inode: UInt64) {
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.changedSeconds = changedSeconds
        self.changedNanoseconds = changedNanoseconds
        self.inode = inode
    }

    /// The rule the source and output listings share ("racily clean", as
    /// git calls it): a status proves a file unchanged only when its last
    /// change lies before `line`, by `margin` seconds or more. A change in
    /// the same tick of the file system's clock could leave the same status.
    func changed(before line: timespec, margin: Int = 0) -> Bool {
        let line = timespec(tv_sec: line.tv_sec - margin, tv_nsec: line.tv_nsec)
        return Self.isEarlier(timespec(tv_sec: modifiedSeconds, tv_nsec: modifiedNanoseconds), than: line)
            && Self.isEarlier(timespec(tv_sec: changedSeconds, tv_nsec: changedNanoseconds), than: line)
    }

    static func isEarlier(_ a: timespec, than b: timespec) -> Bool {
        (a.tv_sec, a.tv_nsec) < (b.tv_sec, b.tv_nsec)
    }
}
