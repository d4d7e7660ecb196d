import Foundation

/// A file's status and the moment a build began reading, as the cache
/// files that remember files by their status (`SourceListing`,
/// `ImageLedger`) store them: one layout, written and read in one place.
extension BinaryWriter {
    mutating func fileStatus(_ status: FileStatus) {
        int(status.size)
        int(status.modifiedSeconds)
        int(status.modifiedNanoseconds)
        int(status.changedSeconds)
        int(status.changedNanoseconds)
        word(status.inode)
    }

    mutating func time(_ time: timespec) {
        int(time.tv_sec)
        int(time.tv_nsec)
    }
}

extension BinaryReader {
    mutating func fileStatus() throws -> FileStatus {
        FileStatus(
            size: try int(), modifiedSeconds: try int(), modifiedNanoseconds: try int(),
            changedSeconds: try int(), changedNanoseconds: try int(), inode: try word())
    }

    mutating func time() throws -> timespec {
        timespec(tv_sec: try int(), tv_nsec: try int())
    }
}
