import Foundation

/// A Markdown file split into its YAML front matter and its body, with the
/// file lines each part starts on, so positions inside either part can be
/// reported as positions in the file.
struct FrontMatterSplit {
    var yaml: String
    /// File line of the first YAML line (the line after the opening `---`).
    var yamlFirstLine: Int
    /// File line of the closing `---`.
    var closingLine: Int
    var body: String
    /// File line of the first body line.
    var bodyFirstLine: Int

    enum Problem: Error, Equatable {
        case noOpening
        case notClosed
    }

    static func split(_ text: String) throws(Problem) -> FrontMatterSplit {
        // One pass over the bytes, a line at a time by memchr; both parts are
        // slices of the text (a native string's UTF-8 offsets are its indices).
        var text = text
        let found = text.withUTF8 { bytes -> Result<(yaml: Range<Int>, closingLine: Int, body: Int?), Problem> in
            guard let base = bytes.baseAddress else { return .failure(.noOpening) }
            let count = bytes.count
            /// Where the line starting at `start` ends, and where the next one starts.
            func line(at start: Int) -> (end: Int, next: Int?) {
                guard start < count, let newline = memchr(base + start, 0x0A, count - start) else { return (count, nil) }
                let end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(newline))
                return (end, end + 1)
            }
            /// `---`, perhaps with spaces or tabs after it. Nearly every line is
            /// YAML or body text: decided by its first byte.
            func isFence(_ start: Int, _ end: Int) -> Bool {
                guard start < end, base[start] == UInt8(ascii: "-") else { return false }
                var last = end
                while last > start && (base[last - 1] == UInt8(ascii: " ") || base[last - 1] == UInt8(ascii: "\t")) { last -= 1 }
                return last - start == 3 && base[start + 1] == UInt8(ascii: "-") && base[start + 2] == UInt8(ascii: "-")
            }
            let opening = line(at: 0)
            guard isFence(0, opening.end) else { return .failure(.noOpening) }
            guard let yamlStart = opening.next else { return .failure(.notClosed) }
            var start = yamlStart
            var lineNumber = 2
            while true {
                let current = line(at: start)
                if isFence(start, current.end) {
                    // The newline before the closing fence belongs to neither part.
                    return .success((yamlStart..<(start == yamlStart ? start : start - 1), lineNumber, current.next))
                }
                guard let next = current.next else { return .failure(.notClosed) }
                start = next
                lineNumber += 1
            }
        }
        let parts: (yaml: Range<Int>, closingLine: Int, body: Int?)
        switch found {
        case .success(let found): parts = found
        case .failure(let problem): throw problem
        }
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        return FrontMatterSplit(
            yaml: String(text[index(parts.yaml.lowerBound)..<index(parts.yaml.upperBound)]), yamlFirstLine: 2,
            closingLine: parts.closingLine, body: parts.body.map { String(text[index($0)...]) } ?? "",
            bodyFirstLine: parts.closingLine + 1)
    }
}
