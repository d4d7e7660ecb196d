import SiteText

/// Reading position in a template's UTF-8 bytes, with the character
/// classes swift-mustache's parser uses (which works on Characters: its
/// newlines and whitespace include the Unicode ones).
public struct TemplateScanner {
    public let bytes: [UInt8]
    public var position = 0

    public init(bytes: [UInt8]) { self.bytes = bytes }

    public var atEnd: Bool { position >= bytes.count }
    public var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    public func starts(with pattern: [UInt8], at offset: Int) -> Bool {
        guard offset + pattern.count <= bytes.count else { return false }
        for i in pattern.indices where bytes[offset + i] != pattern[i] { return false }
        return true
    }

    /// Length of a newline character at `offset`, 0 if there is none:
    /// LF, CR, CRLF, VT, FF, NEL, LS, PS.
    public func newlineLength(at offset: Int) -> Int {
        guard offset < bytes.count else { return 0 }
        switch bytes[offset] {
        case 0x0A, 0x0B, 0x0C: return 1
        case 0x0D: return offset + 1 < bytes.count && bytes[offset + 1] == 0x0A ? 2 : 1
        case 0xC2: return offset + 1 < bytes.count && bytes[offset + 1] == 0x85 ? 2 : 0
        case 0xE2:
            return offset + 2 < bytes.count && bytes[offset + 1] == 0x80 && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9) ? 3 : 0
        default: return 0
        }
    }

    /// Length of a Unicode whitespace character at `offset`, 0 if none.
    public func whitespaceLength(at offset: Int) -> Int {
        guard offset < bytes.count else { return 0 }
        let byte = bytes[offset]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0 }
        var length = 0
        switch byte {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        default: return 0
        }
        guard offset + length <= bytes.count else { return 0 }
        var scalar = UInt32(byte) & (length == 2 ? 0x1F : 0x0F)
        for i in 1..<length { scalar = scalar << 6 | UInt32(bytes[offset + i] & 0x3F) }
        return Unicode.Scalar(scalar)?.properties.isWhitespace == true ? length : 0
    }

    @discardableResult
    public mutating func skipWhitespace() -> Int {
        let start = position
        while case let length = whitespaceLength(at: position), length > 0 { position += length }
        return position - start
    }

    /// Spaces and tabs only: the indentation of a line.
    public mutating func readIndentation() -> ArraySlice<UInt8> {
        let start = position
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        return bytes[start..<position]
    }

    public mutating func read(while isIncluded: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        let start = position
        while position < bytes.count, isIncluded(bytes[position]) { position += 1 }
        return bytes[start..<position]
    }

    /// Line and column (in characters) of a byte offset, both from 1.
    public func lineAndColumn(of offset: Int) -> (line: Int, column: Int) { TextPosition.lineAndColumn(of: offset, in: bytes) }

    public static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"):
            return true
        default: return false
        }
    }

    public static func isBracket(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") }
}
