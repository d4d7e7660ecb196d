import SiteText

/// Checks an SVG file from `medien/` before it is published: an SVG is a
/// document that can run scripts and load other files when it is opened
/// on its own, from the site's address. Anything that can is an error:
/// scripts, event handlers, references to other files or addresses,
/// embedded HTML, style sheets and entity declarations.
///
/// The file is parsed as HTML body content (`HTMLTree`), which reads
/// `<svg>` as SVG the way a browser reads inline SVG. Browsers open an
/// SVG file with their XML parser instead; where the two could read the
/// same bytes differently (HTML elements, namespace prefixes), the check
/// refuses rather than guesses.
enum SVGCheck {
    struct Finding: Equatable {
        /// Byte offset in the file.
        var offset: Int
        var message: Message
    }

    /// Whether `path` (below `medien/`) is checked; a compressed SVG
    /// cannot be and is refused.
    static func applies(to path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".svg") || lower.hasSuffix(".svgz")
    }

    /// The problems of one media file as errors at their line and column.
    static func diagnostics(for file: PassThroughFile, label: String) -> Diagnostics {
        var diagnostics = Diagnostics()
        let hint = Message(.hintSaveSVGPlain)
        if file.path.lowercased().hasSuffix(".svgz") {
            diagnostics.error(SourceLocation(path: label), .svgCompressed, hint: Message(.hintSaveUncompressed))
            return diagnostics
        }
        let bytes: [UInt8]
        switch file.origin {
        case .memory(let data): bytes = data
        case .disk(let path):
            guard let data = DiskLoader.read(path) else {
                diagnostics.error(SourceLocation(path: label), .cannotRead)
                return diagnostics
            }
            bytes = data
        }
        for finding in findings(in: bytes) {
            let (line, column) = TextPosition.lineAndColumn(of: finding.offset, in: bytes)
            diagnostics.error(SourceLocation(path: label, line: line, column: column), finding.message, hint: hint)
        }
        return diagnostics
    }

    /// What is wrong with the file, at most one finding of each kind (the
    /// first), in the order of the file.
    static func findings(in bytes: [UInt8]) -> [Finding] {
        var body = bytes[...]
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        if body.starts(with: bom) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            return [Finding(offset: 0, message: Message(.svgNotUTF8))]
        }
        var check = Walker()
        // XML reads these where the HTML parser sees only a comment or text.
        if let offset = byteOffset(of: "<!ENTITY", in: text) {
            check.found(offset, "entity", .svgEntity, [:])
        }
        guard let fragment = HTMLTree.parseFragment(text) else {
            return [Finding(offset: 0, message: Message(.svgTooDeep, ["depth": .number(HTMLTree.maximumParseDepth)]))]
        }
        check.walk(fragment.nodes, style: nil)
        if let offset = fragment.truncated {
            check.found(offset, "depth", .svgTooDeep, ["depth": .number(HTMLTree.maximumDepth)])
        }
        let shift = bytes.count - body.count
        return check.findings.sorted { $0.offset < $1.offset }.map { Finding(offset: $0.offset + shift, message: $0.message) }
    }

    private struct Walker {
        var findings: [Finding] = []
        private var kinds: Set<String> = []

        mutating func found(_ offset: Int, _ kind: String, _ code: MessageCode, _ arguments: [String: Message.Argument]) {
            if kinds.insert(kind).inserted { findings.append(Finding(offset: offset, message: Message(code, arguments))) }
        }

        /// `style`: the offset of the `<style>` element the nodes are in.
        mutating func walk(_ nodes: [HTMLTree.Node], style: Int?) {
            for node in nodes {
                switch node {
                case .text(let text):
                    if let style, let reference = SVGCheck.externalReference(inStyle: text) {
                        found(style, "style", .svgStyleReference, ["target": .value(shortened(reference))])
                    }
                case .comment(let text, let offset):
                    if text.hasPrefix("?xml-stylesheet") {
                        found(offset, "stylesheet", .svgStylesheet, [:])
                    }
                case .element(let element):
                    check(element)
                    walk(element.children, style: SVGCheck.localName(element.name) == "style" ? element.offset : nil)
                }
            }
        }

        private mutating func check(_ element: HTMLTree.Element) {
            let name = SVGCheck.localName(element.name)
            let shown = "`<\(element.name)>`"
            if name == "script" || name == "handler" || name == "listener" {
                found(element.offset, "script", .svgScript, ["element": .value(shown)])
            } else if name == "foreignobject" {
                found(element.offset, "foreign", .svgForeignObject, ["element": .value(shown)])
            } else if element.namespace != .svg {
                found(element.offset, "html", .svgHTMLElement, ["element": .value(shown)])
            }
            for attribute in element.attributes {
                let attributeName = SVGCheck.localName(attribute.name).lowercased()
                let value = attribute.value
                if attributeName.hasPrefix("on") {
                    found(attribute.offset, "handler", .svgEventHandler, ["attribute": .value(attribute.name), "element": .value(shown)])
                } else if attributeName == "href" || attributeName == "src" {
                    let target = value.trimmed
                    if !target.hasPrefix("#") {
                        found(
                            attribute.offset, "reference", .svgReference,
                            ["target": .value(shortened(target)), "attribute": .value(attribute.name), "element": .value(shown)])
                    }
                } else if attribute.name.hasPrefix("xmlns"), value.trimmed == "http://www.w3.org/1999/xhtml" {
                    found(attribute.offset, "html", .svgHTMLNamespace, ["attribute": .value(attribute.name), "element": .value(shown)])
                } else if (name == "animate" || name == "set") && attributeName == "attributename"
                    && (SVGCheck.localName(value.trimmed.lowercased()) == "href" || value.trimmed.lowercased().hasPrefix("on"))
                {
                    found(attribute.offset, "animation", .svgAnimation, ["value": .value(value), "element": .value(shown)])
                } else if let reference = SVGCheck.externalReference(inStyle: value) {
                    found(
                        attribute.offset, "url", .svgReference,
                        ["target": .value(shortened(reference)), "attribute": .value(attribute.name), "element": .value(shown)])
                } else if SVGCheck.runsScript(value) {
                    found(attribute.offset, "script-url", .svgScriptAddress, ["attribute": .value(attribute.name), "element": .value(shown)])
                }
            }
        }

        private func shortened(_ value: String) -> String {
            value.count > 60 ? String(value.prefix(60)) + "…" : value
        }
    }

    /// `xlink:href` → `href`: XML lets any prefix name a namespace, so only
    /// the local part says what an element or attribute is.
    static func localName(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }

    /// The first `url(…)` or `@import` in CSS that points anywhere but
    /// into the file itself.
    static func externalReference(inStyle css: String) -> String? {
        let lower = css.lowercased()
        if lower.contains("@import") { return "@import" }
        var rest = lower[...]
        while let range = rest.range(of: "url(") {
            var target = rest[range.upperBound...].drop { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "\t" || $0 == "\n" }
            if let end = target.firstIndex(where: { $0 == ")" || $0 == "\"" || $0 == "'" }) { target = target[..<end] }
            if !target.hasPrefix("#") { return "url(" + target.trimmed + ")" }
            rest = rest[range.upperBound...]
        }
        return nil
    }

    /// An address with a scheme that runs code, anywhere in a value
    /// (`values="javascript:…"` of an animation, for one).
    static func runsScript(_ value: String) -> Bool {
        let squeezed = String(value.unicodeScalars.filter { $0.value > 0x20 }.map(Character.init)).lowercased()
        return squeezed.contains("javascript:") || squeezed.contains("vbscript:") || squeezed.contains("data:text/html")
    }

    private static func byteOffset(of needle: String, in text: String) -> Int? {
        var text = text
        let pattern = Array(needle.utf8)
        return text.withUTF8 { String.offset(of: pattern, in: $0, from: 0) }
    }
}
