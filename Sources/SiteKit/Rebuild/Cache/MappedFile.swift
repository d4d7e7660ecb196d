import Foundation

/// A cache file mapped into memory, read-only. Entries decoded from it keep
/// pointing into it (a page's stored form, its body HTML) instead of being
/// copied: a rebuild touches only the parts of ten thousand pages it needs.
/// sitegen replaces cache files by renaming new ones over them, so a file
/// stays whole as long as it is mapped.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer

    private init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }

    static func map(_ path: String) -> MappedFile? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return nil }
        let count = Int(info.st_size)
        guard let base = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        return MappedFile(UnsafeRawBufferPointer(start: base, count: count))
    }
}

/// Bytes inside a mapped file, kept alive with it.
struct StoredBytes: @unchecked Sendable {
    let file: MappedFile
    let range: Range<Int>

    var count: Int { range.count }
    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: file.bytes[range]) }
}
