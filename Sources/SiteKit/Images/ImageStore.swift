import Foundation

/// Where derived images are kept between builds: a folder in the build
/// cache (`.sitegen-cache/<output>-bilder/`), or memory for a build that
/// keeps no cache. Files are named by the key, so an entry can never be
/// stale, only unused; a manifest written after the files marks an entry
/// complete.
final class ImageStore: @unchecked Sendable {
    /// Nil: in memory.
    let folder: String?
    // Guarded by `lock`: the stage fills it from all cores.
    private var memory: [String: [UInt8]] = [:]
    private let lock = NSLock()

    /// The folder is made when the first file is stored: a build with no
    /// photo to encode leaves no trace.
    init(folder: String?) { self.folder = folder }

    static func folder(forOutput output: String) -> String { BuildCache.folder(forOutput: output) + "-bilder" }

    /// A stored file's name: the output name without the folder.
    private static func name(_ outputPath: String) -> String { String(outputPath.dropFirst(ImageSettings.outputFolder.count)) }

    /// The entry of `key`, if it is complete.
    func derived(key: String) -> DerivedImage? {
        guard let text = read(key + ".txt").map({ String(decoding: $0, as: UTF8.self) }),
            let image = DerivedImage(manifest: text, key: key)
        else { return nil }
        guard let folder else { return image }
        // A file lost since (a cleaned cache) makes the entry incomplete.
        for variant in image.variants where access(folder + "/" + Self.name(variant.path), R_OK) != 0 { return nil }
        return image
    }

    /// Stores the files, then the manifest that marks them complete.
    func save(_ image: DerivedImage, files: [String: [UInt8]]) {
        for (path, bytes) in files { write(Self.name(path), bytes) }
        write(image.key + ".txt", Array(image.manifest.utf8))
    }

    /// Where the output copies a derived file from.
    func origin(of variant: DerivedImage.Variant) -> PassThroughFile.Origin {
        if let folder { return .disk(absolutePath: folder + "/" + Self.name(variant.path)) }
        return .memory(lock.withLock { memory[Self.name(variant.path)] ?? [] })
    }

    /// Removes entries no image of this build uses (a replaced photo's).
    func prune(keeping keys: Set<String>) {
        let unused = { (name: String) in name != SourceMemo.fileName && !keys.contains(String(name.prefix { $0 != "-" && $0 != "." })) }
        guard let folder else {
            return lock.withLock { memory = memory.filter { !unused($0.key) } }
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where unused(name) { unlink(folder + "/" + name) }
    }

    func read(_ name: String) -> [UInt8]? {
        guard let folder else { return lock.withLock { memory[name] } }
        return DiskLoader.read(folder + "/" + name)
    }

    /// Atomically: a killed build leaves no half file under a final name.
    func write(_ name: String, _ bytes: [UInt8]) {
        guard let folder else { return lock.withLock { memory[name] = bytes } }
        let temporary = folder + "/.\(name).\(getpid()).tmp"
        if !OutputWriter.writeFile(temporary, bytes) {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            guard OutputWriter.writeFile(temporary, bytes) else { return }
        }
        if rename(temporary, folder + "/" + name) != 0 { unlink(temporary) }
    }
}

/// The key of each source as the last build found it, with its file
/// status: a source whose size, time and inode are unchanged is not read
/// again (as `SourceListing` does for documents), so a rebuild after a
/// text edit reads no photo.
struct SourceMemo {
    static let fileName = "quellen.txt"

    struct Entry: Equatable {
        var status: [Int]
        var key: String
        var bytes: Int
    }

    var entries: [String: Entry] = [:]

    /// Size, modification time and inode of a file; nil when it is missing.
    static func status(of path: String) -> [Int]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_ino)]
    }

    init() {}

    init(_ text: String) {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t").map(String.init)
            guard parts.count == 4, let bytes = Int(parts[3]) else { continue }
            let status = parts[1].split(separator: " ").compactMap { Int($0) }
            guard status.count == 4 else { continue }
            entries[parts[0]] = Entry(status: status, key: parts[2], bytes: bytes)
        }
    }

    var text: String {
        entries.keys.sorted().map { path in
            let e = entries[path]!
            return "\(path)\t\(e.status.map(String.init).joined(separator: " "))\t\(e.key)\t\(e.bytes)"
        }.joined(separator: "\n") + "\n"
    }
}
