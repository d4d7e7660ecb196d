import Foundation

/// How pages show a derived image: a `<picture>` whose WebP `srcset` lets
/// the browser pick the width it needs, and an `<img>` with the fallback,
/// its width and height (so nothing shifts while it loads).
enum PictureMarkup {
    /// `srcset` of the WebP files, relative to the page (`prefix` leads to the site root).
    static func srcset(_ image: DerivedImage, prefix: String) -> String {
        image.webp.map { "\(prefix)\($0.path) \($0.width)w" }.joined(separator: ", ")
    }

    /// A body's HTML with each Markdown image of a derived photo made a
    /// `<picture>`. The body was rendered before the images were known
    /// (and is cached so), so the `<img>` cmark wrote is found by its
    /// `src` and rewritten; its other attributes (alt, title) stay.
    static func body(_ html: String, links: [RenderedBody.Link], images: ImageTable, prefix: String) -> String {
        var shown: [String: DerivedImage] = [:]
        var linked: [String: String] = [:]
        for link in links {
            switch link.target {
            case .image(let path): if let image = images[path] { shown[path] = image }
            case .media(let path): if let stripped = images.linked[path] { linked[path] = stripped }
            default: break
            }
        }
        guard !shown.isEmpty || !linked.isEmpty else { return html }
        var out = html
        // A link to a photo leads to its stripped original (a fragment or
        // query after the file name stays).
        for (path, stripped) in linked.sorted(by: { $0.key < $1.key }) {
            let href = "href=\"" + (prefix + LinkTarget.percentEncoded(path)).replacingOccurrences(of: "&", with: "&amp;")
            for end in ["\"", "#", "?"] {
                out = out.replacingOccurrences(of: href + end, with: "href=\"" + prefix + stripped + end)
            }
        }
        for (path, image) in shown.sorted(by: { $0.key < $1.key }) {
            // As cmark escapes a URL in an attribute.
            let src = (prefix + LinkTarget.percentEncoded(path)).replacingOccurrences(of: "&", with: "&amp;")
            out = rewrite(out, src: src, image: image, prefix: prefix)
        }
        return out
    }

    private static func rewrite(_ html: String, src: String, image: DerivedImage, prefix: String) -> String {
        let opening = "<img src=\"\(src)\""
        var result = ""
        var rest = html[...]
        while let found = rest.range(of: opening) {
            // cmark escapes `>` in attributes, so the tag ends at the next one.
            guard let end = rest[found.upperBound...].firstIndex(of: ">") else { break }
            result += rest[..<found.lowerBound]
            var attributes = rest[found.upperBound..<end]
            if attributes.hasSuffix("/") { attributes = attributes.dropLast() }
            while attributes.hasSuffix(" ") { attributes = attributes.dropLast() }
            result += "<picture><source type=\"image/webp\" srcset=\"\(srcset(image, prefix: prefix))\" sizes=\"\(ImageSettings.sizes)\">"
            result += "<img src=\"\(prefix)\(image.fallback.path)\"\(attributes)"
            result += " width=\"\(image.fallback.width)\" height=\"\(image.fallback.height)\" loading=\"lazy\" decoding=\"async\" /></picture>"
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }
}
