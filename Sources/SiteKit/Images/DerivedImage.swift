/// What the image stage made of one photo in `medien/`: the sizes and
/// formats the pages offer the browser, named by the source's hash.
public struct DerivedImage: Sendable, Equatable {
    public struct Variant: Sendable, Equatable {
        public var width: Int
        public var height: Int
        /// Output path, e.g. `medien/_bilder/3fa0…-960.webp`.
        public var path: String
    }

    /// Hash of the source bytes and `ImageSettings.signature`.
    public var key: String
    /// The source's size, upright (orientation applied).
    public var width: Int
    public var height: Int
    /// WebP files, narrowest first.
    public var webp: [Variant]
    /// JPEG, or PNG for a source with transparency, at the middle width.
    public var fallback: Variant

    /// Every derived file.
    var variants: [Variant] { webp + [fallback] }

    /// Stored in the image cache beside the files, one line per file.
    var manifest: String {
        (["bild \(key) \(width) \(height)"] + variants.map { "\($0.width) \($0.height) \($0.path)" }).joined(separator: "\n") + "\n"
    }

    init(key: String, width: Int, height: Int, webp: [Variant], fallback: Variant) {
        self.key = key
        self.width = width
        self.height = height
        self.webp = webp
        self.fallback = fallback
    }

    /// Nil unless `text` is a whole manifest of `key`.
    init?(manifest text: String, key: String) {
        let lines = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        guard let head = lines.first, head.count == 4, head[0] == "bild", head[1] == key,
            let width = Int(head[2]), let height = Int(head[3]), lines.count >= 3
        else { return nil }
        var variants: [Variant] = []
        for line in lines.dropFirst() {
            guard line.count == 3, let w = Int(line[0]), let h = Int(line[1]), line[2].hasPrefix(ImageSettings.outputFolder + key)
            else { return nil }
            variants.append(Variant(width: w, height: h, path: line[2]))
        }
        self.init(key: key, width: width, height: height, webp: Array(variants.dropLast()), fallback: variants.last!)
    }
}

/// The derived images of a build, by source path (`medien/rathaus.jpg`).
public struct ImageTable: Sendable {
    public var images: [String: DerivedImage] = [:]

    public subscript(path: String) -> DerivedImage? { images[path] }
}

extension ImageTable {
    /// `digest` with every image's key mixed in, in path order.
    func digest(adding digest: ContentHash.Digest) -> ContentHash.Digest {
        var hash = ContentHash()
        hash.add(digest)
        for path in images.keys.sorted() {
            hash.add(path)
            hash.add(images[path]!.key)
        }
        return hash.digest
    }
}
