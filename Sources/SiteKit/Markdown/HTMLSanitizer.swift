/// Keeps of a body's HTML only what can neither run nor load anything: the
/// elements and attributes of prose, lists, tables and figures, and links and
/// images to web, mail and phone addresses or relative paths. Used when
/// `markdown.html: true` lets editors write raw HTML; the GFM tag filter
/// alone stops nine tags and leaves `onerror=`, `javascript:` and the like.
///
/// The HTML is parsed as a browser parses it (`HTMLTree`) and written out
/// again from the tree, so what is kept is also what the browser reads:
/// every attribute quoted, every text escaped, no comments, no foreign
/// (SVG, MathML) content and no element whose text the browser would read
/// as something other than text.
enum HTMLSanitizer {
    /// Something taken out, at the byte offset in the given HTML where its
    /// tag or attribute starts.
    struct Removal: Equatable {
        var offset: Int
        var message: Message
    }

    /// nil when the HTML nests too deep to be parsed (`HTMLTree.maximumParseDepth`).
    static func sanitize(_ html: String) -> (html: String, removals: [Removal])? {
        guard let fragment = HTMLTree.parseFragment(html) else { return nil }
        var writer = Writer()
        writer.write(fragment.nodes)
        if let offset = fragment.truncated {
            writer.removals.append(
                Removal(offset: offset, message: Message(.htmlTooDeepPart, ["depth": .number(HTMLTree.maximumDepth)])))
        }
        return (writer.out, writer.removals.sorted { ($0.offset, $0.message.english) < ($1.offset, $1.message.english) })
    }

    /// Elements kept, with the attributes each may have besides `global`.
    /// These are the elements cmark-gfm writes itself (tables, task lists,
    /// footnotes included) and the rest of everyday prose markup.
    static let elements: [String: Set<String>] = {
        var table: [String: Set<String>] = [
            "a": ["href"], "img": ["src", "alt", "width", "height"],
            "blockquote": ["cite"], "q": ["cite"], "del": ["cite", "datetime"], "ins": ["cite", "datetime"],
            "ol": ["start", "reversed", "type"], "li": ["value"], "time": ["datetime"], "details": ["open"],
            "td": ["colspan", "rowspan", "style"], "th": ["colspan", "rowspan", "scope", "style"],
            "col": ["span"], "colgroup": ["span"],
            // Only the disabled checkbox of a task list; see `keepsInput`.
            "input": ["type", "checked", "disabled"],
        ]
        for name in [
            "abbr", "b", "bdi", "br", "caption", "cite", "code", "dd", "dfn", "div", "dl", "dt", "em",
            "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "kbd", "mark", "p", "pre",
            "s", "samp", "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody",
            "tfoot", "thead", "tr", "u", "ul", "var", "wbr",
        ] {
            table[name] = []
        }
        return table
    }()

    /// Attributes any kept element may have.
    static let global: Set<String> = ["id", "class", "title", "lang", "dir", "aria-label", "aria-hidden"]

    /// Attributes that hold an address.
    static let urlAttributes: Set<String> = ["href", "src", "cite"]

    /// Elements dropped with everything inside them: what they hold is
    /// script, style, embedded content, form state, or text a browser does
    /// not read as markup. Any other element not in `elements` is dropped
    /// and its content kept.
    static let droppedWithContent: Set<String> = [
        "script", "style", "template", "noscript", "noembed", "noframes", "iframe", "frame", "frameset",
        "object", "embed", "applet", "audio", "video", "canvas", "map", "svg", "math", "form", "button",
        "select", "datalist", "textarea", "title", "xmp", "plaintext", "head",
    ]

    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr",
    ]

    private struct Writer {
        var out = ""
        var removals: [Removal] = []

        mutating func write(_ nodes: [HTMLTree.Node]) {
            for node in nodes {
                switch node {
                case .text(let text): out += escaped(text)
                case .comment: break  // never shown; nothing to report
                case .element(let element): write(element)
                }
            }
        }

        private mutating func write(_ element: HTMLTree.Element) {
            let name = element.name
            guard element.namespace == .html, let allowed = HTMLSanitizer.elements[name] else {
                if element.namespace != .html || HTMLSanitizer.droppedWithContent.contains(name) {
                    removals.append(
                        Removal(offset: element.offset, message: Message(.htmlElementRemovedWithContent, ["element": .value(name)])))
                } else if element.children.isEmpty {
                    removals.append(Removal(offset: element.offset, message: Message(.htmlElementRemoved, ["element": .value(name)])))
                } else {
                    removals.append(
                        Removal(offset: element.offset, message: Message(.htmlElementRemovedTextKept, ["element": .value(name)])))
                    write(element.children)
                }
                return
            }
            if name == "input" && !Self.keepsInput(element) {
                removals.append(
                    Removal(offset: element.offset, message: Message(.htmlInputRemoved)))
                return
            }
            out += "<" + name
            for attribute in element.attributes {
                if let problem = Self.problem(with: attribute, of: name, allowed: allowed) {
                    removals.append(Removal(offset: attribute.offset, message: problem))
                    continue
                }
                out += " " + attribute.name + "=\"" + escaped(attribute.value) + "\""
            }
            if HTMLSanitizer.voidElements.contains(name) {
                out += " />"
                return
            }
            out += ">"
            // The parser drops a newline right after `<pre>`; one that is content needs another before it.
            if name == "pre", case .text(let text)? = element.children.first, text.hasPrefix("\n") { out += "\n" }
            write(element.children)
            out += "</" + name + ">"
        }

        /// Why the attribute is removed, or nil when it stays.
        private static func problem(with attribute: HTMLTree.Attribute, of element: String, allowed: Set<String>) -> Message? {
            let name = attribute.name
            guard allowed.contains(name) || HTMLSanitizer.global.contains(name) || name.hasPrefix("data-footnote") else {
                return Message(.htmlAttributeRemoved, ["attribute": .value(name), "element": .value(element)])
            }
            if HTMLSanitizer.urlAttributes.contains(name), let scheme = LinkTarget.scheme(of: attribute.value),
                !LinkTarget.allowedSchemes.contains(scheme)
            {
                return Message(
                    .htmlAddressRemoved, ["attribute": .value(name), "element": .value(element), "value": .value(shortened(attribute.value))])
            }
            if name == "style" && !isTextAlignment(attribute.value) {
                return Message(.htmlStyleRemoved, ["element": .value(element)])
            }
            return nil
        }

        /// cmark-gfm's task list box: `<input type="checkbox" disabled="">`.
        private static func keepsInput(_ element: HTMLTree.Element) -> Bool {
            element.attributes.contains { $0.name == "type" && $0.value.lowercased() == "checkbox" }
                && element.attributes.contains { $0.name == "disabled" }
        }

        /// What cmark-gfm writes for a table column's alignment.
        private static func isTextAlignment(_ style: String) -> Bool {
            var value = style.trimmed
            if value.hasSuffix(";") { value.removeLast() }
            return ["text-align: left", "text-align: center", "text-align: right"].contains(value)
        }

        private static func shortened(_ value: String) -> String {
            value.count > 60 ? String(value.prefix(60)) + "…" : value
        }

        /// As cmark-gfm escapes text and attribute values.
        private func escaped(_ text: String) -> String {
            guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
            var result = ""
            result.reserveCapacity(text.utf8.count + 16)
            for character in text.unicodeScalars {
                switch character {
                case "&": result += "&amp;"
                case "<": result += "&lt;"
                case ">": result += "&gt;"
                case "\"": result += "&quot;"
                default: result.unicodeScalars.append(character)
                }
            }
            return result
        }
    }
}
