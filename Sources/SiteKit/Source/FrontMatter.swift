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
        var lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = lines.first, Self.isFence(first) else { throw .noOpening }
        var rest = lines.count > 1 ? lines[1] : ""
        var yamlLines: [Substring] = []
        var lineNumber = 2
        while true {
            lines = rest.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            guard let line = lines.first, !(lines.count == 1 && line.isEmpty && rest.isEmpty) else { throw .notClosed }
            if Self.isFence(line) {
                let body = lines.count > 1 ? String(lines[1]) : ""
                return FrontMatterSplit(
                    yaml: yamlLines.joined(separator: "\n"), yamlFirstLine: 2, closingLine: lineNumber,
                    body: body, bodyFirstLine: lineNumber + 1)
            }
            yamlLines.append(line)
            guard lines.count > 1 else { throw .notClosed }
            rest = lines[1]
            lineNumber += 1
        }
    }

    private static func isFence(_ line: Substring) -> Bool {
        var line = line
        while line.last == " " || line.last == "\t" { line.removeLast() }
        return line == "---"
    }
}
