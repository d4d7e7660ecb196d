import Foundation

/// A document's text after decoding: UTF-8 checked, a byte order mark
/// dropped and CRLF line endings folded to LF, so that line numbers match
/// what an editor shows whatever system wrote the file.
struct SourceText {
    var text: String

    enum DecodingError: Error, Equatable {
        /// 1-based line and column of the first byte that is not UTF-8.
        case invalidUTF8(line: Int, column: Int)
    }

    init(bytes: [UInt8]) throws(DecodingError) {
        var slice = bytes[...]
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        guard let decoded = String(validating: slice, as: UTF8.self) else {
            throw .invalidUTF8(line: 0, column: 0).located(in: slice)
        }
        // memchr: a byte loop over every document costs more than it should.
        let hasCR = slice.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0x0D, raw.count) != nil } ?? false }
        text = hasCR ? Self.normalizingLineEndings(decoded) : decoded
    }

    private static func normalizingLineEndings(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}

extension SourceText.DecodingError {
    /// Finds the first invalid byte so the message can point at it.
    func located(in bytes: ArraySlice<UInt8>) -> Self {
        var line = 1, lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let end = index + length
            let valid =
                length > 0 && end <= bytes.endIndex
                && String(validating: bytes[index..<end], as: UTF8.self) != nil
            if !valid {
                let prefix = bytes[lineStart..<index]
                let column = (String(validating: prefix, as: UTF8.self)?.count ?? prefix.count) + 1
                return .invalidUTF8(line: line, column: column)
            }
            if byte == 0x0A {
                line += 1
                lineStart = end
            }
            index = end
        }
        return .invalidUTF8(line: line, column: 1)
    }
}
