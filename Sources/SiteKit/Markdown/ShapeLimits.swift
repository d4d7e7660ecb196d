import Foundation

/// Shapes of Markdown that cmark-gfm 0.29.0.gfm.6 (Debian's) handles in
/// more than linear time or memory, found before the text is handed to it,
/// with the limits the content format documents ("Grenzen" in
/// docs/content-format.md). Newer cmark-gfm fixed each of them; this one
/// has not, and a 1 MB text of any of them took minutes.
///
/// - Tables. A row with fewer cells than the header is filled up with empty
///   cells, so a header of C columns and C one-character lines make C²
///   cells (14 KB: 9 s and 1.1 GB). Each row is read into a list that is
///   walked from its start for every cell, so a line of many cells is
///   quadratic. And every line that looks like a delimiter row (`|---|`)
///   under a paragraph makes cmark read the whole paragraph again as a
///   possible header.
/// - Raw HTML. A `<?`, `<!X` or `<![CDATA[` without its end (`?>`, `>`,
///   `]]>`) is looked for to the end of its paragraph, again for each one.
/// - `@` in a word. The autolink extension looks for an e-mail address at
///   every `@` and reads the rest of the word (letters, digits, `.-_+@`)
///   each time: `a@a@a@…` of 1 MB took 3 s.
///
/// The counts are upper bounds, made on lines without parsing: a paragraph
/// or a table reaches to the next blank line, a row has at most one cell
/// more than it has `|`. Real text stays far below every limit.
enum ShapeLimits {
    /// Empty cells that all tables of one body together may be filled up
    /// with. A long editor's table with a few short rows has a few hundred.
    static let filledTableCells = 100_000
    /// Cells of one line of a table, or of a paragraph that is read as a
    /// table header.
    static let cellsPerTableLine = 1_000
    /// Bytes of paragraphs read again as table headers, in one body.
    static let headerRereadBytes = 20_000_000
    /// `<?`, `<!X` and `<![CDATA[` without their ends in one paragraph.
    static let unclosedHTMLPerParagraph = 100
    /// `@` in one word: an address has one, so the words read again stay
    /// short; at this limit a 1 MB text costs the extension 50 MB read.
    static let atSignsPerWord = 50

    struct Excess: Equatable {
        /// Line inside the body, from 1.
        var line: Int
        var message: Message
        var hint: Message
    }

    /// The first place in `markdown` where a limit is passed, or nil.
    static func firstExcess(in markdown: String) -> Excess? {
        var text = markdown
        if let excess = text.withUTF8(firstWordWithTooManyAtSigns) { return excess }
        return text.withUTF8 { bytes -> Excess? in
            // Every table line has a `|` and every unended opener a `<`:
            // most bodies have neither, and memchr tells that at once.
            guard let base = bytes.baseAddress else { return nil }
            let hasAngle = memchr(base, Int32(UInt8(ascii: "<")), bytes.count) != nil
            guard hasAngle || memchr(base, Int32(UInt8(ascii: "|")), bytes.count) != nil else { return nil }
            var filled = 0
            var reread = 0
            var lineNumber = 1
            var start = 0
            // The current paragraph (lines up to a blank one): its bytes,
            // its widest line, and its raw HTML openers without an end.
            var paragraphBytes = 0
            var widest = (cells: 0, line: 0)
            var html = UnclosedHTML()
            // The open table: its columns, its first line and the cells its
            // rows so far are filled up with.
            var table: (columns: Int, line: Int, filled: Int)?
            while start <= bytes.count {
                let end = lineEnd(bytes, from: start)
                let content = contentStart(bytes, from: start, to: end)
                // A blank line ends paragraphs and tables; a setext
                // underline (`---`) makes the paragraph above a heading
                // before cmark tries it as a table header.
                let blank = content == end
                if blank || (table == nil && paragraphBytes > 0 && isSetextUnderline(bytes, from: content, to: end)) {
                    if let excess = html.excess() { return excess }
                    table = nil
                    paragraphBytes = 0
                    widest = (0, 0)
                    html = UnclosedHTML()
                    lineNumber += 1
                    start = nextLine(bytes, after: end)
                    continue
                }
                let cells = mostCells(bytes, from: content, to: end)
                var opened = false
                if hasAngle { html.scan(bytes, from: content, to: end, line: lineNumber) }
                if paragraphBytes > 0, let columns = delimiterRowCells(bytes, from: content, to: end) {
                    // cmark reads the paragraph above as a header row.
                    reread += paragraphBytes
                    if reread > headerRereadBytes {
                        return Excess(
                            line: lineNumber,
                            message: Message(.limitHeaderReread, ["bytes": .grouped(reread), "limit": .grouped(headerRereadBytes)]),
                            hint: Message(.hintBlankLineBeforeTable))
                    }
                    let wide: (cells: Int, line: Int) = widest.cells >= cells ? widest : (cells, lineNumber)
                    if wide.cells > cellsPerTableLine {
                        return tooWide(line: wide.line, cells: wide.cells)
                    }
                    if columns > table?.columns ?? 0 {
                        // A table of its own, or a wider one after a line
                        // that ends the open table.
                        table = (columns, lineNumber - 1, 0)
                        opened = true
                    }
                }
                if !opened, var open = table {
                    if cells > cellsPerTableLine { return tooWide(line: lineNumber, cells: cells) }
                    let missing = max(0, open.columns - leastCells(bytes, from: content, to: end))
                    open.filled += missing
                    filled += missing
                    table = open
                    if filled > filledTableCells {
                        return tooManyFilled(open, after: end, in: bytes)
                    }
                }
                if cells > widest.cells { widest = (cells, lineNumber) }
                paragraphBytes += end - start + 1
                lineNumber += 1
                start = nextLine(bytes, after: end)
            }
            return html.excess()
        }
    }

    /// The first word (ASCII letters, digits and `.-_+@`) with more than
    /// `atSignsPerWord` `@`, at its line.
    private static func firstWordWithTooManyAtSigns(_ bytes: UnsafeBufferPointer<UInt8>) -> Excess? {
        guard let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "@")), bytes.count) != nil else { return nil }
        var (line, wordLine, signs) = (1, 1, 0)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "@"):
                if signs == 0 { wordLine = line }
                signs += 1
                if signs > atSignsPerWord {
                    return Excess(
                        line: wordLine,
                        message: Message(.limitAtSigns, ["limit": .grouped(atSignsPerWord)]),
                        hint: Message(.hintSpacesBetweenAddresses))
                }
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "+"):
                break
            case UInt8(ascii: "\n"):
                line += 1
                signs = 0
            default:
                signs = 0
            }
        }
        return nil
    }

    private static func tooWide(line: Int, cells: Int) -> Excess {
        Excess(
            line: line,
            message: Message(.limitTableLine, ["cells": .grouped(cells), "limit": .grouped(cellsPerTableLine)]),
            hint: Message(.hintSplitTable))
    }

    /// The message for a table whose short rows pass the limit, with the
    /// cells of all its rows.
    private static func tooManyFilled(
        _ table: (columns: Int, line: Int, filled: Int), after end: Int,
        in bytes: UnsafeBufferPointer<UInt8>
    ) -> Excess {
        var filled = table.filled
        var next = nextLine(bytes, after: end)
        while next < bytes.count {
            let stop = lineEnd(bytes, from: next)
            let content = contentStart(bytes, from: next, to: stop)
            if content == stop { break }
            filled += max(0, table.columns - leastCells(bytes, from: content, to: stop))
            next = nextLine(bytes, after: stop)
        }
        return Excess(
            line: table.line,
            message: Message(
                .limitFilledCells, ["columns": .grouped(table.columns), "filled": .grouped(filled), "limit": .grouped(filledTableCells)]),
            hint: Message(.hintEqualRows))
    }

    /// Raw HTML openers of one paragraph that no end follows: cmark looks
    /// for the end from each of them to the end of the paragraph.
    private struct UnclosedHTML {
        /// Per kind (`<?`, `<!X`, `<![CDATA[`): openers since its last end,
        /// and the line of the first of them.
        var open = [(count: 0, line: 0), (count: 0, line: 0), (count: 0, line: 0)]

        mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, line: Int) {
            func at(_ i: Int, _ text: StaticString) -> Bool {
                guard i + text.utf8CodeUnitCount <= end else { return false }
                for k in 0..<text.utf8CodeUnitCount where bytes[i + k] != text.utf8Start[k] { return false }
                return true
            }
            func opened(_ kind: Int) {
                if open[kind].count == 0 { open[kind].line = line }
                open[kind].count += 1
            }
            var i = start
            while i < end {
                switch bytes[i] {
                case UInt8(ascii: "<"):
                    if at(i, "<?") {
                        opened(0)
                    } else if at(i, "<![CDATA[") {
                        opened(2)
                    } else if at(i, "<!"), i + 2 < end, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[i + 2] & 0xDF) {
                        opened(1)
                    }
                case UInt8(ascii: ">"):
                    open[1].count = 0
                    if i > start && bytes[i - 1] == UInt8(ascii: "?") { open[0].count = 0 }
                    if i >= start + 2 && bytes[i - 1] == UInt8(ascii: "]") && bytes[i - 2] == UInt8(ascii: "]") { open[2].count = 0 }
                default:
                    break
                }
                i += 1
            }
        }

        func excess() -> Excess? {
            let total = open.reduce(0) { $0 + $1.count }
            guard total > unclosedHTMLPerParagraph else { return nil }
            let first = open.filter { $0.count > 0 }.map(\.line).min() ?? 1
            return Excess(
                line: first,
                message: Message(.limitUnclosedHTML, ["count": .grouped(total), "limit": .number(unclosedHTMLPerParagraph)]),
                hint: Message(.hintEscapeAngle))
        }
    }

    /// `---` alone, indented by at most three spaces (more make it text of
    /// the paragraph); spaces after it allowed.
    private static func isSetextUnderline(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var indent = 0
        while start - indent - 1 >= 0 && bytes[start - indent - 1] == UInt8(ascii: " ") { indent += 1 }
        guard indent <= 3, start - indent == 0 || [UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ">")].contains(bytes[start - indent - 1])
        else { return false }
        var i = start
        while i < end && bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i > start else { return false }
        while i < end && (bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t")) { i += 1 }
        return i == end
    }

    /// The most cells a table row can have: one more than its `|`.
    private static func mostCells(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        pipes(bytes, from: start, to: end) + 1
    }

    /// The fewest cells a table row can have: its unescaped `|` less one (a
    /// row may start and end with one), at least one.
    private static func leastCells(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        max(1, pipes(bytes, from: start, to: end) - 1)
    }

    /// The `|` of a line that are not escaped with `\`.
    private static func pipes(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var pipes = 0
        var i = start
        while i < end {
            if bytes[i] == UInt8(ascii: "\\") {
                i += 2
                continue
            }
            if bytes[i] == UInt8(ascii: "|") { pipes += 1 }
            i += 1
        }
        return pipes
    }

    /// The end of the line that starts at `start`: cmark ends lines at LF,
    /// CR and CRLF.
    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < bytes.count && bytes[i] != UInt8(ascii: "\n") && bytes[i] != UInt8(ascii: "\r") { i += 1 }
        return i
    }

    private static func nextLine(_ bytes: UnsafeBufferPointer<UInt8>, after end: Int) -> Int {
        if end + 1 < bytes.count && bytes[end] == UInt8(ascii: "\r") && bytes[end + 1] == UInt8(ascii: "\n") { return end + 2 }
        return end + 1
    }

    /// Where a line's text starts after indentation and block quote markers
    /// (`> `), the containers a table can be in; the line's end if it is
    /// blank. Only spaces and tabs make a line blank, as for cmark.
    private static func contentStart(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var i = start
        while i < end {
            switch bytes[i] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">"): i += 1
            default: return i
            }
        }
        return end
    }

    /// The number of cells of a GFM table delimiter row (`| --- | :-: |`),
    /// or nil if the line is not one.
    private static func delimiterRowCells(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        func isSpace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 0x0B || byte == 0x0C || byte == UInt8(ascii: "\r")
        }
        var i = start
        var cells = 0
        if i < end && bytes[i] == UInt8(ascii: "|") { i += 1 }
        while true {
            while i < end && isSpace(bytes[i]) { i += 1 }
            if i == end { return cells > 0 ? cells : nil }
            if bytes[i] == UInt8(ascii: ":") { i += 1 }
            var dashes = 0
            while i < end && bytes[i] == UInt8(ascii: "-") {
                i += 1
                dashes += 1
            }
            guard dashes > 0 else { return nil }
            if i < end && bytes[i] == UInt8(ascii: ":") { i += 1 }
            while i < end && isSpace(bytes[i]) { i += 1 }
            cells += 1
            if i == end { return cells }
            guard bytes[i] == UInt8(ascii: "|") else { return nil }
            i += 1
        }
    }
}
