import Foundation

/// Reads a media or theme file for the preview server. The loader skipped
/// symbolic links, but a file can be replaced by one while the server runs,
/// so the file's real path must still lie inside one of `roots`, and the
/// last component is opened without following a link.
struct SafeFileReader: Sendable {
    /// The folders files may come from; resolved at each read, since
    /// `medien/` may only be created while the server runs.
    let roots: [String]

    func read(_ path: String) -> [UInt8]? {
        guard let real = Self.realPath(path),
            roots.contains(where: { root in Self.realPath(root).map { real.hasPrefix($0 + "/") } ?? false })
        else { return nil }
        let fd = open(real, O_RDONLY | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { break }
            offset += n
        }
        return Array(bytes[..<offset])
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = Glibc.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
