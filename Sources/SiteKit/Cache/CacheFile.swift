import Foundation

/// Reading and writing the files in `.sitegen-cache/`: a file that is
/// missing or malformed reads as nothing; a write is atomic (a temporary
/// file renamed into place), and a failed one only costs the next build time.
enum CacheFile {
    static func read<T>(_ path: String, _ decode: (inout BinaryReader) throws -> T) -> T? {
        guard let bytes = DiskLoader.read(path) else { return nil }
        return bytes.withUnsafeBytes { raw -> T? in
            var reader = BinaryReader(raw)
            return try? decode(&reader)
        }
    }

    static func write(_ path: String, _ encode: (inout BinaryWriter) -> Void) {
        var writer = BinaryWriter()
        encode(&writer)
        write(path, bytes: writer.bytes)
    }

    @discardableResult
    static func write(_ path: String, bytes: [UInt8]) -> Bool {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        let temporary = path + ".tmp-\(getpid())"
        guard OutputWriter.writeFile(temporary, bytes), rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
