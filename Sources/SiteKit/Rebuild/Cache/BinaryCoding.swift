import Foundation

/// A compact binary form for the build cache: integers as variable-length
/// numbers, text as length and UTF-8 bytes. Hand-written for speed: reading
/// back ten thousand pages must cost far less than parsing them.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        // Zig-zag, so small negative numbers stay short.
        var v = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func word(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func raw<C: Collection>(_ other: C) where C.Element == UInt8 { bytes.append(contentsOf: other) }

    mutating func raw(_ other: UnsafeRawBufferPointer) { bytes.append(contentsOf: other.assumingMemoryBound(to: UInt8.self)) }

    mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout BinaryWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }
}

/// Reads what `BinaryWriter` wrote. Anything malformed throws, and the
/// cache is then treated as empty: a damaged cache costs time, never output.
struct BinaryReader {
    struct Malformed: Error {}

    private let bytes: UnsafeRawBufferPointer
    private(set) var offset: Int
    let end: Int
    /// The mapped file `bytes` lie in, when they do: text read with `span`
    /// can then stay there.
    let owner: MappedFile?

    init(_ bytes: UnsafeRawBufferPointer, from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.offset = start
        self.end = end ?? bytes.count
        owner = nil
    }

    init(_ file: MappedFile, from start: Int = 0, to end: Int? = nil) {
        bytes = file.bytes
        offset = start
        self.end = end ?? file.bytes.count
        owner = file
    }

    /// Where the next length-prefixed text lies, without reading it.
    mutating func span() throws -> Range<Int> {
        let count = try int()
        guard count >= 0, offset + count <= end else { throw Malformed() }
        defer { offset += count }
        return offset..<(offset + count)
    }

    var isAtEnd: Bool { offset >= end }

    mutating func byte() throws -> UInt8 {
        guard offset < end else { throw Malformed() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func int() throws -> Int {
        var v: UInt64 = 0, shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw Malformed() }
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1))
    }

    mutating func word() throws -> UInt64 {
        guard offset + 8 <= end else { throw Malformed() }
        defer { offset += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Malformed()
        }
    }

    mutating func string() throws -> String {
        let count = try int()
        guard count >= 0, offset + count <= end else { throw Malformed() }
        defer { offset += count }
        guard let text = String(validating: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self)
        else { throw Malformed() }
        return text
    }

    /// The text of the last `path()`: a document's locations all name its
    /// file, and one string for them saves an allocation each.
    private var lastPath: (start: Int, count: Int, text: String)?

    /// A file path, as `string()`, shared with the previous one when equal.
    mutating func path() throws -> String {
        let range = try span()
        if let last = lastPath, last.count == range.count,
            memcmp(bytes.baseAddress! + last.start, bytes.baseAddress! + range.lowerBound, range.count) == 0
        {
            return last.text
        }
        guard let text = String(validating: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self) else { throw Malformed() }
        lastPath = (range.lowerBound, range.count, text)
        return text
    }

    /// Skips `count` bytes and returns where they started.
    mutating func skip(_ count: Int) throws -> Int {
        guard count >= 0, offset + count <= end else { throw Malformed() }
        defer { offset += count }
        return offset
    }

    mutating func optional<T>(_ read: (inout BinaryReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout BinaryReader) throws -> T) throws -> [T] {
        let count = try int()
        guard count >= 0, count <= end - offset else { throw Malformed() }
        var result: [T] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try read(&self)) }
        return result
    }
}
