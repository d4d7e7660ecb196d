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
        var message: String
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
        let hint = "save the image again without scripts and links to other files, e.g. as plain SVG or as PNG"
        if file.path.lowercased().hasSuffix(".svgz") {
            diagnostics.error(
                SourceLocation(path: label), "a compressed SVG (.svgz) cannot be checked for scripts",
                hint: "save it uncompressed as .svg")
            return diagnostics
        }
        let bytes: [UInt8]
        switch file.origin {
        case .memory(let data): bytes = data
        case .disk(let path):
            guard let data = DiskLoader.read(path) else {
                diagnostics.error(SourceLocation(path: label), "cannot read the file")
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
            return [Finding(offset: 0, message: "the SVG is not UTF-8 text, so it cannot be checked for scripts")]
        }
        var check = Walker()
        // XML reads these where the HTML parser sees only a comment or text.
        if let offset = byteOffset(of: "<!ENTITY", in: text) {
            check.found(offset, "entity", "the SVG declares an entity (`<!ENTITY`), which can hide markup from this check")
        }
        guard let fragment = HTMLTree.parseFragment(text) else {
            return [Finding(offset: 0, message: "the SVG nests elements more than \(HTMLTree.maximumParseDepth) deep and cannot be checked")]
        }
        check.walk(fragment.nodes, style: nil)
        if let offset = fragment.truncated {
            check.found(offset, "depth", "the SVG nests elements more than \(HTMLTree.maximumDepth) deep and cannot be checked")
        }
        let shift = bytes.count - body.count
        return check.findings.sorted { $0.offset < $1.offset }.map { Finding(offset: $0.offset + shift, message: $0.message) }
    }

    private struct Walker {
        var findings: [Finding] = []
        private var kinds: Set<String> = []

        mutating func found(_ offset: Int, _ kind: String, _ message: String) {
            if kinds.insert(kind).inserted { findings.append(Finding(offset: offset, message: message)) }
        }

        /// `style`: the offset of the `<style>` element the nodes are in.
        mutating func walk(_ nodes: [HTMLTree.Node], style: Int?) {
            for node in nodes {
                switch node {
                case .text(let text):
                    if let style, let reference = SVGCheck.externalReference(inStyle: text) {
                        found(
                            style, "style", "the SVG's style sheet refers to `\(shortened(reference))`; an SVG may only refer to its own parts (#id)")
                    }
                case .comment(let text, let offset):
                    if text.hasPrefix("?xml-stylesheet") {
                        found(offset, "stylesheet", "the SVG loads a style sheet (`<?xml-stylesheet …?>`)")
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
                found(element.offset, "script", "the SVG contains a script (\(shown)); scripts in images are not published")
            } else if name == "foreignobject" {
                found(element.offset, "foreign", "the SVG contains \(shown), which can carry HTML and scripts")
            } else if element.namespace != .svg {
                found(element.offset, "html", "the SVG contains the HTML element \(shown), which an SVG image cannot use")
            }
            for attribute in element.attributes {
                let attributeName = SVGCheck.localName(attribute.name).lowercased()
                let value = attribute.value
                if attributeName.hasPrefix("on") {
                    found(attribute.offset, "handler", "the SVG has an event handler (`\(attribute.name)` on \(shown)), which runs a script")
                } else if attributeName == "href" || attributeName == "src" {
                    let target = value.trimmed
                    if !target.hasPrefix("#") {
                        found(
                            attribute.offset, "reference",
                            "the SVG refers to `\(shortened(target))` (`\(attribute.name)` on \(shown)); an SVG may only refer to its own parts (#id)"
                        )
                    }
                } else if attribute.name.hasPrefix("xmlns"), value.trimmed == "http://www.w3.org/1999/xhtml" {
                    found(attribute.offset, "html", "the SVG declares the HTML namespace (`\(attribute.name)` on \(shown)), which can carry scripts")
                } else if (name == "animate" || name == "set") && attributeName == "attributename"
                    && (SVGCheck.localName(value.trimmed.lowercased()) == "href" || value.trimmed.lowercased().hasPrefix("on"))
                {
                    found(attribute.offset, "animation", "the SVG animates `\(value)` (on \(shown)), which can turn into a link or script")
                } else if let reference = SVGCheck.externalReference(inStyle: value) {
                    found(
                        attribute.offset, "url",
                        "the SVG refers to `\(shortened(reference))` (`\(attribute.name)` on \(shown)); an SVG may only refer to its own parts (#id)")
                } else if SVGCheck.runsScript(value) {
                    found(attribute.offset, "script-url", "the SVG holds a script address in `\(attribute.name)` on \(shown)")
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
