import Foundation

/// What the image stage of the last build found, in one cache file beside
/// the derived files (`bilder.bin` in the image cache): for each photo its
/// file status as that build's folder walk saw it, the size of its bytes,
/// and its derived files with their sizes and checksums.
///
/// A rebuild after a text edit takes every photo whose status is the same
/// from here, with the status the folder walk already took: it reads no
/// source, no manifest and looks at no derived file, as long as the output
/// still holds that file (proven by the output check: size and change
/// time). Only a derived file the output lacks is read from the cache, and
/// its checksum is verified first; a missing or damaged one is encoded
/// again. As for documents (`SourceListing`), a status proves a photo
/// unchanged only when its last change lies well before that build began
/// reading: a change in the same clock tick could leave the same status.
///
/// The file is a `CacheFile` of this program: another sitegen binary, or
/// a damaged file, finds no ledger and reads every photo once.
struct ImageLedger: Equatable {
    static let fileName = "bilder.bin"
    private static let kind = "image ledger"

    struct Entry: Equatable {
        var status: FileStatus
        /// Size of the source's bytes.
        var bytes: Int
        var image: DerivedImage
    }

    /// When the build that took the statuses started reading.
    var readStart: timespec
    var entries: [String: Entry] = [:]

    init(readStart: timespec, entries: [String: Entry] = [:]) {
        self.readStart = readStart
        self.entries = entries
    }

    static func == (a: ImageLedger, b: ImageLedger) -> Bool {
        a.readStart.tv_sec == b.readStart.tv_sec && a.readStart.tv_nsec == b.readStart.tv_nsec && a.entries == b.entries
    }

    /// How long before `readStart` a change must be to be trusted.
    private static let racyMargin = 2

    /// The entry of `path`, if the photo is unchanged since it was recorded.
    func entry(ifUnchanged path: String, status: FileStatus) -> Entry? {
        guard let known = entries[path], known.status == status, status.changed(before: readStart, margin: Self.racyMargin)
        else { return nil }
        return known
    }

    static func load(from folder: String, identity: BuildIdentity) -> ImageLedger? {
        CacheFile.read(folder + "/" + fileName, kind: kind, identity: identity, decode).value
    }

    func save(to folder: String, identity: BuildIdentity) {
        CacheFile.write(folder + "/" + Self.fileName, kind: Self.kind, identity: identity, encode)
    }

    private func encode(into writer: inout BinaryWriter) {
        writer.time(readStart)
        writer.int(entries.count)
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            writer.string(path)
            writer.fileStatus(entry.status)
            writer.int(entry.bytes)
            writer.string(entry.image.key)
            writer.string(entry.image.manifest)
        }
    }

    private static func decode(_ reader: inout BinaryReader) throws -> ImageLedger {
        var ledger = ImageLedger(readStart: try reader.time())
        let count = try reader.int()
        guard count >= 0 else { throw BinaryReader.Malformed() }
        for _ in 0..<count {
            let path = try reader.string()
            let status = try reader.fileStatus()
            let bytes = try reader.int()
            let key = try reader.string()
            guard let image = DerivedImage(manifest: try reader.string(), key: key) else { throw BinaryReader.Malformed() }
            ledger.entries[path] = Entry(status: status, bytes: bytes, image: image)
        }
        return ledger
    }
}
