import Foundation

/// Where derived images are kept between builds: a folder in the build
/// cache (`.sitegen-cache/<output>-bilder/`), or memory for a build that
/// keeps no cache. Files are named by the key, so an entry can never be
/// stale, only unused; a manifest written after the files marks an entry
/// complete, and its sizes and checksums tell a damaged file.
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

    /// The manifest of `key`, if one was stored. Whether its files are
    /// still there and intact is `holds`'s to say.
    func derived(key: String) -> DerivedImage? {
        guard let text = read(key + ".txt").map({ String(decoding: $0, as: UTF8.self) }) else { return nil }
        return DerivedImage(manifest: text, key: key)
    }

    /// Whether the stored file of `variant` has the bytes its manifest
    /// names (size and checksum): a file lost or changed since (a cleaned
    /// or damaged cache, a hand edit) is never copied to the output.
    func holds(_ variant: DerivedImage.Variant) -> Bool {
        read(Self.name(variant.path)).map { variant.isHeld(by: $0) } ?? false
    }

    /// Stores the files, then the manifest that marks them complete.
    func save(_ image: DerivedImage, files: [String: [UInt8]]) {
        for (path, bytes) in files { write(Self.name(path), bytes) }
        write(image.key + ".txt", Array(image.manifest.utf8))
    }

    /// Where the output copies a derived file from.
    func copy(of variant: DerivedImage.Variant) -> PassThroughFile {
        var copy = PassThroughFile(path: variant.path, origin: origin(of: variant))
        copy.namedByContent = true
        copy.knownSize = variant.size
        return copy
    }

    private func origin(of variant: DerivedImage.Variant) -> PassThroughFile.Origin {
        if let folder { return .disk(absolutePath: folder + "/" + Self.name(variant.path)) }
        return .memory(lock.withLock { memory[Self.name(variant.path)] ?? [] })
    }

    /// Removes entries no image of this build uses (a replaced photo's).
    func prune(keeping keys: Set<String>) {
        let unused = { (name: String) in name != ImageLedger.fileName && !keys.contains(String(name.prefix { $0 != "-" && $0 != "." })) }
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
