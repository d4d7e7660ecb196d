/// Raw HTML in a body, with `markdown.html: true`: the rendered body goes
/// through `HTMLSanitizer`, and what it removes is reported as a warning
/// at the line of the raw HTML it came from.
///
/// cmark writes raw HTML as it is, so each raw node is rendered with a
/// marker before it; the markers give each node's place in the HTML and
/// are taken out before the HTML is sanitised. The GFM tag filter is left
/// out: it would turn `<script>` into visible text where the sanitiser
/// removes it with a warning, and it looks for its tags only at the very
/// start of inline HTML, where the marker now is.
extension MarkdownBody {
    func sanitizedHTML(_ document: CMarkDocument, rawHTML nodes: [CMarkDocument.Node], columns: inout ColumnMap,
                       diagnostics: inout Diagnostics) -> String {
        let literals = nodes.map { document.literal(of: $0) }
        for (index, node) in nodes.enumerated() {
            document.setLiteral(of: node, to: RawHTMLMarkers.marker(index) + literals[index])
        }
        let marked = Self.localize(document.renderHTML(filteringTags: false))
        let html: String
        let starts: [Int]?
        if let found = RawHTMLMarkers.remove(from: marked, count: nodes.count) {
            (html, starts) = (found.html, found.starts)
        } else {
            // The text itself holds something that looks like a marker: render
            // without them and report everything at the first raw HTML.
            for (node, literal) in zip(nodes, literals) { document.setLiteral(of: node, to: literal) }
            (html, starts) = (Self.localize(document.renderHTML(filteringTags: false)), nil)
        }
        let hint = "use Markdown instead; docs/content-format.md (HTML im Text) lists the HTML that is published"
        guard let (clean, removals) = HTMLSanitizer.sanitize(html) else {
            diagnostics.warning(location(of: 0, in: html, nodes: nodes, literals: literals, starts: nil, document: document, columns: &columns),
                                "raw HTML nested more than \(HTMLTree.maximumParseDepth) elements deep; all raw HTML of this text was left out",
                                hint: hint)
            return Self.localize(document.renderHTML(omittingRawHTML: true))
        }
        for removal in removals {
            diagnostics.warning(location(of: removal.offset, in: html, nodes: nodes, literals: literals, starts: starts,
                                         document: document, columns: &columns),
                                removal.message, hint: hint)
        }
        return clean
    }

    /// The place in the file of a byte offset of the HTML: inside the raw
    /// node that starts last before it, counted from that node's place.
    private func location(of offset: Int, in html: String, nodes: [CMarkDocument.Node], literals: [String], starts: [Int]?,
                          document: CMarkDocument, columns: inout ColumnMap) -> SourceLocation {
        let index = starts.flatMap { starts in starts.lastIndex { $0 <= offset } } ?? 0
        let (line, byteColumn) = document.position(of: nodes[index])
        let column = columns.column(line: line, byteColumn: byteColumn)
        guard let start = starts?[index] else {
            return SourceLocation(path: displayPath, line: line + firstLine - 1, column: column)
        }
        // Only the raw HTML's own text is counted: after it comes cmark's.
        let end = max(start, min(offset, start + literals[index].utf8.count, html.utf8.count))
        let utf8 = Array(html.utf8[html.utf8.index(html.utf8.startIndex, offsetBy: start)..<html.utf8.index(html.utf8.startIndex, offsetBy: end)])
        let breaks = utf8.indices.filter { utf8[$0] == 0x0A }
        guard let lastBreak = breaks.last else {
            return SourceLocation(path: displayPath, line: line + firstLine - 1,
                                  column: column + String(decoding: utf8, as: UTF8.self).count)
        }
        // A block's later lines lose the indentation of the list or quote
        // around it; a paragraph's continuation lines are counted from 1.
        let indent = nodes[index].kind == .htmlBlock ? column - 1 : 0
        return SourceLocation(path: displayPath, line: line + firstLine - 1 + breaks.count,
                              column: indent + String(decoding: utf8[(lastBreak + 1)...], as: UTF8.self).count + 1)
    }
}

/// The markers put before each raw HTML node: a private-use character, the
/// node's number, another private-use character.
enum RawHTMLMarkers {
    static func marker(_ index: Int) -> String { "\u{E000}\(index)\u{E001}" }

    /// The HTML without the markers and where each node starts in it; nil
    /// unless exactly the markers 0..<count are found, in order.
    static func remove(from marked: String, count: Int) -> (html: String, starts: [Int])? {
        let open: [UInt8] = [0xEE, 0x80, 0x80], close: [UInt8] = [0xEE, 0x80, 0x81]
        let bytes = Array(marked.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var starts: [Int] = []
        var i = 0
        while i < bytes.count {
            guard bytes[i] == open[0], i + 2 < bytes.count, Array(bytes[i..<i + 3]) == open else {
                out.append(bytes[i])
                i += 1
                continue
            }
            var j = i + 3, number = 0, digits = 0
            while j < bytes.count, (0x30...0x39).contains(bytes[j]), digits < 9 {
                number = number * 10 + Int(bytes[j] - 0x30)
                j += 1
                digits += 1
            }
            guard digits > 0, j + 2 < bytes.count, Array(bytes[j..<j + 3]) == close, number == starts.count else { return nil }
            starts.append(out.count)
            i = j + 3
        }
        guard starts.count == count else { return nil }
        return (String(decoding: out, as: UTF8.self), starts)
    }
}
