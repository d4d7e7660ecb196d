import CGumbo

/// The one place that speaks to gumbo's C API: HTML parsed as a browser
/// parses it (gumbo implements the HTML5 tokenizer and tree builder), so the
/// raw-HTML sanitiser and the SVG check judge the tree a browser would
/// build, not an approximation of it.
///
/// The parse is copied into Swift values and gumbo's output freed before
/// `parseFragment` returns; nothing outside this file sees a gumbo pointer.
enum HTMLTree {
    enum Namespace: Equatable {
        case html, svg, mathML
    }

    struct Attribute: Equatable {
        /// Lower-case; a foreign attribute keeps its prefix (`xlink:href`).
        var name: String
        /// With character references decoded, as the browser reads it.
        var value: String
        /// Byte offset of the name in the parsed text.
        var offset: Int
    }

    struct Element {
        /// Lower-case tag name; a name the parser does not know as written.
        var name: String
        var namespace: Namespace
        var attributes: [Attribute]
        var children: [Node]
        /// Byte offset of the start tag in the parsed text (for an element
        /// the parser implied, of the tag that implied it).
        var offset: Int
    }

    indirect enum Node {
        case element(Element)
        /// Text and CDATA, with character references decoded.
        case text(String)
        /// A comment, or what the parser reads as one (`<?xml-stylesheet …?>`,
        /// `<!ENTITY …>` outside a doctype).
        case comment(String, offset: Int)
    }

    /// Elements nested deeper than this are cut off (`truncated`): no real
    /// page nests that deep, and the tree is walked recursively.
    static let maximumDepth = 200

    /// Text that looks nested deeper than this is not parsed at all: gumbo
    /// checks the open elements at every tag (100,000 nested `<div>`s take
    /// over a minute) and frees its tree recursively.
    static let maximumParseDepth = 1000

    struct Fragment {
        var nodes: [Node]
        /// Where elements below `maximumDepth` were left out: the offset of
        /// the first element whose children are missing.
        var truncated: Int?
    }

    /// Parses `html` as the content of a `<div>` in a document body, the
    /// way `innerHTML` does; nil when it nests too deep to parse
    /// (`maximumParseDepth`).
    static func parseFragment(_ html: String) -> Fragment? {
        var text = html
        guard !text.isEmpty else { return Fragment(nodes: [], truncated: nil) }
        guard text.withUTF8({ nestingEstimate($0) }) <= maximumParseDepth else { return nil }
        return text.withUTF8 { bytes -> Fragment in
            var options = kGumboDefaultOptions
            options.fragment_context = GUMBO_TAG_DIV
            options.fragment_namespace = GUMBO_NAMESPACE_HTML
            // Only the tree is used; recording every parse error costs memory.
            options.max_errors = 0
            let output = bytes.withMemoryRebound(to: CChar.self) { chars in
                gumbo_parse_with_options(&options, chars.baseAddress!, chars.count)
            }
            guard let output else { return Fragment(nodes: [], truncated: nil) }
            defer { withUnsafePointer(to: &options) { gumbo_destroy_output($0, output) } }
            var converter = Converter()
            // A fragment's nodes are the children of the `<html>` root the parser makes for it.
            let nodes = converter.children(of: output.pointee.root, depth: 0)
            return Fragment(nodes: nodes, truncated: converter.truncated)
        }
    }

    /// How deep the elements of `bytes` nest, told from the tags alone: a
    /// start tag opens an element unless it is void, or closed by `/>` on
    /// an element that is not HTML (where a browser closes it too); an end
    /// tag closes one. Unclosed `<p>` or `<li>` count as open, so this errs
    /// towards deep.
    static func nestingEstimate(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var depth = 0, deepest = 0, i = 0
        let count = bytes.count
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        while i < count {
            guard bytes[i] == 0x3C, i + 1 < count else {
                i += 1
                continue
            }
            if bytes[i + 1] == 0x2F {
                depth = max(0, depth - 1)
                i += 2
                continue
            }
            guard isLetter(bytes[i + 1]) else {
                i += 1
                continue
            }
            let nameStart = i + 1
            var j = nameStart
            while j < count, bytes[j] > 0x20, bytes[j] != 0x2F, bytes[j] != 0x3E { j += 1 }
            let nameLength = j - nameStart
            // To the tag's end, past quoted attribute values. As in the HTML
            // tokenizer, a quote opens a value only right after `=`.
            var quote: UInt8 = 0, afterEquals = false
            while j < count, quote != 0 || bytes[j] != 0x3E {
                let byte = bytes[j]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == 0x3D {
                    afterEquals = true
                } else if afterEquals && (byte == 0x22 || byte == 0x27) {
                    quote = byte
                    afterEquals = false
                } else if byte > 0x20 {
                    afterEquals = false
                }
                j += 1
            }
            let selfClosing = j > nameStart && j < count && bytes[j - 1] == 0x2F
            let tag = bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: count) {
                gumbo_tagn_enum($0 + nameStart, UInt32(nameLength))
            }
            if !voidTags.contains(tag.rawValue) && !(selfClosing && tag == GUMBO_TAG_UNKNOWN) {
                depth += 1
                deepest = max(deepest, depth)
            }
            i = j + 1
        }
        return deepest
    }

    private static let voidTags: Set<UInt32> = Set(
        [
            GUMBO_TAG_AREA, GUMBO_TAG_BASE, GUMBO_TAG_BR, GUMBO_TAG_COL, GUMBO_TAG_EMBED, GUMBO_TAG_HR, GUMBO_TAG_IMG,
            GUMBO_TAG_INPUT, GUMBO_TAG_LINK, GUMBO_TAG_META, GUMBO_TAG_SOURCE, GUMBO_TAG_TRACK, GUMBO_TAG_WBR,
        ].map(\.rawValue))

    private struct Converter {
        var truncated: Int?

        mutating func children(of node: UnsafeMutablePointer<GumboNode>, depth: Int) -> [Node] {
            let vector: GumboVector
            switch node.pointee.type {
            case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE: vector = node.pointee.v.element.children
            case GUMBO_NODE_DOCUMENT: vector = node.pointee.v.document.children
            default: return []
            }
            guard depth < HTMLTree.maximumDepth else {
                if vector.length > 0, truncated == nil, node.pointee.type != GUMBO_NODE_DOCUMENT {
                    truncated = Int(node.pointee.v.element.start_pos.offset)
                }
                return []
            }
            var result: [Node] = []
            result.reserveCapacity(Int(vector.length))
            for index in 0..<Int(vector.length) {
                guard let child = vector.data[index]?.assumingMemoryBound(to: GumboNode.self) else { continue }
                if let converted = convert(child, depth: depth + 1) { result.append(converted) }
            }
            return result
        }

        private mutating func convert(_ node: UnsafeMutablePointer<GumboNode>, depth: Int) -> Node? {
            switch node.pointee.type {
            case GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE, GUMBO_NODE_CDATA:
                return .text(String(cString: node.pointee.v.text.text))
            case GUMBO_NODE_COMMENT:
                let text = node.pointee.v.text
                return .comment(String(cString: text.text), offset: Int(text.start_pos.offset))
            case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                let element = node.pointee.v.element
                return .element(
                    Element(
                        name: Self.name(of: element), namespace: Self.namespace(element.tag_namespace),
                        attributes: Self.attributes(element.attributes), children: children(of: node, depth: depth),
                        offset: Int(element.start_pos.offset)))
            default:
                return nil
            }
        }

        private static func namespace(_ value: GumboNamespaceEnum) -> Namespace {
            switch value {
            case GUMBO_NAMESPACE_SVG: return .svg
            case GUMBO_NAMESPACE_MATHML: return .mathML
            default: return .html
            }
        }

        /// gumbo names the elements it knows by an enum; others by their
        /// tag as written, from which the name is cut out.
        private static func name(of element: GumboElement) -> String {
            if element.tag != GUMBO_TAG_UNKNOWN, let name = gumbo_normalized_tagname(element.tag) {
                return String(cString: name)
            }
            var piece = element.original_tag
            guard piece.data != nil, piece.length > 0 else { return "" }
            gumbo_tag_from_original_text(&piece)
            let bytes = UnsafeRawBufferPointer(start: piece.data, count: piece.length)
            return String(decoding: bytes, as: UTF8.self).lowercased()
        }

        private static func attributes(_ vector: GumboVector) -> [Attribute] {
            var result: [Attribute] = []
            result.reserveCapacity(Int(vector.length))
            for index in 0..<Int(vector.length) {
                guard let attribute = vector.data[index]?.assumingMemoryBound(to: GumboAttribute.self).pointee else { continue }
                var name = String(cString: attribute.name)
                switch attribute.attr_namespace {
                case GUMBO_ATTR_NAMESPACE_XLINK: name = "xlink:" + name
                case GUMBO_ATTR_NAMESPACE_XML: name = "xml:" + name
                case GUMBO_ATTR_NAMESPACE_XMLNS: name = name == "xmlns" ? name : "xmlns:" + name
                default: break
                }
                result.append(
                    Attribute(
                        name: name, value: String(cString: attribute.value),
                        offset: Int(attribute.name_start.offset)))
            }
            return result
        }
    }
}
