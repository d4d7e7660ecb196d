import SiteText
import CSystemExtras
import Foundation

/// A page body rendered to HTML, with what later stages need to know about
/// it: its headings (for the table of contents and anchor checks) and its
/// links to other content (checked once the whole site is known).
public struct RenderedBody: Sendable {
    public struct Heading: Sendable, Equatable {
        public var level: Int
        public var text: String
        public var id: String
    }

    public struct Link: Sendable, Equatable {
        public enum Target: Sendable, Equatable {
            /// A content file, e.g. `kommunen/bendorf.md`, with an optional fragment.
            case page(path: String, fragment: String?)
            /// A fragment on the same page.
            case anchor(String)
            /// A file below `medien/`, linked (a download).
            case media(path: String)
            /// A JPEG, PNG or WebP below `medien/` that the page shows
            /// (`![…](../medien/x.jpg)`): the image stage makes its sizes.
            case image(path: String)
            /// A link to neither a content file nor a file below `medien/`
            /// (`Vallendar`), as `path` below the content folder and `url`
            /// as written: an error, reported with the whole site known so
            /// that its hint can name the file meant.
            case notContent(path: String, url: String)
        }

        public var target: Target
        public var location: SourceLocation
    }

    /// The body as HTML (from the build cache made when a page asks for it, see `LazyHTML`).
    public var html: String {
        get { lazyHTML.text }
        set { lazyHTML = LazyHTML(newValue) }
    }

    /// Calls `body` with the HTML's UTF-8 bytes, from the build cache without making a string.
    func withHTMLBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { lazyHTML.withBytes(body) }

    public var headings: [Heading]
    public var links: [Link]

    private(set) var lazyHTML: LazyHTML

    public init(html: String, headings: [Heading], links: [Link]) {
        self.init(html: LazyHTML(html), headings: headings, links: links)
    }

    init(html: LazyHTML, headings: [Heading], links: [Link]) {
        lazyHTML = html
        self.headings = headings
        self.links = links
    }

    public static let empty = RenderedBody(html: "", headings: [], links: [])

    /// The errors of links the site's checks report, for a body whose page
    /// never reaches them (its front matter could not be read, or it is a
    /// draft left out): with the general hint.
    func reportLinksLeftToTheSite(into diagnostics: inout Diagnostics) {
        for link in links {
            guard case .notContent(_, let url) = link.target else { continue }
            diagnostics.error(link.location, MarkdownBody.notContent(url), hint: Message(.hintLinkMarkdownFile))
        }
    }
}

/// Turns a Markdown body into `RenderedBody`: parses it with cmark-gfm,
/// gives every heading its id, rewrites relative links to content files and
/// media into URLs relative to the page, and reports links that cannot be
/// right whatever else the site holds.
struct MarkdownBody {
    /// Path of the file relative to the content folder, e.g. `kommunen/bendorf.md`.
    var contentPath: String
    /// Label of the file in diagnostics, e.g. `content/kommunen/bendorf.md`.
    var displayPath: String
    /// File line of the body's first line.
    var firstLine: Int
    /// Output folder of the page the body appears on, e.g. `kommunen/bendorf/`.
    var pagePath: String
    var allowHTML: Bool

    func render(_ markdown: String, diagnostics: inout Diagnostics) -> RenderedBody {
        // Shapes that would cost cmark-gfm minutes and gigabytes are refused
        // before it sees them.
        if let excess = ShapeLimits.firstExcess(in: markdown) {
            diagnostics.error(
                SourceLocation(path: displayPath, line: excess.line + firstLine - 1, column: 1),
                excess.message, hint: excess.hint)
            return .empty
        }
        let document = CMarkDocument(markdown: markdown, allowHTML: allowHTML)
        var columns = ColumnMap(text: markdown)
        var ids = HeadingIDs()
        var headings: [RenderedBody.Heading] = []
        var links: [RenderedBody.Link] = []
        let prefix = SitePath.rootPrefix(from: pagePath)
        let directory = contentPath.split(separator: "/").dropLast().map(String.init)
        var rawHTML: [CMarkDocument.Node] = []

        for node in document.nodes() {
            switch node.kind {
            case .heading(var level):
                let text = document.plainText(of: node).trimmed
                if level == 1 {
                    // The page title is the page's only h1 (one h1 per page, WCAG).
                    let (line, _) = document.position(of: node)
                    diagnostics.warning(
                        SourceLocation(path: displayPath, line: line + firstLine - 1, column: 1),
                        .headingLevelOne, hint: Message(.hintStartWithH2))
                    level = 2
                }
                let id = ids.next(for: text)
                headings.append(.init(level: level, text: text, id: id))
                document.giveHeading(node, id: id, level: level)
            case .link, .image:
                let (line, byteColumn) = document.position(of: node)
                let location = SourceLocation(
                    path: displayPath, line: line + firstLine - 1, column: columns.column(line: line, byteColumn: byteColumn))
                let url = document.url(of: node)
                if node.kind == .image, !node.hasAltText {
                    diagnostics.error(location, .imageWithoutAlt, hint: Message(.hintDescribeImage))
                } else if node.kind == .image, let alt = document.plainAltText(of: node)?.trimmed, Self.isFileName(alt, of: url) {
                    diagnostics.warning(location, .altIsFileName, ["alt": .value(alt)], hint: Message(.hintDescribeInWords))
                }
                switch LinkTarget.classify(url, from: directory) {
                case .external:
                    break
                case .anchor(let fragment):
                    links.append(.init(target: .anchor(fragment), location: location))
                case .page(let path, let fragment):
                    if node.kind == .image {
                        diagnostics.error(location, .imageNotMedia, hint: Message(.hintImageInMedien))
                    }
                    links.append(.init(target: .page(path: path, fragment: fragment), location: location))
                    if let (kind, slug) = ContentKind.parse(contentPath: path) {
                        let href = prefix + kind.pagePath(slug: slug) + (fragment.map { "#" + $0 } ?? "")
                        document.setURL(of: node, to: href)
                    }
                case .media(let path, let suffix):
                    let shown = node.kind == .image && ImageSettings.isPhoto(path)
                    links.append(.init(target: shown ? .image(path: path) : .media(path: path), location: location))
                    document.setURL(of: node, to: prefix + LinkTarget.percentEncoded(path) + suffix)
                case .notContent(let path):
                    if node.kind == .image {
                        diagnostics.error(location, Self.notContent(url), hint: Message(.hintLinkMarkdownFile))
                    } else {
                        links.append(.init(target: .notContent(path: path, url: url), location: location))
                    }
                case .invalid(let message, let hint):
                    diagnostics.error(location, message, hint: hint)
                }
            case .htmlInline, .htmlBlock:
                // Without `allowHTML`, cmark leaves raw HTML out by itself.
                if allowHTML { rawHTML.append(node) }
            default:
                break
            }
        }
        let html =
            rawHTML.isEmpty
            ? document.renderHTML(read: Self.localize)
            : sanitizedHTML(document, rawHTML: rawHTML, columns: &columns, diagnostics: &diagnostics)
        reportControlReferences(in: markdown, html: html, diagnostics: &diagnostics)
        return RenderedBody(html: html, headings: headings, links: links)
    }

    static func notContent(_ url: String) -> Message { Message(.linkNotContent, ["url": .value(url)]) }

    /// Whether `alt` is only the name of the file at `path` (`karte.png`,
    /// `karte`, `Karte.PNG`): text that tells a screen reader nothing.
    static func isFileName(_ alt: String, of path: String) -> Bool {
        let withoutQuery = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        let last = withoutQuery.split(separator: "/").last.map(String.init) ?? withoutQuery
        let name = (last.removingPercentEncoding ?? last).lowercased()
        guard !name.isEmpty else { return false }
        let stem = name.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
        let written = alt.trimmingCharacters(in: .whitespaces).lowercased()
        return written == name || (!stem.isEmpty && written == stem)
    }

    /// `&#27;` and the like outside code: errors at each reference.
    private func reportControlReferences(in markdown: String, html: String, diagnostics: inout Diagnostics) {
        let found = ControlReferences.find(in: markdown)
        guard !found.isEmpty, ControlReferences.reached(html) else { return }
        for reference in found {
            let (line, column) = TextPosition.lineAndColumn(of: reference.offset, in: Array(markdown.utf8))
            diagnostics.error(
                SourceLocation(path: displayPath, line: line + firstLine - 1, column: column),
                .controlReference,
                ["reference": .value(reference.text), "codePoint": .value(YAMLReader.codePoint(Unicode.Scalar(reference.scalar)!))],
                hint: Message(.hintControlReference, ["reference": .value(reference.text)]))
        }
    }

    /// cmark-gfm writes a few English labels and unlabelled task-list boxes;
    /// the site's language is German and every control needs a name.
    static func localize(_ html: UnsafeBufferPointer<UInt8>) -> String {
        guard String.containsBytes("data-footnote-backref", in: html) || String.containsBytes("<input type=\"checkbox\"", in: html)
        else { return String(decoding: html, as: UTF8.self) }
        return String.replacingBytes(
            in: html,
            [
                ("aria-label=\"Back to content\"", "aria-label=\"Zurück zum Text\""),
                // A section needs a heading; the theme hides this one visually.
                (
                    "<section class=\"footnotes\" data-footnotes>",
                    "<section class=\"footnotes\" data-footnotes>\n<h2 class=\"visually-hidden\">Fußnoten</h2>"
                ),
                (
                    "<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
                    "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"erledigt\" />"
                ),
                ("<input type=\"checkbox\" disabled=\"\" />", "<input type=\"checkbox\" disabled=\"\" aria-label=\"offen\" />"),
            ])
    }
}

/// Converts cmark's byte columns into character columns, which is what an
/// editor shows; builds its line table only when a body has links.
///
/// Links come in document order, so a query usually lies on the line of the
/// previous one and after it: counting goes on from there instead of from
/// the line's start, which made a line of 20,000 links quadratic.
struct ColumnMap {
    private let text: String
    /// Byte offset of each line's first byte.
    private var lineStarts: [Int]?
    /// Where the last count ended: a character boundary, its line and its
    /// column.
    private var cursor: (line: Int, index: String.Index, column: Int)?

    init(text: String) { self.text = text }

    mutating func column(line: Int, byteColumn: Int) -> Int {
        if lineStarts == nil {
            var starts = [0]
            var text = text
            text.withUTF8 { bytes in
                // memchr: the whole body is searched for a page with one link.
                guard let base = bytes.baseAddress else { return }
                var offset = 0
                while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
                    offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) + 1
                    starts.append(offset)
                }
            }
            lineStarts = starts
        }
        guard let starts = lineStarts, line >= 1, line <= starts.count else { return byteColumn }
        let utf8 = text.utf8
        let lineStart = utf8.index(utf8.startIndex, offsetBy: starts[line - 1])
        let lineEnd = line < starts.count ? utf8.index(utf8.startIndex, offsetBy: starts[line] - 1) : utf8.endIndex
        let target = utf8.index(lineStart, offsetBy: max(0, byteColumn - 1), limitedBy: lineEnd) ?? lineEnd
        var (index, column) = (lineStart, 1)
        if let cursor, cursor.line == line, cursor.index <= target { (index, column) = (cursor.index, cursor.column) }
        // Letters below U+0300 (ASCII, and German text with its umlauts and
        // ß): one scalar is one character, so counting the bytes that begin
        // a scalar is counting characters, without breaking graphemes.
        let bytes = utf8[index..<max(index, target)]
        var scalars = 0
        var simple = true
        for byte in bytes where byte & 0xC0 != 0x80 {
            scalars += 1
            if byte >= 0xCC {
                simple = false
                break
            }
        }
        if simple {
            column += scalars
            index = max(index, target)
            // A target inside a character: the count goes on after it.
            while index < lineEnd && utf8[index] & 0xC0 == 0x80 { index = utf8.index(after: index) }
        }
        // A character that the target falls inside counts, as a column.
        while index < target {
            let next = text.index(after: index)
            // A line that starts inside a character (never after the
            // loader folds CRLF) must not stop the count.
            index = next > index ? next : utf8.index(after: index)
            column += 1
        }
        cursor = (line, index, column)
        return column
    }
}

extension String {
    /// Replaces each pattern (tried in order at every position) on the
    /// UTF-8 bytes, in one pass: each pattern's next occurrence is found with
    /// `memmem`, and the text between occurrences is copied in one piece.
    func replacingBytes(_ replacements: [(String, String)]) -> String {
        var source = self
        return source.withUTF8 { Self.replacingBytes(in: $0, replacements) }
    }

    /// `replacingBytes` on bytes that are not a string yet.
    static func replacingBytes(in text: UnsafeBufferPointer<UInt8>, _ replacements: [(String, String)]) -> String {
        let patterns = replacements.map { (Array($0.0.utf8), Array($0.1.utf8)) }.filter { !$0.0.isEmpty }
        func occurrence(of pattern: [UInt8], from start: Int) -> Int {
            Self.offset(of: pattern, in: text, from: start) ?? Int.max
        }
        var next = patterns.map { occurrence(of: $0.0, from: 0) }
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 256)
        var i = 0
        while true {
            // The earliest match wins; at the same place, the first pattern.
            var chosen = -1
            for p in patterns.indices where next[p] != Int.max && (chosen < 0 || next[p] < next[chosen]) { chosen = p }
            guard chosen >= 0 else { break }
            let at = next[chosen]
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[i..<at]))
            out.append(contentsOf: patterns[chosen].1)
            i = at + patterns[chosen].0.count
            for p in patterns.indices where next[p] < i { next[p] = occurrence(of: patterns[p].0, from: i) }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[i...]))
        return String(decoding: out, as: UTF8.self)
    }

    /// Substring test on the UTF-8 bytes; Foundation's `contains` goes
    /// through UTF-16 and costs more than rendering the page.
    func containsBytes(_ needle: String) -> Bool {
        var text = self
        return text.withUTF8 { Self.containsBytes(needle, in: $0) }
    }

    /// `containsBytes` on bytes that are not a string yet.
    static func containsBytes(_ needle: String, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        offset(of: Array(needle.utf8), in: text, from: 0) != nil
    }

    /// Where `pattern` first occurs in `text` at or after `start` (memmem).
    static func offset(of pattern: [UInt8], in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = text.baseAddress, !pattern.isEmpty, start >= 0, start + pattern.count <= text.count else { return nil }
        guard let hit = pattern.withUnsafeBytes({ sitegen_find(base + start, text.count - start, $0.baseAddress, $0.count) }) else {
            return nil
        }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}
