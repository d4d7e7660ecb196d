import Foundation

/// Reading and writing the files in `.sitegen-cache/`. Each file is a
/// header naming the program that wrote it and what it holds, the content,
/// and a checksum of both: a file damaged on disk (a flipped bit, a bad
/// sector, a hand edit) is never used. A write is atomic (a temporary file
/// renamed into place), and a failed one only costs the next build time.
enum CacheFile {
    /// What reading a cache file found.
    enum Read<T> {
        case value(T)
        /// No file, or one another program or cache format wrote: not used,
        /// and nothing to tell.
        case absent
        /// A file whose checksum or content is wrong: not used, and the
        /// build says so.
        case damaged

        var value: T? {
            if case .value(let value) = self { return value }
            return nil
        }

        var isDamaged: Bool {
            if case .damaged = self { return true }
            return false
        }

        func map<U>(_ transform: (T) throws -> U?) -> Read<U> {
            switch self {
            case .value(let value):
                guard let made = try? transform(value) else { return .damaged }
                return .value(made)
            case .absent: return .absent
            case .damaged: return .damaged
            }
        }
    }

    /// The checksum at the end of every file, of all bytes before it.
    static let checksumSize = 8

    static func header(_ kind: String, identity: BuildIdentity) -> String { identity.text + "\n" + kind + "\n" }

    /// The file mapped into memory with a reader over its content, once
    /// its header and checksum are right.
    static func open(_ path: String, kind: String, identity: BuildIdentity) -> Read<(file: MappedFile, content: BinaryReader)> {
        guard let file = MappedFile.map(path) else {
            // An empty file is no cache sitegen wrote.
            return access(path, F_OK) == 0 ? .damaged : .absent
        }
        let end = file.bytes.count - checksumSize
        guard end >= 0 else { return .damaged }
        var reader = BinaryReader(file, from: 0, to: end)
        // A file from another program is not damaged, only not ours: the
        // header is compared before the checksum, which it may not have.
        guard (try? reader.string()) == header(kind, identity: identity) else { return .absent }
        var trailer = BinaryReader(file, from: end)
        guard (try? trailer.word()) == Checksum.of(UnsafeRawBufferPointer(rebasing: file.bytes[..<end])) else { return .damaged }
        return .value((file, reader))
    }

    /// Reads a whole file with `decode`, which must consume its content.
    static func read<T>(_ path: String, kind: String, identity: BuildIdentity, _ decode: (inout BinaryReader) throws -> T) -> Read<T> {
        open(path, kind: kind, identity: identity).map { opened in
            var reader = opened.content
            let value = try decode(&reader)
            guard reader.isAtEnd else { throw BinaryReader.Malformed() }
            return withExtendedLifetime(opened.file) { value }
        }
    }

    @discardableResult
    static func write(_ path: String, kind: String, identity: BuildIdentity, _ encode: (inout BinaryWriter) -> Void) -> Bool {
        var writer = BinaryWriter()
        writer.string(header(kind, identity: identity))
        encode(&writer)
        writer.word(writer.bytes.withUnsafeBytes { Checksum.of($0) })
        return write(path, bytes: writer.bytes)
    }

    private static func write(_ path: String, bytes: [UInt8]) -> Bool {
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true)
        let temporary = path + ".tmp-\(getpid())"
        guard OutputWriter.writeFile(temporary, bytes), rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
