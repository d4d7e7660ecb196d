import CCmarkGFM
import Foundation

/// The one place that speaks to cmark-gfm's C API.
///
/// A `CMarkDocument` owns the parsed tree and frees it on deinit. Callers walk
/// the tree through `nodes()` and change it through the few mutations the
/// pipeline needs (link URLs, headings with ids); nodes are only valid while
/// the document is alive, which is why they are not exposed outside this file
/// except as the opaque `CMarkDocument.Node` handle.
final class CMarkDocument {
    enum Kind: Equatable {
        case heading(level: Int)
        case link
        case image
        case text
        case code
        case htmlInline
        case htmlBlock
        case other
    }

    struct Node {
        fileprivate let pointer: OpaquePointer
        let kind: Kind
        /// For an image: whether its description, the alt text, has any
        /// text but whitespace.
        fileprivate(set) var hasAltText = false
    }

    private let root: OpaquePointer
    private let extensions: [OpaquePointer]
    private let options: Int32

    /// Parses `markdown` with the GFM extensions (table, strikethrough,
    /// autolink, tagfilter, tasklist) and footnotes. Without `allowHTML`, raw
    /// HTML is replaced by a comment when rendering (cmark's safe mode).
    init(markdown: String, allowHTML: Bool) {
        Self.registerExtensionsOnce
        // Table alignment as style attributes: `align` is obsolete in HTML5.
        var options =
            CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
            | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        if allowHTML { options |= CMARK_OPT_UNSAFE }
        self.options = options
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        var attached: [OpaquePointer] = []
        for name in ["table", "strikethrough", "autolink", "tagfilter", "tasklist"] {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
                attached.append(ext)
            }
        }
        extensions = attached
        var text = markdown
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        // cmark-gfm switches the extensions' special characters (`~`, `:`, `w`)
        // on and off in a process-wide table while it parses inlines, so two
        // parsers finishing at once lose each other's strikethrough and
        // autolinks. Inline parsing is therefore one at a time; block parsing
        // and rendering stay parallel.
        Self.inlineLock.lock()
        root = cmark_parser_finish(parser)
        Self.inlineLock.unlock()
    }

    private static let inlineLock = NSLock()

    /// Headings replaced by `giveHeading`; see there.
    private var detached: [OpaquePointer] = []

    deinit {
        cmark_node_free(root)
        for node in detached { cmark_node_free(node) }
    }

    /// The extension registry is process-global in cmark-gfm; registering it
    /// once, before any parser exists, keeps parallel parsing safe.
    private static let registerExtensionsOnce: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    /// Every node in document order (entering events only).
    ///
    /// Whether an image has alt text is found in the same walk: asking each
    /// image's subtree would walk nested images (`![![![x](y)](y)](y)`) once
    /// per level. Text marks every image open around it, and those always
    /// are the outer part of the stack of open images, so a count says
    /// which are marked.
    func nodes() -> [Node] {
        var result: [Node] = []
        var openImages: [Int] = []
        var marked = 0
        let iterator = cmark_iter_new(root)!
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                if type == CMARK_NODE_IMAGE, let index = openImages.popLast() {
                    result[index].hasAltText = openImages.count < marked
                    marked = min(marked, openImages.count)
                }
                continue
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            if type == CMARK_NODE_IMAGE { openImages.append(result.count) }
            if marked < openImages.count, type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE,
                let literal = cmark_node_get_literal(node),
                String(cString: literal).unicodeScalars.contains(where: { !$0.properties.isWhitespace })
            {
                marked = openImages.count
            }
            result.append(Node(pointer: node, kind: Self.kind(of: node)))
        }
        return result
    }

    private static func kind(of node: OpaquePointer) -> Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        default: return .other
        }
    }

    /// 1-based line and byte column of the node inside the parsed text.
    func position(of node: Node) -> (line: Int, column: Int) {
        (Int(cmark_node_get_start_line(node.pointer)), Int(cmark_node_get_start_column(node.pointer)))
    }

    func url(of node: Node) -> String {
        cmark_node_get_url(node.pointer).map { String(cString: $0) } ?? ""
    }

    func setURL(of node: Node, to url: String) {
        cmark_node_set_url(node.pointer, url)
    }

    func literal(of node: Node) -> String {
        cmark_node_get_literal(node.pointer).map { String(cString: $0) } ?? ""
    }

    /// Replaces the text of a raw HTML, code or text node.
    func setLiteral(of node: Node, to literal: String) {
        cmark_node_set_literal(node.pointer, literal)
    }

    /// The plain text of a node's descendants (text and code spans), as used
    /// for heading ids.
    func plainText(of node: Node) -> String {
        var text = ""
        let iterator = cmark_iter_new(node.pointer)!
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }

    /// An image's alt text when it is plain text only (its children are
    /// all text nodes), else nil. Looks at the direct children alone, so
    /// nested images cost no walk of their subtrees.
    func plainAltText(of node: Node) -> String? {
        var text = ""
        var child = cmark_node_first_child(node.pointer)
        while let current = child {
            guard cmark_node_get_type(current) == CMARK_NODE_TEXT else { return nil }
            if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            child = cmark_node_next(current)
        }
        return text
    }

    /// Replaces a heading by a custom block that renders as `<hN id="…">`
    /// around the heading's inline content. cmark's HTML renderer has no
    /// attribute hook for headings; a custom block is the documented way to
    /// emit our own opening and closing tags while keeping the inline
    /// rendering (and its escaping) to cmark.
    func giveHeading(_ node: Node, id: String, level: Int) {
        guard case .heading = node.kind else { return }
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        // Written as bytes: a page of many headings makes this tag for each.
        let digit = UInt8(ascii: "0") + UInt8(clamping: min(level, 6))
        var enter: [UInt8] = Array("<h_ id=\"".utf8)
        enter[2] = digit
        enter.reserveCapacity(enter.count + id.utf8.count + 3)
        enter.append(contentsOf: id.utf8)
        enter.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ">"), 0])
        enter.withUnsafeBufferPointer { cmark_node_set_on_enter(block, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) }
        Self.closingTags[min(level, 6)].withUnsafeBufferPointer {
            cmark_node_set_on_exit(block, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self))
        }
        while let child = cmark_node_first_child(node.pointer) {
            cmark_node_unlink(child)
            cmark_node_append_child(block, child)
        }
        cmark_node_replace(node.pointer, block)
        // The moved inline nodes still point into the heading's text buffer,
        // so the heading is freed with the document, not now.
        detached.append(node.pointer)
    }

    /// `</h0>` to `</h6>`, ended by NUL for C.
    private static let closingTags: [[UInt8]] = (0...6).map { Array("</h\($0)>".utf8) + [0] }

    /// The document as HTML. Heading nodes passed to `giveHeading` must not be
    /// used after it. Without `filteringTags`, the GFM tag filter leaves raw
    /// HTML as written: for HTML that `HTMLSanitizer` reads next, which
    /// removes those tags and more, and reports them. `omittingRawHTML`
    /// renders as without `allowHTML`.
    /// `read` makes the text of cmark's bytes (`MarkdownBody.localize`
    /// does, so a long body is copied once).
    func renderHTML(
        filteringTags: Bool = true, omittingRawHTML: Bool = false,
        read: (UnsafeBufferPointer<UInt8>) -> String = { String(decoding: $0, as: UTF8.self) }
    ) -> String {
        var list: UnsafeMutablePointer<cmark_llist>? = nil
        let mem = cmark_get_default_mem_allocator()
        let tagFilter = cmark_find_syntax_extension("tagfilter")
        for ext in extensions where filteringTags || ext != tagFilter {
            list = cmark_llist_append(mem, list, UnsafeMutableRawPointer(ext))
        }
        defer { cmark_llist_free(mem, list) }
        // Source positions are for diagnostics only; they stay out of the HTML.
        let renderOptions = options & ~CMARK_OPT_SOURCEPOS & (omittingRawHTML ? ~CMARK_OPT_UNSAFE : ~0)
        guard let html = cmark_render_html(root, renderOptions, list) else { return "" }
        defer { free(html) }
        return read(UnsafeBufferPointer(start: UnsafeRawPointer(html).assumingMemoryBound(to: UInt8.self), count: strlen(html)))
    }
}
