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
        // One pass over the bytes; both parts are slices of the text.
        let utf8 = text.utf8
        /// Where the line starting at `start` ends, and where the next one starts.
        func line(at start: String.Index) -> (end: String.Index, next: String.Index?) {
            let newline = utf8[start...].firstIndex(of: UInt8(ascii: "\n"))
            return (newline ?? utf8.endIndex, newline.map { utf8.index(after: $0) })
        }
        let opening = line(at: utf8.startIndex)
        guard isFence(text[utf8.startIndex..<opening.end]) else { throw .noOpening }
        guard let yamlStart = opening.next else { throw .notClosed }
        var start = yamlStart
        var lineNumber = 2
        while true {
            let current = line(at: start)
            if isFence(text[start..<current.end]) {
                // The newline before the closing fence belongs to neither part.
                let yamlEnd = start == yamlStart ? start : utf8.index(before: start)
                return FrontMatterSplit(
                    yaml: String(text[yamlStart..<yamlEnd]), yamlFirstLine: 2, closingLine: lineNumber,
                    body: current.next.map { String(text[$0...]) } ?? "", bodyFirstLine: lineNumber + 1)
            }
            guard let next = current.next else { throw .notClosed }
            start = next
            lineNumber += 1
        }
    }

    private static func isFence(_ line: Substring) -> Bool {
        // Nearly every line is YAML or body text: decided by its first byte.
        guard line.utf8.first == UInt8(ascii: "-") else { return false }
        var line = line
        while line.last == " " || line.last == "\t" { line.removeLast() }
        return line == "---"
    }
}
