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
    func sanitizedHTML(
        _ document: CMarkDocument, rawHTML nodes: [CMarkDocument.Node], columns: inout ColumnMap,
        diagnostics: inout Diagnostics
    ) -> String {
        let literals = nodes.map { document.literal(of: $0) }
        for (index, node) in nodes.enumerated() {
            document.setLiteral(of: node, to: RawHTMLMarkers.marker(index) + literals[index])
        }
        let marked = document.renderHTML(filteringTags: false, read: Self.localize)
        let html: String
        let starts: [Int]?
        if let found = RawHTMLMarkers.remove(from: marked, count: nodes.count) {
            (html, starts) = (found.html, found.starts)
        } else {
            // The text itself holds something that looks like a marker: render
            // without them and report everything at the first raw HTML.
            for (node, literal) in zip(nodes, literals) { document.setLiteral(of: node, to: literal) }
            (html, starts) = (document.renderHTML(filteringTags: false, read: Self.localize), nil)
        }
        let hint = Message(.hintUseMarkdown)
        func location(_ node: Int, _ place: (breaks: Int, characters: Int)) -> SourceLocation {
            let (line, byteColumn) = document.position(of: nodes[node])
            let column = columns.column(line: line, byteColumn: byteColumn)
            // A block's later lines lose the indentation of the list or quote
            // around it; a paragraph's continuation lines are counted from 1.
            let indent = nodes[node].kind == .htmlBlock ? column - 1 : 0
            return SourceLocation(
                path: displayPath, line: line + firstLine - 1 + place.breaks,
                column: place.breaks == 0 ? column + place.characters : indent + place.characters + 1)
        }
        guard let (clean, removals) = HTMLSanitizer.sanitize(html) else {
            diagnostics.warning(
                location(0, (0, 0)),
                .htmlTooDeep, ["depth": .number(HTMLTree.maximumParseDepth)], hint: hint)
            return document.renderHTML(omittingRawHTML: true, read: Self.localize)
        }
        var places = RawHTMLPlaces(html: html, starts: starts, lengths: literals.map(\.utf8.count))
        for removal in removals {
            let (node, place) = places.place(of: removal.offset)
            diagnostics.warning(location(node, place), removal.message, hint: hint)
        }
        return clean
    }
}

/// Finds the raw node a byte offset of the HTML lies in, and the line
/// breaks and characters from the node's start to it. Offsets come in
/// increasing order, so each byte is counted once however many removals
/// a long block has.
struct RawHTMLPlaces {
    private let bytes: [UInt8]
    /// Where each raw node starts in the HTML; nil when that is unknown
    /// (everything is then placed at the first node).
    private let starts: [Int]?
    private let lengths: [Int]
    private var node = -1, position = 0, breaks = 0, characters = 0

    init(html: String, starts: [Int]?, lengths: [Int]) {
        bytes = Array(html.utf8)
        self.starts = starts
        self.lengths = lengths
    }

    mutating func place(of offset: Int) -> (node: Int, place: (breaks: Int, characters: Int)) {
        guard let starts, !starts.isEmpty else { return (0, (0, 0)) }
        var index = max(node, 0)
        while index + 1 < starts.count, starts[index + 1] <= offset { index += 1 }
        if index != node {
            (node, position, breaks, characters) = (index, starts[index], 0, 0)
        }
        // Only the raw HTML's own text is counted: after it comes cmark's.
        let end = max(position, min(offset, starts[index] + lengths[index], bytes.count))
        var lineStart = position
        for i in position..<end where bytes[i] == 0x0A {
            breaks += 1
            characters = 0
            lineStart = i + 1
        }
        characters += String(decoding: bytes[lineStart..<end], as: UTF8.self).count
        position = end
        return (node, (breaks, characters))
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
